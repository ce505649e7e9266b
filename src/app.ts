import type { Config } from "./config.js";
import type { Logger } from "./lib/logger.js";

export interface App {
  /** Resolves with the process exit code once the app has stopped. */
  start(): Promise<number>;
  stop(): Promise<void>;
}

/** Composition root: the only place that knows every module. Bots are wired in as their issues land. */
export function createApp({ config, logger }: { config: Config; logger: Logger }): App {
  let resolveDone: (code: number) => void = () => {};
  const done = new Promise<number>((resolve) => (resolveDone = resolve));
  return {
    start: async () => {
      logger.error({ articles: config.ARTICLES_DIR }, "bot mode is not available yet");
      resolveDone(1);
      return done;
    },
    stop: async () => resolveDone(0),
  };
}

export async function registerDiscordCommands(_config: Config, logger: Logger): Promise<number> {
  logger.error("Discord command registration is not available yet");
  return 1;
}
