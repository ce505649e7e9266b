import { mulberry32 } from "./prng.js";
import { mutate } from "./fuzz-mutate.js";
import { pick, SHAPES } from "./fuzz-shapes.js";

export interface FuzzArticle {
  source: string;
  /** What it stresses: an adversarial shape's name, or the mutations of a real article. */
  shape: string;
  family: string;
  text: string;
}

/** Articles stay under the bot's MAX_ARTICLE_BYTES (1 MiB), as the tester's files did. */
const MAX_CHARS = 1_000_000;
/** Share of adversarial shapes; the rest are mutated real articles. */
const ADVERSARIAL_SHARE = 0.35;

/** Sizes log-uniform from 100 characters to 1 MB: small files are many, a few are huge. */
function size(random: () => number): number {
  return Math.floor(100 * Math.pow(MAX_CHARS / 100, random()));
}

/**
 * `count` articles, the same for a given seed; made one at a time so a run never holds them all.
 * The first of each shape is at full size, so every shape is tried at the size that hurt before.
 */
export function* fuzzCorpus(
  realTexts: readonly string[],
  count: number,
  seed = 20_26,
): Generator<FuzzArticle> {
  const random = mulberry32(seed);
  const shapeNames = Object.keys(SHAPES);
  for (let i = 0; i < count; i++) {
    const source = `fuzz-${String(i).padStart(5, "0")}.txt`;
    const full = i < shapeNames.length;
    if (full || random() < ADVERSARIAL_SHARE) {
      const shape = full ? shapeNames[i]! : pick(random, shapeNames);
      const text = SHAPES[shape]!(random, full ? MAX_CHARS - 100 : size(random)).slice(
        0,
        MAX_CHARS,
      );
      yield { source, shape, family: shape, text };
      continue;
    }
    const { text, shape } = mutate(random, pick(random, realTexts));
    yield { source, shape, family: "mutated real article", text: text.slice(0, MAX_CHARS) };
  }
}
