import { pino, type Logger, type DestinationStream, type LevelWithSilent } from "pino";

export type { Logger };

/** Bot tokens as they appear in Telegram URLs (`/bot123:abc/`) and Discord headers (`Bot xyz`). */
const TOKEN_PATTERNS = [/\d{5,}:[A-Za-z0-9_-]{20,}/g, /(Bot\s+)[A-Za-z0-9._-]{20,}/g];

export function redactSecrets(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length >= 6) out = out.split(secret).join("[redacted]");
  }
  for (const pattern of TOKEN_PATTERNS) {
    out = out.replace(pattern, (_m, prefix?: string) =>
      typeof prefix === "string" ? `${prefix}[redacted]` : "[redacted]",
    );
  }
  return out;
}

export interface LoggerOptions {
  level?: LevelWithSilent;
  /** Values that must never reach a log line (bot tokens). */
  secrets?: readonly string[];
  destination?: DestinationStream;
  /** Turns each JSON line into what people read (see `loadPrettifier`); unset: JSON lines. */
  prettify?: (line: string) => string;
}

/** A pino logger whose every line passes through `redactSecrets`, so no token leaks via error URLs. */
export function createLogger(options: LoggerOptions = {}): Logger {
  const secrets = options.secrets ?? [];
  const target: DestinationStream = options.destination ?? pino.destination(2);
  const prettify = options.prettify ?? ((line: string) => line);
  // Redacted before prettifying, so a pretty line holds no secret either.
  const redacting: DestinationStream = {
    write: (line: string) => target.write(prettify(redactSecrets(line, secrets))),
  };
  return pino(
    {
      level: options.level ?? "info",
      redact: {
        paths: ["token", "*.token", "config.*Token", "headers.authorization"],
        censor: "[redacted]",
      },
    },
    redacting,
  );
}

/** A logger that drops everything: the default in tests. */
export const silentLogger: Logger = pino({ level: "silent" });
