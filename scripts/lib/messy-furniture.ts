/**
 * Page furniture and wire leftovers that must never reach a card, judged on the card's strings.
 * Kept apart from the core's own noise filter so the eval does not grade the filter by itself.
 */
export const FURNITURE: ReadonlyArray<{ name: string; re: RegExp }> = [
  { name: "skip link", re: /\bskip to (?:main )?content\b/i },
  { name: "account", re: /\b(?:sign in|log in|sign up|subscribe|newsletter)\b/i },
  {
    name: "cookies",
    re: /\b(?:accept|agree|use)\b.*\bcookies?\b|\bcookies?\b.*\b(?:accept|agree|settings|preferences|policy)\b/i,
  },
  { name: "page stamp", re: /^(?:updated|published|posted)\b/i },
  { name: "share bar", re: /\b(?:share (?:this|on)|facebook|whatsapp|twitter)\b/i },
  { name: "section | date", re: /^[\p{L} &]{2,25}\s\|\s/u },
  { name: "advert", re: /\badvertisement\b/i },
  {
    name: "footer",
    re: /\b(?:privacy policy|terms and conditions|contact us|all rights reserved)\b|©/i,
  },
  { name: "caption", re: /\((?:photo|image|picture)\b[^)]*\)|^(?:photo|image):/i },
  { name: "byline", re: /^(?:By|BY)\s+\p{Lu}/u },
  { name: "wire credit", re: /\b(?:reporting|editing) by\b/i },
  {
    name: "related",
    re: /^(?:read more|related|most read|most popular)\b|\byou might also like\b/i,
  },
  { name: "correction", re: /\b(?:correction\b|an earlier version of this article|was amended)/i },
  { name: "wire tag", re: /\((?:reuters|ap|afp)\)|\/prnewswire\/|\(business wire\)/i },
  {
    name: "dateline",
    re: /^\p{Lu}{3,}[\p{Lu} .'’-]*(?:,\s[\p{L}. ]+)?(?:\s\([^)]{2,20}\))?\s*[–—-]{1,2}\s/u,
  },
  { name: "time stamp", re: /^\d{1,2}:\d{2}\b/ },
];

/** Names of the furniture patterns `text` matches; empty for clean text. */
export function furnitureIn(text: string): string[] {
  return FURNITURE.filter((f) => f.re.test(text.trim())).map((f) => f.name);
}
