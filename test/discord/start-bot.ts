import { Writable } from "node:stream";
import { createLogger, type Logger } from "../../src/lib/logger.js";
import {
  createDiscordBot,
  type DiscordBot,
  type DiscordBotOptions,
} from "../../src/adapters/discord/index.js";
import type { FactCard } from "../../src/digest/index.js";
import { createMemoryBackend } from "../fakes/memory-backend.js";
import {
  createFakeDiscord,
  type FakeDiscord,
  type FakeDiscordOptions,
} from "../fakes/discord/fake-discord.js";
import { sampleCards } from "../fixtures/cards.js";

export interface Harness {
  fake: FakeDiscord;
  bot: DiscordBot;
  backend: ReturnType<typeof createMemoryBackend>;
  /** Every log line the bot wrote (JSON), to check nothing secret leaks. */
  logs: string[];
  logger: Logger;
  close(): Promise<void>;
}

export async function startBot(
  options: {
    cards?: FactCard[];
    fake?: FakeDiscordOptions;
    bot?: Partial<DiscordBotOptions>;
    start?: boolean;
  } = {},
): Promise<Harness> {
  const fake = await createFakeDiscord(options.fake);
  const backend = createMemoryBackend(options.cards ?? sampleCards);
  const logs: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logs.push(chunk.toString());
      done();
    },
  });
  const logger = createLogger({ level: "debug", destination });
  const bot = createDiscordBot({
    token: fake.token,
    applicationId: fake.applicationId,
    guildId: fake.ids.guild,
    apiRoot: fake.apiRoot,
    backend,
    logger,
    waitGuildTimeoutMs: 1_000,
    ...options.bot,
  });
  if (options.start !== false) await bot.start();
  return {
    fake,
    bot,
    backend,
    logs,
    logger,
    close: async () => {
      await bot.stop();
      await fake.close();
    },
  };
}
