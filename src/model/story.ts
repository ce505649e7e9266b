import { z } from "zod";
import { FactCard } from "./card.js";

const IsoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .nullable();

/** One card as the story index sees it: its identity, provenance and the text to compare. */
export const StoryDoc = z.object({
  cardId: z.string().min(1),
  sourceId: z.string().min(1),
  publisher: z.string(),
  url: z.string().nullable(),
  /** The card's date, YYYY-MM-DD, or null. */
  date: IsoDay,
  /** When the article reached us (ISO 8601). */
  arrivedAt: z.string().min(1),
  title: z.string(),
  summary: z.string(),
  facts: z.array(z.string()),
  /** The full article text. */
  text: z.string(),
});
export type StoryDoc = z.infer<typeof StoryDoc>;

export interface KeyFigure {
  /** What is counted: "dead", "injured", "seats", or the noun after the number. */
  label: string;
  /** The figure as written, numbers normalised ("five" -> "5"). */
  value: string;
}

/** Reports of one event across sources. */
export interface Story {
  /** Stable: the card id of the first member. */
  id: string;
  cardIds: string[];
  /** The member to show: the most central report, ties to the richer card. */
  bestCardId: string;
  /** The source of the best card: the one a per-source cap counts. */
  bestSourceId: string;
  /** The latest value of each counted thing across members. */
  keyFigures: KeyFigure[];
  sourceIds: string[];
  publishers: string[];
  /** The newest arrival among the members (ISO 8601). */
  lastArrivedAt: string;
  /** Changes when the key figures change ("the toll rose"). */
  fingerprint: string;
}

/** One member's value of a counted thing, with the sentence that says it. */
export const FigureReport = z.object({
  value: z.string(),
  publisher: z.string(),
  sentence: z.string(),
});
export type FigureReport = z.infer<typeof FigureReport>;

/** A counted thing the members report with different values ("12 dead" against "15"). */
export const FigureDisagreement = z.object({
  label: z.string(),
  values: z.array(FigureReport),
});
export type FigureDisagreement = z.infer<typeof FigureDisagreement>;

/** A story as readers get it: the best card first, every member's source, figures in dispute. */
export const StoryCards = z.object({
  id: z.string().min(1),
  /** The best card's headline. */
  title: z.string(),
  /** The members' `source` values (file names or URLs), the best card's first. */
  sources: z.array(z.string()),
  cards: z.array(FactCard).min(1),
  disagreements: z.array(FigureDisagreement),
});
export type StoryCards = z.infer<typeof StoryCards>;
