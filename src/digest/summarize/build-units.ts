import type { ListBlock, ParsedArticle } from "../ingest/parse-article.js";
import { splitSentences } from "./split-sentences.js";
import { contentWords, tokenize } from "./tokenize.js";

/** One candidate fact: a sentence, or a whole bullet list with its intro. */
export interface Unit {
  index: number;
  paragraph: number;
  /** First sentence of its paragraph (news leads carry weight). */
  leadOfParagraph: boolean;
  text: string;
  /** Verbatim provenance shown to readers. */
  source: string;
  list: ListBlock | null;
  /** From a bulleted sentence: a fact candidate, not a lead. */
  bullet: boolean;
  tokens: string[];
  content: string[];
  /**
   * `content` as ids into one vocabulary shared by the units of the same `buildUnits` call (ids
   * count up from 0 in order of first use), so scoring counts with arrays instead of string maps.
   */
  contentIds: number[];
}

export function buildUnits(article: ParsedArticle): Unit[] {
  const proseTexts: string[] = [];
  for (const block of article.blocks) if (block.kind === "prose") proseTexts.push(block.text);
  const split = splitSentences(proseTexts);
  const units: Unit[] = [];
  const vocabulary = new Map<string, number>();
  let prose = 0;
  let lastParagraph = -1;
  const push = (
    text: string,
    source: string,
    paragraph: number,
    list: ListBlock | null,
    bullet = false,
  ) => {
    const tokens = tokenize(text);
    if (tokens.length === 0) return;
    const content = contentWords(tokens);
    const contentIds = content.map((w) => {
      let id = vocabulary.get(w);
      if (id === undefined) vocabulary.set(w, (id = vocabulary.size));
      return id;
    });
    units.push({
      index: units.length,
      paragraph,
      leadOfParagraph: paragraph !== lastParagraph,
      text,
      source,
      list,
      bullet,
      tokens,
      content,
      contentIds,
    });
    lastParagraph = paragraph;
  };
  for (const block of article.blocks) {
    if (block.kind === "list") {
      push(
        [block.intro ?? "", ...block.items].join(" ").trim(),
        block.source,
        block.paragraph,
        block,
      );
      continue;
    }
    for (const sentence of split[prose++] ?? [])
      push(sentence, sentence, block.paragraph, null, block.bullet === true);
  }
  return units;
}
