import { z } from "zod";
import { StoreError } from "../../lib/index.js";

/**
 * Parses one row read back from SQLite (a trust boundary: the file may have been edited or
 * written by another version). A bad row is a StoreError naming the table and the row id.
 */
export function parseRow<S extends z.ZodType>(
  schema: S,
  table: string,
  id: string,
  row: unknown,
): z.output<S> {
  const result = schema.safeParse(row);
  if (result.success) return result.data;
  throw new StoreError(
    `corrupt row in table "${table}" (id ${id}): ${z.prettifyError(result.error)}`,
    { table, id },
    { cause: result.error },
  );
}

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
