import { readFileSync } from "node:fs";

/** A hand-written page from test/fixtures/pages. */
export function readPageFixture(name: string): string {
  return readFileSync(new URL(`../../fixtures/pages/${name}`, import.meta.url), "utf8");
}
