import { z } from "zod";
import { CardDraft } from "../../model/index.js";

/** One article for a worker to card; `budgetMs` is the worker's own, cooperative time limit. */
export interface DigestTask {
  id: number;
  source: string;
  text: string;
  budgetMs: number;
}

/** What a worker posts back. Parsed on arrival: a worker's memory is not ours to trust blindly. */
export const WorkerMessage = z.discriminatedUnion("type", [
  z.object({ type: z.literal("ready") }),
  z.object({ type: z.literal("carded"), id: z.number(), card: CardDraft }),
  z.object({ type: z.literal("skipped"), id: z.number(), reason: z.string() }),
]);
export type WorkerMessage = z.infer<typeof WorkerMessage>;
