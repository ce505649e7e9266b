/**
 * What one article may cost the summarizer, whatever its size or shape. A news card is built from
 * an article's opening: the longest BBC article in the eval set has 93 sentences in 7 KB, its
 * longest sentence 416 characters and its longest word 19. Beyond these bounds text is not read,
 * so every step below stays linear in a bounded input (docs/reliability.md).
 */
export const SUMMARY_BOUNDS = {
  /** Prose characters read from the start of the article; the rest never reaches the tokenizer. */
  maxProseChars: 30_000,
  /** Sentences (and lists) considered for the card: scoring and the TextRank graph see no more. */
  maxSentences: 200,
  /** A longer "sentence" (a table, a run-on paste) is never shown as a summary or a fact. */
  maxSentenceChars: 1_000,
  /** A longer run without spaces is cut into pieces for the tokenizer, which is quadratic in it. */
  maxTokenChars: 200,
  /** Sentences compressed per card at most: compression is the costly per-sentence step. */
  maxCompressions: 30,
} as const;
