/** Every IANA zone this runtime knows, "UTC" included. */
export const KNOWN_ZONES: readonly string[] = (() => {
  const zones = Intl.supportedValuesOf("timeZone");
  return zones.includes("UTC") ? zones : ["UTC", ...zones];
})();

/** The first of the candidates this runtime lists (renamed zones: Kyiv/Kiev, Kolkata/Calcutta). */
function available(...candidates: string[]): string {
  return candidates.find((z) => KNOWN_ZONES.includes(z)) ?? candidates[0]!;
}

/** Abbreviations people type for a zone, lower-cased, mapped to the city they usually mean. */
const ABBREVIATIONS: Readonly<Record<string, string>> = {
  est: "America/New_York",
  edt: "America/New_York",
  eastern: "America/New_York",
  cst: "America/Chicago",
  cdt: "America/Chicago",
  mst: "America/Denver",
  mdt: "America/Denver",
  pst: "America/Los_Angeles",
  pdt: "America/Los_Angeles",
  pacific: "America/Los_Angeles",
  bst: "Europe/London",
  cet: "Europe/Paris",
  cest: "Europe/Paris",
  eet: "Europe/Athens",
  eest: "Europe/Athens",
  msk: "Europe/Moscow",
  ist: available("Asia/Kolkata", "Asia/Calcutta"),
  jst: "Asia/Tokyo",
};

/** City names that are not (or not in this runtime) the zone's IANA name. */
const CITY_NAMES: Readonly<Record<string, string>> = {
  kyiv: available("Europe/Kyiv", "Europe/Kiev"),
  kiev: available("Europe/Kyiv", "Europe/Kiev"),
  kolkata: available("Asia/Kolkata", "Asia/Calcutta"),
  calcutta: available("Asia/Kolkata", "Asia/Calcutta"),
};

/** Every name people type for a zone, lower-cased, mapped to the zone. */
export const ZONE_ALIASES: Readonly<Record<string, string>> = { ...ABBREVIATIONS, ...CITY_NAMES };

/**
 * Why a zone name should not be stored, or undefined. Abbreviations such as "EST" or "CET" are
 * legacy fixed-offset or ambiguous ids ("EST" never observes daylight saving): refused with the
 * city they usually mean, on every platform alike.
 */
export function zoneNameProblem(name: string): string | undefined {
  const tz = name.trim();
  if (tz.includes("/") || /^(?:UTC|GMT)$/i.test(tz)) return undefined;
  const key = tz.toLowerCase();
  const shown = tz.length > 40 ? `${tz.slice(0, 39)}…` : tz;
  const abbreviated = ABBREVIATIONS[key];
  if (abbreviated !== undefined) {
    return `"${shown}" is an abbreviation, not a time zone (it ignores daylight saving or means several places); use "${abbreviated}"`;
  }
  const city = CITY_NAMES[key];
  return city === undefined
    ? undefined
    : `"${shown}" is a city, not a time zone name; use "${city}"`;
}
