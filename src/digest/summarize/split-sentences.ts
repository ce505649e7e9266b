import winkNLP from "wink-nlp";
import model from "wink-eng-lite-web-model";
import { SUMMARY_BOUNDS } from "./summary-bounds.js";

type Nlp = ReturnType<typeof winkNLP>;
let nlp: Nlp | undefined;

/**
 * wink-nlp tokenization only (no pipeline): its tokenizer already keeps "Mr.", "U.S.", "Dec.",
 * "1.5" and "J." whole, so sentence ends can be read off the tokens cheaply. This one pass is all
 * the NLP the summarizer pays for (the benchmark's floor).
 */
function tokenizer(): Nlp {
  nlp ??= winkNLP(model, []);
  return nlp;
}

const ENDERS = new Set([".", "!", "?", "...", "…", "?!", "!?"]);
const CLOSERS = new Set(['"', "”", "’", "'", ")", "]", "»"]);

const SENTENCE_OPENER = /^[\p{Lu}\p{N}"“‘'([«]/u;

/** Does a sentence start at this token? Lower-case words and commas continue the sentence ("Sylvia?" by…). */
function startsSentence(value: string): boolean {
  return SENTENCE_OPENER.test(value);
}

const LONG_RUN = new RegExp(String.raw`\S{${SUMMARY_BOUNDS.maxTokenChars + 1},}`, "g");

/**
 * The text with a space put in place of every (max+1)-th character of a run without spaces (a
 * URL pasted 1,500 times, binary noise): the tokenizer is quadratic in a token's length. The
 * length stays the same, so offsets found in it are offsets in the original.
 */
export function breakLongRuns(text: string): string {
  const max = SUMMARY_BOUNDS.maxTokenChars;
  return text.replace(LONG_RUN, (run) => {
    let out = "";
    for (let i = 0; i < run.length; i += max + 1)
      out += run.slice(i, i + max) + (i + max < run.length ? " " : "");
    return out;
  });
}

/**
 * Splits each chunk into sentences with one tokenizer pass over all of them (chunks are joined by
 * blank lines, which always end a sentence). Returns one array of exact substrings per chunk.
 */
export function splitSentences(chunks: readonly string[]): string[][] {
  const joined = chunks.join("\n\n");
  // Tokens are found in the broken-up text; sentences are cut from the original at the same offsets.
  const broken = breakLongRuns(joined);
  const tokens = tokenizer().readDoc(broken).tokens();
  const values = tokens.out();
  const spaces = tokens.out(tokenizer().its.precedingSpaces);
  const result: string[][] = chunks.map(() => []);
  let chunk = 0;
  let cursor = 0;
  let start = -1;
  let end = 0;
  const close = () => {
    if (start >= 0) result[chunk]!.push(joined.slice(start, end));
    start = -1;
  };
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    const at = broken.indexOf(value, cursor);
    cursor = at + value.length;
    if (value.trim() === "") {
      // Newline tokens: chunk boundaries (and the only newlines left inside the text).
      close();
      if (value.includes("\n\n")) chunk = Math.min(chunk + 1, chunks.length - 1);
      continue;
    }
    if (start < 0) start = at;
    end = cursor;
    if (!ENDERS.has(value)) continue;
    while (i + 1 < values.length && CLOSERS.has(values[i + 1]!) && spaces[i + 1] === "") {
      i++;
      cursor = broken.indexOf(values[i]!, cursor) + values[i]!.length;
      end = cursor;
    }
    const next = values[i + 1];
    if (next === undefined || (spaces[i + 1] !== "" && startsSentence(next)) || next.trim() === "")
      close();
  }
  close();
  return result;
}

/** Tokenization only, the same pass `splitSentences` makes: the benchmark's floor. */
export function tokenizeOnly(text: string): number {
  return tokenizer().readDoc(text).tokens().length();
}
