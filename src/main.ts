import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { configSecrets, loadConfig, type Config } from "./config.js";
import { runDigest } from "./adapters/console/index.js";
import { createLogger } from "./lib/logger.js";
import { ArticleError, ConfigError } from "./lib/errors.js";

const USAGE = `Usage:
  npm start                          run the bots when tokens are set, else print the digest of ARTICLES_DIR
  npm run digest -- [--articles DIR] [--format text|json]
  npm run register-commands          register Discord slash commands
Options:
  --articles DIR   folder of *.txt articles (default: ARTICLES_DIR or "seeds")
  --format FORMAT  text (default) or json
  -h, --help       show this help`;

function usageError(message: string): number {
  process.stderr.write(`${message}\n\n${USAGE}\n`);
  return 2;
}

async function startApp(config: Config): Promise<number> {
  const logger = createLogger({ level: config.LOG_LEVEL, secrets: configSecrets(config) });
  const { createApp } = await import("./app.js");
  const app = createApp({ config, logger });
  const stop = async (signal: string) => {
    logger.info({ signal }, "shutting down");
    await app.stop();
  };
  process.once("SIGINT", () => void stop("SIGINT"));
  process.once("SIGTERM", () => void stop("SIGTERM"));
  await app.start();
  return app.done;
}

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        articles: { type: "string" },
        format: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (error) {
    return usageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const [command = "start", ...extra] = positionals;
  if (extra.length) return usageError(`Unexpected argument: ${extra[0]}`);
  if (!["start", "digest", "register-commands"].includes(command))
    return usageError(`Unknown command: ${command}`);
  const format = values.format ?? "text";
  if (format !== "text" && format !== "json")
    return usageError(`--format must be "text" or "json", not "${format}"`);

  let config: Config;
  try {
    // A local .env (see .env.example) fills in what the shell did not set.
    if (existsSync(".env")) process.loadEnvFile(".env");
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) return usageError(error.message);
    throw error;
  }
  const digest = (articles: string) =>
    runDigest({
      articles,
      format,
      maxBytes: config.MAX_ARTICLE_BYTES,
      allowHardlinks: config.ALLOW_HARDLINKS,
      stdout: process.stdout,
      stderr: process.stderr,
    });

  try {
    if (command === "digest") return await digest(values.articles ?? config.ARTICLES_DIR);
    if (command === "register-commands") {
      const { registerDiscordCommands } = await import("./app.js");
      return await registerDiscordCommands(
        config,
        createLogger({ level: config.LOG_LEVEL, secrets: configSecrets(config) }),
      );
    }
    if (!config.TELEGRAM_BOT_TOKEN && !config.DISCORD_TOKEN) {
      await digest(values.articles ?? config.ARTICLES_DIR);
      return 0;
    }
    return await startApp(config);
  } catch (error) {
    if (error instanceof ArticleError) {
      process.stderr.write(`${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`fatal: ${(error as Error).message}\n`);
    process.exitCode = 1;
  },
);
