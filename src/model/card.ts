import { z } from "zod";

/** Limits every card obeys; renderers and the faithfulness guard rely on them. */
export const CARD_LIMITS = {
  titleChars: 100,
  summaryChars: 280,
  factChars: 180,
  factsTotalChars: 640,
  minFacts: 3,
  maxFacts: 5,
  maxTags: 5,
} as const;

export const Fact = z.object({
  /** The fact as shown: a compressed form of `sentence`, numbers kept verbatim. */
  text: z.string().min(1).max(CARD_LIMITS.factChars),
  /** The exact source sentence (or list block) the fact came from, for provenance. */
  sentence: z.string().min(1),
});
export type Fact = z.infer<typeof Fact>;

export const CardDraft = z.object({
  /** A hash of the article's normalized text: changes exactly when the text does. */
  id: z.string().regex(/^[0-9a-f]{12}$/),
  /** Where the article came from, as a person reads it: a file name or the article's URL. */
  source: z.string().min(1),
  title: z.string().min(1).max(CARD_LIMITS.titleChars),
  /** YYYY-MM-DD, or null when the text carries no date. */
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .nullable(),
  /** Dateline place such as "Astana", or null. */
  place: z.string().min(1).nullable(),
  summary: z.string().min(1).max(CARD_LIMITS.summaryChars),
  facts: z
    .array(Fact)
    .max(CARD_LIMITS.maxFacts)
    .refine(
      (facts) => facts.reduce((n, f) => n + f.text.length, 0) <= CARD_LIMITS.factsTotalChars,
      `facts together exceed ${CARD_LIMITS.factsTotalChars} characters`,
    ),
  tags: z.array(z.string().min(1)).max(CARD_LIMITS.maxTags),
});
export type CardDraft = z.infer<typeof CardDraft>;

/**
 * A card as stored and shown: the builder's draft plus where it belongs. Its `id` is a hash of
 * `sourceId` and `key`, so it stays the same when the article's text is re-extracted or edited
 * (what users type in /card, what a story points at); `contentHash` tells whether the text changed.
 */
export const FactCard = CardDraft.extend({
  /** Stable: a hash of `sourceId` and `key`. */
  id: z.string().regex(/^[0-9a-f]{12}$/),
  /** The source it came from (`dir:seeds`, `feed:https://…`). */
  sourceId: z.string().min(1),
  /** The item's key within its source (a file name, a feed item's guid). */
  key: z.string().min(1),
  /** The draft's id: a hash of the normalized text. */
  contentHash: z.string().regex(/^[0-9a-f]{12}$/),
  /** Link to the original article, when there is one. */
  url: z.string().nullable(),
  /** Publisher or site name, when known. */
  publisher: z.string().nullable(),
});
export type FactCard = z.infer<typeof FactCard>;
