import { z } from "zod";
export { parseRow } from "../parse-row.js";

/** A TEXT column holding JSON that must match `schema`. */
export function jsonColumn<S extends z.ZodType>(schema: S) {
  return z
    .string()
    .transform((text, ctx): unknown => {
      try {
        return JSON.parse(text);
      } catch {
        ctx.addIssue({ code: "custom", message: "not valid JSON" });
        return z.NEVER;
      }
    })
    .pipe(schema);
}

/** SQLite stores booleans as 0/1. */
export const sqliteBoolean = z.union([z.literal(0), z.literal(1)]).transform((v) => v === 1);
