import type { LookupAddress, LookupAllOptions, LookupOneOptions } from "node:dns";
import { lookup as dnsLookup } from "node:dns";
import type { Socket } from "node:net";
import { Agent, buildConnector } from "undici";
import { isIpLiteral, isRefused, type AddressPolicy } from "./address-guard.js";
import { ForbiddenAddressError } from "./fetch-error.js";

/** The `dns.lookup` signature as `net.connect` calls it (with `all: true` when racing families). */
export type LookupFunction = (
  hostname: string,
  options: LookupOneOptions | LookupAllOptions,
  callback: (
    error: NodeJS.ErrnoException | null,
    address: string | LookupAddress[],
    family?: number,
  ) => void,
) => void;

type LookupCallback = Parameters<LookupFunction>[2];

/** Wraps a resolver so that a name resolving to a refused address fails before any socket opens. */
export function guardLookup(lookup: LookupFunction, policy: AddressPolicy): LookupFunction {
  return (hostname, options, callback: LookupCallback) => {
    lookup(hostname, options, (error, address, family) => {
      if (error) return callback(error, address, family);
      const all = Array.isArray(address) ? address.map((a) => a.address) : [address];
      const refused = all.find((a) => isRefused(a, policy));
      if (refused !== undefined) return callback(new ForbiddenAddressError(refused), address);
      return callback(null, address, family);
    });
  };
}

/**
 * An undici Agent whose connector checks the address it actually connects to: IP literals before
 * dialing, names inside the resolver (so DNS rebinding cannot slip past a pre-check) and the
 * socket's remote address once connected.
 */
export function createGuardedAgent(options: {
  policy: AddressPolicy;
  lookup?: LookupFunction;
  connectTimeoutMs: number;
}): Agent {
  const lookup = guardLookup(options.lookup ?? (dnsLookup as LookupFunction), options.policy);
  const connector = buildConnector({ timeout: options.connectTimeoutMs, lookup });
  return new Agent({
    connect: (connectOptions, callback) => {
      const host = connectOptions.hostname;
      if (isIpLiteral(host) && isRefused(host, options.policy)) {
        callback(new ForbiddenAddressError(host), null);
        return;
      }
      connector(connectOptions, (error, socket) => {
        if (error || !socket) return callback(error ?? new Error("no socket"), null);
        const remote = (socket as Socket).remoteAddress;
        if (remote === undefined || isRefused(remote, options.policy)) {
          socket.destroy();
          return callback(new ForbiddenAddressError(remote ?? "unknown"), null);
        }
        return callback(null, socket);
      });
    },
  });
}
