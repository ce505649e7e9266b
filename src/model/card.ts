import { z } from "zod";

/** Limits every card obeys; renderers and the faithfulness guard rely on them. */
export const CARD_LIMITS = {
  titleChars: 100,
  summaryChars: 280,
  factChars: 140,
  factsTotalChars: 560,
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

export const FactCard = z.object({
  /** Stable across runs: a hash of the article's normalized text. */
  id: z.string().regex(/^[0-9a-f]{12}$/),
  /** The article's file name (or feed item id later). */
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
export type FactCard = z.infer<typeof FactCard>;
