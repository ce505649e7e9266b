import { mulberry32, shuffled } from "./prng.js";

export interface BenchArticle {
  source: string;
  text: string;
}

/** How often each variation applies; chosen so every layout the core parses shows up in the mix. */
export const VARIATION = {
  perturbNumber: 0.5,
  swapHeadline: 0.5,
  dropHeadline: 0.1,
  joinParagraphLines: 0.3,
} as const;

interface Parsed {
  headline: string;
  paragraphs: string[][];
}

/** A BBC article as headline plus paragraphs of lines (the dataset's one-sentence-per-line layout). */
function split(text: string): Parsed {
  const [head = "", ...rest] = text
    .replace(/\r\n?/g, "\n")
    .trim()
    .split(/\n\s*\n/);
  const paragraphs = rest.map((p) => p.split("\n").filter((l) => l.trim())).filter((p) => p.length);
  return { headline: head.trim(), paragraphs };
}

/**
 * Copy `copy` of an article: paragraphs reordered, about half of the numbers shifted, the headline
 * swapped for another article's or dropped, some paragraphs reflowed onto one line, and a closing
 * tag sentence, so no two copies are the same text and caches cannot flatter the numbers.
 */
function variant(base: Parsed, headlines: readonly string[], copy: number, seed: number): string {
  const random = mulberry32((seed ^ Math.imul(copy + 1, 0x9e3779b1)) >>> 0);
  const perturb = (line: string) =>
    line.replace(/\d+/g, (d) =>
      random() < VARIATION.perturbNumber ? String(Number(d) + 1 + Math.floor(random() * 9)) : d,
    );
  const paragraphs = shuffled(base.paragraphs, random).map((lines) => {
    const changed = lines.map(perturb);
    return random() < VARIATION.joinParagraphLines ? changed.join(" ") : changed.join("\n");
  });
  paragraphs.push(`Variant ${copy} of this report was prepared for the digest benchmark.`);
  const roll = random();
  const headline =
    roll < VARIATION.dropHeadline
      ? null
      : roll < VARIATION.dropHeadline + VARIATION.swapHeadline
        ? headlines[Math.floor(random() * headlines.length)]!
        : base.headline;
  return [...(headline ? [headline] : []), ...paragraphs].join("\n\n") + "\n";
}

/** `count` articles cycling through `texts`, each a distinct reproducible variant. */
export function buildBenchCorpus(
  texts: readonly string[],
  count: number,
  seed = 2024,
): BenchArticle[] {
  const parsed = texts.map(split);
  const headlines = parsed.map((p) => p.headline);
  return Array.from({ length: count }, (_, copy) => ({
    source: `bench-${String(copy).padStart(5, "0")}.txt`,
    text: variant(parsed[copy % parsed.length]!, headlines, copy, seed),
  }));
}
