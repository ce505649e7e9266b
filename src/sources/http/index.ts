export { createHttpClient, type HttpClientOptions } from "./create-http-client.js";
export type { GetOptions, HttpClient, HttpResponse, HttpResult } from "./http-result.js";
export { FetchError, type FetchErrorCode } from "./fetch-error.js";
export { isForbiddenAddress } from "./address-guard.js";
export type { LookupFunction } from "./guarded-agent.js";
export { createStaticLookup } from "./static-lookup.js";
export { decodeText, sniffCharset } from "./decode-text.js";
export { parseRetryAfter } from "./retry-after.js";
export { HTTP_DEFAULTS } from "./http-defaults.js";
export { createHostLimiter, type HostLimiter, type HostLimiterOptions } from "./host-limiter.js";
export {
  createSharedHostLimiter,
  type ReserveHostStart,
  type SharedHostLimiterOptions,
} from "./shared-host-limiter.js";
