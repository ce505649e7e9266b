import { z } from "zod";

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
