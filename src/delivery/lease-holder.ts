import { randomBytes } from "node:crypto";
import { hostname } from "node:os";

/** `host:pid:random`: readable in the "lease held by" message, unique per engine instance. */
export function createLeaseHolder(): string {
  return `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
}

/**
 * True only when the holder certainly died: same host and its pid no longer exists. Anything else
 * (another host, unparsable, EPERM) counts as alive and the lease must expire instead.
 */
export function isLeaseHolderGone(holder: string): boolean {
  const [host, pidText] = holder.split(":");
  const pid = Number(pidText);
  if (host !== hostname() || !Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ESRCH";
  }
}
