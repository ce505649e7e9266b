import { pick, type Random } from "./fuzz-shapes.js";
import { shuffled } from "./prng.js";

/** One edit to a real article: what careless copying, broken encoders and bad feeds do. */
const MUTATIONS: Record<string, (random: Random, text: string) => string> = {
  "duplicate sentences": (r, t) => {
    const lines = t.split("\n");
    const line = pick(r, lines);
    return [...lines, "", line, line].join("\n");
  },
  "delete characters": (r, t) => [...t].filter(() => r() > 0.05).join(""),
  "insert punctuation": (r, t) =>
    [...t]
      .map((c) => (r() < 0.03 ? c + pick(r, [".", " .", "“", ")", "(", ",", "…", " - ", "?"]) : c))
      .join(""),
  "shuffle paragraphs": (r, t) => shuffled(t.split(/\n\s*\n/), r).join("\n\n"),
  "insert entities": (r, t) =>
    t.replace(/ /g, (s) =>
      r() < 0.05 ? ` ${pick(r, ["&#xD800;", "&amp;", "&nbsp;", "&#x1F600;", "<b>", "**"])} ` : s,
    ),
  truncate: (r, t) => t.slice(0, Math.floor(t.length * r())),
  "upper case": (_r, t) => t.toUpperCase(),
  "join lines": (_r, t) => t.replace(/\n+/g, " "),
  "one line per word": (_r, t) => t.replace(/ +/g, "\n"),
  "giant token inside": (r, t) => {
    const at = Math.floor(t.length * r());
    return `${t.slice(0, at)} ${"x".repeat(20_000 + Math.floor(r() * 100_000))} ${t.slice(at)}`;
  },
  "repeated article": (r, t) =>
    Array.from({ length: 2 + Math.floor(r() * 60) }, () => t).join("\n\n"),
  "spaces before punctuation": (_r, t) => t.replace(/([,.;:])/g, " $1"),
  "crlf and bom": (_r, t) => `\uFEFF${t.replace(/\n/g, "\r\n")}`,
};

export const MUTATION_NAMES = Object.keys(MUTATIONS);

/** `text` with one to three mutations applied; returns the text and their names. */
export function mutate(random: Random, text: string): { text: string; shape: string } {
  const names: string[] = [];
  let out = text;
  const count = 1 + Math.floor(random() * 3);
  for (let i = 0; i < count; i++) {
    const name = pick(random, MUTATION_NAMES);
    names.push(name);
    out = MUTATIONS[name]!(random, out);
  }
  return { text: out, shape: `mutated: ${names.join(" + ")}` };
}
