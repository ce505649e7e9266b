import ipaddr from "ipaddr.js";

/**
 * True when a connection to `address` must be refused: anything that is not a global unicast
 * address (private, loopback, link-local, multicast, reserved, unspecified, NAT64/6to4/Teredo
 * embeddings). IPv4-mapped IPv6 and decimal/hex/octal IPv4 spellings are normalised first;
 * anything unparseable is refused.
 */
export function isForbiddenAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, "");
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    parsed = ipaddr.process(bare);
  } catch {
    return true;
  }
  return parsed.range() !== "unicast";
}

/** True when `host` (a URL hostname) is an IP literal in any spelling rather than a name. */
export function isIpLiteral(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, "");
  return ipaddr.isValid(bare);
}

export interface AddressPolicy {
  /** Reach private and loopback addresses too (local development, benchmarks). */
  allowPrivate: boolean;
  /** Exact addresses reachable despite the guard (a local test server). */
  allowAddresses: readonly string[];
}

/** The policy's verdict on one address the socket is about to use. */
export function isRefused(address: string, policy: AddressPolicy): boolean {
  if (policy.allowPrivate) return false;
  const bare = address.replace(/^\[|\]$/g, "");
  if (policy.allowAddresses.includes(bare)) return false;
  return isForbiddenAddress(bare);
}
