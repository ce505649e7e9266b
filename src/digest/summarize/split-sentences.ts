import winkNLP, { type ItemSentence } from "wink-nlp";
import model from "wink-eng-lite-web-model";

type Nlp = ReturnType<typeof winkNLP>;
let nlp: Nlp | undefined;

/** wink-nlp with sentence boundary detection only: the rest of its pipeline costs 2x and we don't use it. */
function sentenceNlp(): Nlp {
  nlp ??= winkNLP(model, ["sbd"]);
  return nlp;
}

/**
 * Splits each chunk into sentences with one wink pass over all of them (chunks never share a
 * sentence: they are joined by blank lines, where wink always breaks). Returns one array per chunk.
 */
export function splitSentences(chunks: readonly string[]): string[][] {
  const joined = chunks.join("\n\n");
  const ends: number[] = [];
  let offset = 0;
  for (const chunk of chunks) {
    offset += chunk.length;
    ends.push(offset);
    offset += 2;
  }
  const result: string[][] = chunks.map(() => []);
  let cursor = 0;
  let chunk = 0;
  sentenceNlp()
    .readDoc(joined)
    .sentences()
    .each((s: ItemSentence) => {
      const text = s.out().trim();
      if (!text) return;
      const at = joined.indexOf(text, cursor);
      const start = at >= 0 ? at : cursor;
      cursor = start + text.length;
      while (chunk < ends.length - 1 && start >= ends[chunk]!) chunk++;
      result[chunk]!.push(text);
    });
  return result;
}

/** Tokenization only (no sentence detection): the benchmark's floor. */
export function tokenizeOnly(text: string): number {
  tokenNlp ??= winkNLP(model, []);
  return tokenNlp.readDoc(text).tokens().length();
}
let tokenNlp: Nlp | undefined;
