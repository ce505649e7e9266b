import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { digestArticle } from "../../src/digest/index.js";
import type { StoryDoc } from "../../src/stories/index.js";

/** Every `*.txt` of a folder as a story doc, in name order; the card gives title, date, summary and facts. */
export function loadStoryDocs(dir: string, arrivedAt: string): StoryDoc[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".txt"))
    .sort();
  return files.map((file) => {
    const text = readFileSync(path.join(dir, file), "utf8");
    const result = digestArticle({ source: file, text });
    const card = result.ok ? result.card : null;
    return {
      cardId: file,
      sourceId: `dir:${file}`,
      publisher: file,
      url: null,
      date: card?.date ?? null,
      arrivedAt,
      title: card?.title ?? text.split("\n")[0] ?? file,
      summary: card?.summary ?? "",
      facts: card?.facts.map((f) => f.text) ?? [],
      text,
    };
  });
}
