/**
 * Adversarial article shapes for `npm run fuzz`: each makes text of about `bytes` characters from
 * a seeded `random`, so a run is the same on every machine. Named after what they stress.
 */
export type Random = () => number;
export type ShapeMaker = (random: Random, bytes: number) => string;

const COMMON =
  `the of and to in a is that for it as was with be by on not he this are or his from at which
  but have an they you were her she there been one all we their has would when if so no will more said
  council minister prices rose city plan water market bank police court vote year`.split(/\s+/);
const SCRIPTS = [
  "Привет мир новости",
  "新闻 报道 今天 城市",
  "الأخبار اليوم المدينة",
  "ニュース 今日 東京",
  "חדשות היום",
  "Ελλάδα ειδήσεις",
  "🙂🔥 👍🏽 🇰🇿",
  "e\u0301\u0301\u0301 a\u0308",
  "\u202Eabc\u202C \u200F",
];

export const pick = <T>(random: Random, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)]!;

/** `unit()` repeated until `bytes` characters. */
function fill(bytes: number, unit: () => string): string {
  const parts: string[] = [];
  let size = 0;
  while (size < bytes) {
    const part = unit();
    parts.push(part);
    size += part.length;
  }
  return parts.join("");
}

const words = (random: Random, n: number) =>
  Array.from({ length: n }, () => pick(random, COMMON)).join(" ");
const headline = (random: Random) =>
  `${words(random, 5).replace(/^./, (c) => c.toUpperCase())}\n\n`;

export const SHAPES: Record<string, ShapeMaker> = {
  "giant sentence": (r, bytes) => {
    const clause = pick(r, [", which x", ", said the x", " and the x", ", and", " of the", " - x"]);
    return `${headline(r)}The plan${fill(bytes, () => clause)}.`;
  },
  "giant sentence of words": (r, bytes) =>
    `${headline(r)}The ${fill(bytes, () => `${pick(r, COMMON)} `)}end.`,
  "giant token": (r, bytes) => {
    const unit = pick(r, ["ed", "a.", "'http://x'", "A’", "1,2", "-", "!", "&&a", "x"]);
    return headline(r) + fill(bytes, () => unit);
  },
  "short sentences": (r, bytes) => headline(r) + fill(bytes, () => `The ${words(r, 3)} rose. `),
  "repeated sentence": (r, bytes) => {
    const sentence = `The ${words(r, 12)} by 4.2% on Tuesday. `;
    return headline(r) + fill(bytes, () => (r() < 0.1 ? "\n\n" : "") + sentence);
  },
  "deep nesting": (r, bytes) => {
    const open = pick(r, ["(", "[", '"', "“", "‘", "«", '("[', "*", "_"]);
    const close = { "(": ")", "[": "]", '"': '"', "“": "”", "‘": "’", "«": "»" }[open] ?? open;
    const half = Math.floor(bytes / 2 / open.length);
    return `${headline(r)}The plan ${open.repeat(half)} x ${r() < 0.5 ? close.repeat(half) : ""}.`;
  },
  "url spam": (r, bytes) => {
    const url = pick(r, [
      "'http://x'",
      "http://example.com/a?b=c&d=e ",
      "[a](http://x)",
      "www.x.io/",
    ]);
    return headline(r) + fill(bytes, () => url);
  },
  "binary noise": (r, bytes) =>
    headline(r) +
    fill(bytes, () => String.fromCharCode(Math.floor(r() * (r() < 0.9 ? 128 : 65536)))),
  "markup soup": (r, bytes) => {
    const bits = [
      "<b",
      "<p>",
      "</div",
      "&#xD800;",
      "&amp;",
      "&#0;",
      "**",
      "__",
      "*a",
      "# ",
      "![",
      "](",
      "<a href='",
      "&#x110000;",
      "<br/>",
    ];
    return (
      headline(r) + fill(bytes, () => pick(r, bits) + (r() < 0.5 ? ` ${pick(r, COMMON)} ` : ""))
    );
  },
  "mixed scripts": (r, bytes) =>
    headline(r) + fill(bytes, () => `${pick(r, SCRIPTS)}${pick(r, [" ", ". ", ", ", "\n", "。"])}`),
  "blank runs": (r, bytes) => {
    const blank = pick(r, [" ", "\t", "\n", " \n", "\u00A0", "\u200B"]);
    return `${headline(r)}Start ${blank.repeat(bytes)} end.${blank.repeat(100)}x`;
  },
  "many lines": (r, bytes) => {
    const bullet = pick(r, ["", "- ", "• ", "* ", "1. "]);
    return headline(r) + fill(bytes, () => `${bullet}${words(r, 6)}${r() < 0.3 ? ": 42" : ""}\n`);
  },
  numbers: (r, bytes) => {
    const unit = pick(r, [
      "1.5 .5 ",
      "3,000,000 ",
      "twenty-one ",
      "$4bn ",
      "2023-12-27 ",
      "12:30 ",
    ]);
    return `${headline(r)}The figure was ${fill(bytes, () => unit)}.`;
  },
  "lone surrogates": (r, bytes) =>
    headline(r) +
    fill(bytes, () => `The ${words(r, 4)} \uD800 ${pick(r, ["\uDC00", "\uD83D", "😀"])} rose. `),
};
