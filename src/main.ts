import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { configSecrets, configSources, loadConfig, type Config } from "./config.js";
import { DIGEST_FORMATS, isDigestFormat, runDigest } from "./adapters/console/index.js";
import { chooseLogFormat, createLogger, loadPrettifier, type Logger } from "./lib/index.js";
import { ArticleError, ConfigError } from "./lib/index.js";
import type { Role } from "./app/index.js";

const USAGE = `Usage:
  npm start [-- --role ROLES]        run the bots when tokens are set, else print the digest of ARTICLES_DIR
  npm run digest -- [--source URL_OR_PATH ...] [--articles DIR] [--format FORMAT]
  npm run register-commands          register Discord slash commands
Options:
  --source S       a feed or page URL, a folder or a file; repeatable (default: SOURCES, else ARTICLES_DIR)
  --articles DIR   folder of articles (same as --source DIR)
  --format FORMAT  text (default), json (cards), articles (the articles as read), stories (JSON,
                   one entry per event) or stories-text
  --role ROLES     what this process does: all (default), or a comma list of bots, ingest, deliver
  -h, --help       show this help`;

function usageError(message: string): number {
  process.stderr.write(`${message}\n\n${USAGE}\n`);
  return 2;
}

/** Logs go to stderr: readable lines when that is a terminal, JSON lines otherwise (LOG_FORMAT). */
async function appLogger(config: Config): Promise<Logger> {
  const pretty = chooseLogFormat(config.LOG_FORMAT, process.stderr) === "pretty";
  return createLogger({
    level: config.LOG_LEVEL,
    secrets: configSecrets(config),
    ...(pretty
      ? { prettify: await loadPrettifier({ colors: process.stderr.isTTY === true }) }
      : {}),
  });
}

async function startApp(config: Config, roles: ReadonlySet<Role>): Promise<number> {
  const logger = await appLogger(config);
  const { createApp } = await import("./app/index.js");
  const app = createApp({ config, logger, roles });
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
        source: { type: "string", multiple: true },
        format: { type: "string" },
        role: { type: "string" },
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
  if (!isDigestFormat(format))
    return usageError(`--format must be one of ${DIGEST_FORMATS.join(", ")}, not "${format}"`);

  let config: Config;
  try {
    // A local .env (see .env.example) fills in what the shell did not set.
    if (existsSync(".env")) process.loadEnvFile(".env");
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) return usageError(error.message);
    throw error;
  }
  const given = [...(values.source ?? []), ...(values.articles ? [values.articles] : [])];
  const digest = (sources: string[]) =>
    runDigest({
      sources,
      format,
      maxBytes: config.MAX_ARTICLE_BYTES,
      fetch: {
        allowPrivate: config.ALLOW_PRIVATE_URLS,
        timeoutMs: config.FETCH_TIMEOUT,
        maxBytes: config.MAX_FETCH_BYTES,
        pages: config.FETCH_ARTICLE_PAGES,
      },
      stdout: process.stdout,
      stderr: process.stderr,
    });

  try {
    const sources = given.length > 0 ? given : configSources(config);
    if (command === "digest") return await digest(sources);
    if (command === "register-commands") {
      const { registerDiscordCommands } = await import("./app/index.js");
      return await registerDiscordCommands(config, await appLogger(config));
    }
    // Loaded only here: the bots' SDKs, pg and hono cost the digest CLI load time it never uses.
    const { parseRoles } = await import("./app/index.js");
    const roles = parseRoles(values.role);
    if (!roles.ok) return usageError(roles.error);
    const hasToken = Boolean(config.TELEGRAM_BOT_TOKEN || config.DISCORD_TOKEN);
    if (values.role === undefined && !hasToken) {
      await digest(sources);
      return 0;
    }
    if (!hasToken && (roles.roles.has("bots") || roles.roles.has("deliver"))) {
      return usageError(
        "the bots and deliver roles need TELEGRAM_BOT_TOKEN or DISCORD_TOKEN (ingest needs none)",
      );
    }
    return await startApp(config, roles.roles);
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
