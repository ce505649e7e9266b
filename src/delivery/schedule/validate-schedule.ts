import { validateDetailed } from "node-cron";
import { parseCron } from "./parse-cron.js";

export type ValidationResult = { ok: true } | { ok: false; error: string };

const ZONE_HINT = `use an IANA name such as "Europe/Berlin" or "Asia/Almaty"`;

/** A standard 5-field cron expression that our slot math and node-cron both accept; errors are one chat-ready line. */
export function validateCron(expression: string): ValidationResult {
  const parsed = parseCron(expression);
  if (!parsed.ok) return parsed;
  // Belt and braces: never store an expression node-cron itself would refuse.
  const detailed = validateDetailed(parsed.spec.source);
  if (!detailed.valid) {
    const reason = detailed.errors[0]?.message ?? "rejected";
    return {
      ok: false,
      error: `cron "${parsed.spec.source}" is not accepted (${reason}); e.g. "0 8 * * *" for 08:00 daily`,
    };
  }
  return { ok: true };
}

/** Etc/GMT names invert the sign: UTC+05:00 is "Etc/GMT-5". */
function etcZoneFor(offset: string): string | null {
  const match = /^(?:UTC|GMT)?\s*([+-])(\d{1,2})(?::?00)?$/i.exec(offset);
  if (!match) return null;
  const hours = Number(match[2]);
  if (hours === 0) return "UTC";
  const name = `Etc/GMT${match[1] === "+" ? "-" : "+"}${hours}`;
  return isKnownZone(name) ? name : null;
}

function isKnownZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/**
 * An IANA time zone name (or "UTC"). Fixed offsets like "+05:00" are refused: they carry no DST
 * rules, so a user in a DST zone would drift by an hour twice a year.
 */
export function validateTimeZone(tz: string): ValidationResult {
  const name = tz.trim();
  // Errors repeat the name: a pasted page must not make a reply longer than a chat allows.
  const shown = name.length > 60 ? `${name.slice(0, 59)}…` : name;
  if (name === "") return { ok: false, error: `time zone is empty; ${ZONE_HINT}` };
  if (/^(?:UTC|GMT)?\s*[+-]\d/i.test(name)) {
    const etc = etcZoneFor(name);
    const fixed = etc ? ` (or "${etc}" if you really want a fixed offset without DST)` : "";
    return { ok: false, error: `"${shown}" is an offset, not a time zone; ${ZONE_HINT}${fixed}` };
  }
  if (!isKnownZone(name))
    return { ok: false, error: `"${shown}" is not a known time zone; ${ZONE_HINT}` };
  return { ok: true };
}
