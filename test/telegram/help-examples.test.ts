import { afterEach, describe, expect, it } from "vitest";
import { SEED_EXAMPLES } from "../../src/adapters/telegram/help-text.js";
import { createBotBackend } from "../../src/delivery/bot-backend.js";
import { fixedClock } from "../../src/lib/clock.js";
import { digestDirectory } from "../../src/pipeline/index.js";
import { createMemoryStore } from "../../src/store/index.js";
import { alice, startHarness, type Harness } from "./harness.js";

let h: Harness;
afterEach(() => h.close());

/** Answers that mean the example did not work as copied. */
const FAILED =
  /Usage:|No card|No cards|don't know|Can't|has no subscription|something went wrong|fits several/;

async function seedBackend() {
  const { cards } = await digestDirectory("seeds", { maxBytes: 1_048_576 });
  const store = createMemoryStore();
  for (const [i, card] of cards.entries()) await store.cards.upsert(card, new Date(1_000 * i));
  return { cards, backend: createBotBackend({ store, clock: fixedClock("2024-03-01T08:00:00Z") }) };
}

describe("/help examples", () => {
  it("each get a real answer when copied into a bot running over the seeds", async () => {
    const { backend } = await seedBackend();
    h = await startHarness({ backend });
    const [help] = await h.ask(alice.id, alice, "/help");
    const examples = help!.entities
      .filter((e) => e.type === "code")
      .map((e) => help!.text.slice(e.offset, e.offset + e.length))
      .filter((code) => code.startsWith("/") && !code.includes("@"));
    expect(examples.map((e) => e.split(" ")[0])).toEqual(
      expect.arrayContaining([
        "/latest",
        "/card",
        "/source",
        "/search",
        "/subscribe",
        "/unsubscribe",
      ]),
    );
    // Source examples name a feed on the web: this backend has no network, so they cannot work here
    // (test/telegram/source-commands tests them against a local feed server).
    for (const example of examples.filter((e) => !/^\/(add|remove)source\b/.test(e))) {
      const [answer] = await h.ask(alice.id, alice, example);
      expect(answer!.text, example).not.toMatch(FAILED);
      if (example.startsWith("/search")) expect(answer!.text, example).toMatch(/match/);
      if (example.startsWith("/unsubscribe")) expect(answer!.text).toMatch(/^Unsubscribed: /);
    }
  });

  it("fall back to examples that exist in the seeds when there are no cards yet", async () => {
    const { cards } = await seedBackend();
    const card = cards.find((c) => c.id === SEED_EXAMPLES.cardId);
    expect(card?.source).toBe("000_9f5b4e2c2e6a3da1.txt");
    const { backend } = await seedBackend();
    const found = await backend.search(SEED_EXAMPLES.searchWords, { limit: 5, offset: 0 });
    expect(found.total).toBeGreaterThan(0);
  });
});
