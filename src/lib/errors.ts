/** Base of the few named errors; `context` says which file, field or chat was involved. */
export class DigestBotError extends Error {
  override name = "DigestBotError";
  readonly context: Record<string, unknown>;
  constructor(
    message: string,
    context: Record<string, unknown> = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.context = context;
  }
}

/** Configuration is invalid; the message lists every problem. */
export class ConfigError extends DigestBotError {
  override name = "ConfigError";
}

/** An article could not be read or parsed. Returned as a value per file, thrown only by single-file APIs. */
export class ArticleError extends DigestBotError {
  override name = "ArticleError";
  constructor(
    readonly file: string,
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`${file}: ${reason}`, { file }, options);
  }
}

/** Stored data did not match its schema, or the database is held by another process. */
export class StoreError extends DigestBotError {
  override name = "StoreError";
}
