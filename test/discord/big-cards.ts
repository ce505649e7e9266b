import type { FactCard } from "../../src/digest/index.js";
import { makeCard } from "../fixtures/cards.js";

const fill = (seed: string, length: number) =>
  seed.repeat(Math.ceil(length / seed.length)).slice(0, length);

/** A card at the schema's limits (280-char summary, 5 facts of 112), so a few pass 6000 characters. */
export function bigCard(i: number): FactCard {
  return makeCard(i, {
    title: fill(`Big headline ${i} on the budget `, 100).trim(),
    summary: fill(`Summary ${i}: the ministry allocated 3,000 places and 1.8 million tenge. `, 280),
    facts: Array.from({ length: 5 }, (_, f) => ({
      text: fill(`Fact ${f + 1} of card ${i}: 752 officers, 600 to the Armed Forces. `, 112),
      sentence: `Source sentence ${f + 1} of card ${i}.`,
    })),
  });
}
