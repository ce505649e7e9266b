import type { Block, ListBlock, ParsedArticle } from "../ingest/parse-article.js";
import { splitSentences } from "./split-sentences.js";
import { SUMMARY_BOUNDS } from "./summary-bounds.js";
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

/**
 * The opening blocks of the article up to `maxChars` of text. A block that crosses the bound is
 * cut at a space and flagged, so its last (cut) sentence is left out too.
 */
export function openingBlocks(
  blocks: readonly Block[],
  maxChars: number = SUMMARY_BOUNDS.maxProseChars,
): Array<Block & { cut?: true }> {
  const out: Array<Block & { cut?: true }> = [];
  let left = maxChars;
  for (const block of blocks) {
    const size = block.kind === "prose" ? block.text.length : block.source.length;
    if (size <= left) {
      out.push(block);
      left -= size;
      continue;
    }
    if (block.kind === "prose") {
      const at = block.text.lastIndexOf(" ", left);
      if (at > 0) out.push({ ...block, text: block.text.slice(0, at), cut: true });
    }
    break;
  }
  return out;
}

/** The article's sentences and lists as units, from its opening only (see SUMMARY_BOUNDS). */
export function buildUnits(article: ParsedArticle): Unit[] {
  const blocks = openingBlocks(article.blocks);
  const proseTexts: string[] = [];
  for (const block of blocks) if (block.kind === "prose") proseTexts.push(block.text);
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
    if (units.length >= SUMMARY_BOUNDS.maxSentences) return;
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
  for (const block of blocks) {
    if (block.kind === "list") {
      push(
        [block.intro ?? "", ...block.items].join(" ").trim(),
        block.source,
        block.paragraph,
        block,
      );
      continue;
    }
    const sentences = split[prose++] ?? [];
    if (block.cut) sentences.pop();
    for (const sentence of sentences)
      push(sentence, sentence, block.paragraph, null, block.bullet === true);
  }
  return units;
}
