import { elide } from "./elide.js";
import { lastPerson } from "./resolve-pronoun.js";
import { EXPLETIVE_IT } from "./stopwords.js";

const SAY =
  "said|says|added|adds|noted|told|explained|stated|warned|argued|insisted|claimed|believes|admitted|conceded|declared|wrote|stressed|emphasi[sz]ed";
/** A speaker phrase: no quote marks, short, not itself a clause. */
const SPEAKER = String.raw`[^"“”,:;]{2,90}`;
/** `"…," said Mr Smith, the chief executive.` / `"…," Mr Smith told the BBC.` */
const QUOTE_THEN_SPEAKER = new RegExp(
  String.raw`^["“](.{12,}?[!?]?)[,.]?["”],?\s+(?:(?:${SAY})\s+(${SPEAKER})(?:,\s([^"“”,]{2,80}))?|(${SPEAKER})\s+(?:${SAY})(?:\s[^"“”,]{0,60})?)[.!?]$`,
  "u",
);
/** `Mr Smith said: "…"` / `Mr Smith told the BBC: "…"` */
const SPEAKER_THEN_QUOTE = new RegExp(
  String.raw`^(${SPEAKER})\s+(?:${SAY})(?:\s[^"“”:]{0,40})?:\s*["“](.{12,}?)["”]?$`,
  "u",
);
/** A sentence that is all quote: one sentence of a quoted paragraph (the closing mark may come later). */
const BARE_QUOTE = /^["“]([^"“”]{12,}?)["”]?$/u;
/** Titles that belong to a name ("Sir John Bourn", "Mr Balls"). */
const HONORIFIC = /^(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Lord|Lady|Prof|Professor|President|Judge)\.?$/;
const PRONOUN_SPEAKER = /^(?:he|she|they|it|we|i)$/i;

export interface AttributedQuote {
  /** Who said it, shortened to its name: "Liberal Democrat spokeswoman Sandra Gidley" -> "Sandra Gidley". */
  speaker: string;
  /** The quoted words, without their quote marks. */
  quote: string;
}

/**
 * The trailing run of capitalised words of a speaker phrase: a fact card names people, it does
 * not repeat their job titles. A short role stands in when nobody is named ("A spokesman"); null
 * for a pronoun or a long description.
 */
export function speakerName(phrase: string): string | null {
  const words = phrase
    .replace(/^(?:the|a|an)\s+/i, "")
    // "the University of Geneva's Léa Dubois": the organisation owning the name is not the name,
    .replace(/^.*\p{L}['’]s\s+(?=\p{Lu})/u, "")
    // nor is it in "Zara Hyde Peters of UK Athletics", "Léa Dubois of the University of Geneva".
    .replace(/\s(?:of|at|from|for|with|in)\s(?:the\s)?\p{Lu}.*$/u, "")
    .trim()
    .split(/\s+/);
  if (words.length === 1 && PRONOUN_SPEAKER.test(words[0]!)) return null;
  let start = words.length;
  while (start > 0 && /^\p{Lu}/u.test(words[start - 1]!)) start--;
  if (start === words.length) {
    // No name ("a spokesman", "the ministry"): a short role still says whose words these are.
    const role = phrase.trim();
    return words.length <= 4 && role.length <= 40
      ? role.charAt(0).toUpperCase() + role.slice(1)
      : null;
  }
  // "Labour MP Barry Sheerman": keep the run from the last honorific, or up to three names.
  const run = words.slice(start);
  const honorific = run.findLastIndex((w) => HONORIFIC.test(w));
  const name = honorific >= 0 ? run.slice(honorific) : run.length <= 3 ? run : run.slice(-2);
  return name.join(" ");
}

/** A pronoun speaker ("…," he said) is `null`: the caller looks for the name before. */
type OwnAttribution = { speaker: string | null; quote: string };

/** `X said: "…"` needs a colon before an opening quote mark: most sentences are out at once. */
const COLON_QUOTE = /:\s*["“]/;

function ownAttribution(text: string): OwnAttribution | null {
  const opensWithQuote = text[0] === '"' || text[0] === "“";
  if (!opensWithQuote && !COLON_QUOTE.test(text)) return null;
  const after = opensWithQuote ? QUOTE_THEN_SPEAKER.exec(text) : null;
  if (after && !/["“”]/.test(after[1]!)) {
    const phrase = (after[2] ?? after[4] ?? "").trim();
    // "said the chairman of the committee, Labour MP Barry Sheerman": the name may follow a comma.
    const speaker = speakerName(phrase) ?? (after[3] ? speakerName(after[3]) : null);
    if (speaker) return { speaker, quote: after[1]!.trim() };
    if (PRONOUN_SPEAKER.test(phrase)) return { speaker: null, quote: after[1]!.trim() };
  }
  const before = SPEAKER_THEN_QUOTE.exec(text);
  if (before && !/["“”]/.test(before[2]!)) {
    const speaker = speakerName(before[1]!);
    if (speaker) return { speaker, quote: before[2]!.trim() };
  }
  return null;
}

/** The person the sentences before name as speaking, nearest first; null when none does. */
function speakerBefore(previous: readonly string[], quoteOnly: boolean): string | null {
  for (const before of [...previous].reverse()) {
    const speaker = ownAttribution(before.trim())?.speaker ?? lastPerson(before);
    if (speaker) return speaker;
    // Only a quoted paragraph carries its speaker across more than one sentence.
    if (!quoteOnly || !BARE_QUOTE.test(before.trim())) return null;
  }
  return null;
}

/**
 * Splits a sentence that is one quote plus its attribution into speaker and words, so a card can
 * show `Speaker: "words"` and never present an opinion as the article's own fact. "He said" and a
 * sentence that is all quote take the speaker the sentence before names, as a reader would
 * (`previous` is in reading order, nearest last); with no name there the result is null.
 */
export function attributeQuote(
  sentence: string,
  previous: readonly string[] = [],
): AttributedQuote | null {
  const text = sentence.trim();
  const own = ownAttribution(text);
  if (own?.speaker) return { speaker: own.speaker, quote: own.quote };
  if (own) {
    const speaker = speakerBefore(previous.slice(-1), false);
    return speaker ? { speaker, quote: own.quote } : null;
  }
  const bare = BARE_QUOTE.exec(text);
  if (!bare) return null;
  const speaker = speakerBefore(previous, true);
  return speaker ? { speaker, quote: bare[1]!.trim() } : null;
}

/** Quoted words that point back to the sentence before ("It's…", "This…"): I and we are the speaker's. */
const BACK_REFERENCE =
  /^(?:it|it's|its|this|these|those|that|they|their|them|he|she|his|her|there|such)\b/i;

/** The quote refers to something outside the sentence and its speaker. */
export function quoteNeedsPrevious(quote: AttributedQuote): boolean {
  const words = quote.quote.replace(/^[“"‘']/, "");
  return BACK_REFERENCE.test(words) && !EXPLETIVE_IT.test(words);
}

/** `Speaker: "words."` as a card line, its words elided to fit `max` when needed, or null. */
export function quoteFact(quote: AttributedQuote, max: number): string | null {
  const words = /[.!?…]$/.test(quote.quote) ? quote.quote : `${quote.quote}.`;
  const full = `${quote.speaker}: "${words}"`;
  if (full.length <= max) return full;
  return elide(full, max);
}
