import pkg from "../../../package.json" with { type: "json" };

/** Where site owners can read who we are; there is no public repository URL yet, so it names the project. */
export const BOT_HOME = "news-digest-bot";

export const HTTP_DEFAULTS = {
  allowPrivate: false,
  allowAddresses: [] as readonly string[],
  maxBytes: 5 * 1024 * 1024,
  timeoutMs: 15_000,
  connectTimeoutMs: 10_000,
  maxRedirects: 5,
  userAgent: `news-digest-bot/${pkg.version} (+${BOT_HOME})`,
} as const;
