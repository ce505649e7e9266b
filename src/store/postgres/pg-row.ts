import { z } from "zod";

/** A timestamptz column (node-postgres returns a Date) as the ISO string the model uses. */
export const pgTime = z.date().transform((d) => d.toISOString());

/** COUNT(*) and other bigint results arrive as strings. */
export const pgCount = z.union([z.number(), z.string()]).transform(Number).pipe(z.number().int());
