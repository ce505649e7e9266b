import type { LookupFunction } from "./guarded-agent.js";

/** A resolver answering from a fixed table (tests, benchmarks); unknown names fail as ENOTFOUND. */
export function createStaticLookup(
  table: Record<string, string> | ((host: string) => string | undefined),
): LookupFunction {
  const resolve = typeof table === "function" ? table : (host: string) => table[host];
  return (hostname, options, callback) => {
    const address = resolve(hostname);
    if (address === undefined) {
      const error: NodeJS.ErrnoException = new Error(`getaddrinfo ENOTFOUND ${hostname}`);
      error.code = "ENOTFOUND";
      return callback(error, "");
    }
    const family = address.includes(":") ? 6 : 4;
    if ((options as { all?: boolean }).all) return callback(null, [{ address, family }]);
    return callback(null, address, family);
  };
}
