import { z } from "zod";
import { StoreError } from "../lib/index.js";

/**
 * Parses one row read back from the database (a trust boundary: the file may have been edited or
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
