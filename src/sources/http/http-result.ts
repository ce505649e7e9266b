import type { FetchError } from "./fetch-error.js";

export interface HttpResponse {
  ok: true;
  /** 2xx, or 304 for a conditional request (then `body` is empty). */
  status: number;
  /** The final URL after redirects. */
  url: string;
  /** Lower-case names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  /** The decompressed body. */
  body: Buffer;
  /** The body decoded by its BOM, declared charset, XML prolog or `<meta charset>`. */
  text(): string;
}

export type HttpResult = HttpResponse | { ok: false; error: FetchError };

export interface GetOptions {
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export interface HttpClient {
  get(url: string, options?: GetOptions): Promise<HttpResult>;
  /** Closes pooled connections; idempotent. */
  close(): Promise<void>;
}
