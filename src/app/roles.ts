/** What one process does; several processes on one database split the work by role. */
export const ROLES = ["bots", "ingest", "deliver"] as const;
export type Role = (typeof ROLES)[number];

export type RolesResult = { ok: true; roles: Set<Role> } | { ok: false; error: string };

/** `all` (default) or a comma list such as `bots,deliver`. */
export function parseRoles(text: string | undefined): RolesResult {
  const words = (text ?? "all")
    .split(",")
    .map((w) => w.trim().toLowerCase())
    .filter(Boolean);
  if (words.length === 0) return { ok: false, error: "--role needs a value, e.g. --role all" };
  const roles = new Set<Role>();
  for (const word of words) {
    if (word === "all") ROLES.forEach((r) => roles.add(r));
    else if ((ROLES as readonly string[]).includes(word)) roles.add(word as Role);
    else return { ok: false, error: `unknown role "${word}": use all, ${ROLES.join(", ")}` };
  }
  return { ok: true, roles };
}
