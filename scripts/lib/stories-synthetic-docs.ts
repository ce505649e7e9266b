import type { StoryDoc } from "../../src/stories/index.js";
import { mulberry32 } from "./prng.js";

const SYLLABLES = [
  "ka",
  "lo",
  "mi",
  "ren",
  "tu",
  "sa",
  "vor",
  "an",
  "el",
  "dri",
  "pon",
  "yu",
  "shi",
  "gar",
];

function word(random: () => number, min: number): string {
  let w = "";
  const n = min + Math.floor(random() * 3);
  for (let i = 0; i < n; i++) w += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
  return w;
}

/** A Zipf-like vocabulary draw: a few words are everywhere, most are rare. */
function zipfPick(vocab: readonly string[], random: () => number): string {
  return vocab[Math.floor(vocab.length * random() ** 3)]!;
}

/**
 * `count` reports of distinct events: each has its own names and figures on top of shared news
 * vocabulary, so the index sees realistic overlap between unrelated stories.
 */
export function syntheticDocs(count: number, seed: number, arrivedAt: string): StoryDoc[] {
  const random = mulberry32(seed);
  const vocab = Array.from({ length: 20_000 }, () => word(random, 2));
  const docs: StoryDoc[] = [];
  for (let i = 0; i < count; i++) {
    const names = Array.from({ length: 4 }, () => {
      const w = word(random, 3);
      return w[0]!.toUpperCase() + w.slice(1);
    });
    const sentences = Array.from({ length: 8 }, () => {
      const words = Array.from({ length: 18 }, () => zipfPick(vocab, random));
      words.splice(3, 0, names[Math.floor(random() * names.length)]!);
      words.push(String(Math.floor(random() * 900) + 10), "people");
      return `${words.join(" ")}.`;
    });
    const title = `${names[0]} ${sentences[0]!.split(" ").slice(0, 6).join(" ")}`;
    docs.push({
      cardId: `doc-${seed}-${i}`,
      sourceId: `src-${i % 50}`,
      publisher: `Publisher ${i % 50}`,
      url: null,
      date: null,
      arrivedAt,
      title,
      summary: sentences[0]!,
      facts: sentences.slice(1, 4),
      text: `${title}\n\n${sentences.join(" ")}`,
    });
  }
  return docs;
}
