import { z } from "zod";
import { ConfigError, LOG_FORMATS } from "./lib/index.js";

const DURATION = /^(\d+)\s*(ms|s|m|h|d)?$/;
const UNIT_MS = { ms: 1, s: 1e3, m: 6e4, h: 36e5, d: 864e5 } as const;

/** "6h", "90m", "30s" or a bare number of milliseconds. */
const Duration = z
  .string()
  .trim()
  .regex(DURATION, 'must be a duration such as "6h", "90m", "30s" or milliseconds')
  .transform((v) => {
    const [, n, unit] = DURATION.exec(v)!;
    return Number(n) * UNIT_MS[(unit ?? "ms") as keyof typeof UNIT_MS];
  });

const SECOND = 1e3;
const HOUR = 36e5;
const DAY = 864e5;

/** Writes a bound back in the unit people type ("24h", "1s"), for error messages. */
function formatMs(ms: number): string {
  for (const [unit, size] of [
    ["d", DAY],
    ["h", HOUR],
    ["m", 6e4],
    ["s", SECOND],
  ] as const) {
    if (ms % size === 0) return `${ms / size}${unit}`;
  }
  return `${ms}ms`;
}

/** A duration within bounds: intervals must stay far below setTimeout's 24.8-day limit, and never 0. */
const boundedDuration = (min: number, max: number) =>
  Duration.refine((ms) => ms >= min && ms <= max, {
    message: `must be between ${formatMs(min)} and ${formatMs(max)}`,
  });

const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();
const optionalUrl = optionalString.pipe(z.url().optional());

/** Comma-separated feed/page URLs, folders and files; empty entries are dropped. */
const SourceList = z.string().transform((v) =>
  v
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean),
);

export const ConfigSchema = z.object({
  ARTICLES_DIR: z.string().trim().min(1).default("seeds"),
  MAX_ARTICLE_BYTES: z.coerce.number().int().positive().default(1_048_576),
  ALLOW_HARDLINKS: z.stringbool().default(false),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** auto: readable lines on a terminal, JSON lines otherwise. */
  LOG_FORMAT: z.enum(LOG_FORMATS).default("auto"),
  DATABASE_PATH: z.string().trim().min(1).default("./data/digest.db"),
  /** postgres://… selects Postgres; sqlite:PATH or a bare path is SQLite. Wins over DATABASE_PATH. */
  DATABASE_URL: optionalString.pipe(
    z
      .string()
      .refine(
        (v) => !/^[a-z][a-z0-9+.-]*:\/\//i.test(v) || /^(postgres(ql)?|sqlite):\/\//i.test(v),
        "must be a postgres:// URL, a sqlite: URL or a file path",
      )
      .optional(),
  ),
  RESCAN_INTERVAL: boundedDuration(SECOND, 24 * HOUR).default(5_000),
  CATCHUP_GRACE: boundedDuration(SECOND, 7 * DAY).default(6 * HOUR),
  DEACTIVATE_AFTER: z.coerce.number().int().min(1).default(3),
  LEDGER_RETENTION: boundedDuration(HOUR, 3650 * DAY).default(30 * DAY),
  /** A crashed delivery process's platform is taken over after this long (sooner on its own host). */
  DELIVERY_LEASE_TTL: boundedDuration(SECOND, HOUR).default(30_000),
  TELEGRAM_BOT_TOKEN: optionalString,
  TELEGRAM_API_ROOT: optionalUrl,
  TELEGRAM_TEST_ENV: z.stringbool().default(false),
  TELEGRAM_WEBHOOK_URL: optionalUrl,
  TELEGRAM_WEBHOOK_PORT: z.coerce.number().int().min(1).max(65535).default(8080),
  TELEGRAM_WEBHOOK_SECRET: optionalString,
  /** Scheduled Telegram messages per second across all chats (30 is Telegram's free broadcast limit). */
  TELEGRAM_SEND_RATE: z.coerce.number().int().min(1).max(1000).default(30),
  DISCORD_TOKEN: optionalString,
  DISCORD_APPLICATION_ID: optionalString.pipe(
    z
      .string()
      .regex(/^\d{5,}$/, "must be a numeric snowflake")
      .optional(),
  ),
  DISCORD_GUILD_ID: optionalString.pipe(
    z
      .string()
      .regex(/^\d{5,}$/, "must be a numeric snowflake")
      .optional(),
  ),
  DISCORD_API_ROOT: z.url().default("https://discord.com/api"),
  /** Gateway shards of the bot: a count, or `auto` (Discord's recommendation). */
  DISCORD_SHARDS: z
    .string()
    .trim()
    .toLowerCase()
    .default("1")
    .pipe(z.union([z.literal("auto"), z.coerce.number<string>().int().min(1).max(1024)])),
  /** How long the Telegram poller's or a Discord shard's lease outlives a process that vanished. */
  BOT_LEASE_TTL: boundedDuration(SECOND, HOUR).default(30_000),
  /** Unset: ARTICLES_DIR alone (how older setups keep working). */
  SOURCES: optionalString.pipe(SourceList.optional()),
  MAX_SOURCES_PER_CHAT: z.coerce.number().int().min(1).default(50),
  POLL_MIN: Duration.default(5 * 6e4),
  POLL_MAX: Duration.default(6 * 36e5),
  FETCH_TIMEOUT: Duration.default(15_000),
  MAX_FETCH_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(5 * 1024 * 1024),
  ALLOW_PRIVATE_URLS: z.stringbool().default(false),
  FETCH_ARTICLE_PAGES: z.enum(["auto", "never"]).default("auto"),
  SOURCE_DISABLE_AFTER: Duration.default(3 * 864e5),
  /** Health, metrics and status page; off unless set. Beyond loopback HTTP_TOKEN is required. */
  HTTP_PORT: optionalString.pipe(z.coerce.number<string>().int().min(0).max(65535).optional()),
  HTTP_HOST: z.string().trim().min(1).default("127.0.0.1"),
  HTTP_TOKEN: optionalString,
});

/** Rules across fields, checked on the raw env so they are reported together with field errors. */
function crossFieldProblems(env: Record<string, string | undefined>): string[] {
  const set = (k: string) => (env[k] ?? "").trim() !== "";
  const problems =
    set("DISCORD_TOKEN") && !set("DISCORD_APPLICATION_ID")
      ? ["DISCORD_APPLICATION_ID is required when DISCORD_TOKEN is set"]
      : [];
  const min = ConfigSchema.shape.POLL_MIN.safeParse(env["POLL_MIN"]);
  const max = ConfigSchema.shape.POLL_MAX.safeParse(env["POLL_MAX"]);
  if (min.success && max.success && min.data > max.data) {
    problems.push("POLL_MIN must not be longer than POLL_MAX");
  }
  return problems;
}

/** Where articles come from: SOURCES when set, else ARTICLES_DIR. */
export function configSources(config: Pick<Config, "SOURCES" | "ARTICLES_DIR">): string[] {
  return config.SOURCES && config.SOURCES.length > 0 ? config.SOURCES : [config.ARTICLES_DIR];
}

export type Config = z.infer<typeof ConfigSchema>;

/** Pure: reads only the given env object. Throws one ConfigError listing every problem, never a secret's value. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = ConfigSchema.safeParse(env);
  const problems = [
    ...(parsed.success
      ? []
      : parsed.error.issues.map((i) => `${i.path.join(".") || "(env)"} ${i.message}`)),
    ...crossFieldProblems(env),
  ];
  if (parsed.success && problems.length === 0) return parsed.data;
  throw new ConfigError(`Invalid configuration:\n- ${problems.join("\n- ")}`, {
    problems: problems.length,
  });
}

/** The secrets the logger must scrub from every line. */
export function configSecrets(config: Config): string[] {
  return [
    config.TELEGRAM_BOT_TOKEN,
    config.DISCORD_TOKEN,
    config.TELEGRAM_WEBHOOK_SECRET,
    config.HTTP_TOKEN,
    databasePassword(config.DATABASE_URL),
  ].filter((s): s is string => !!s);
}

/** Where the store lives: DATABASE_URL when set, else the SQLite file DATABASE_PATH. */
export function databaseUrl(config: Pick<Config, "DATABASE_URL" | "DATABASE_PATH">): string {
  return config.DATABASE_URL ?? config.DATABASE_PATH;
}

function databasePassword(url: string | undefined): string | undefined {
  if (url === undefined || !/^postgres(ql)?:\/\//i.test(url)) return undefined;
  try {
    return decodeURIComponent(new URL(url).password) || undefined;
  } catch {
    return undefined;
  }
}
