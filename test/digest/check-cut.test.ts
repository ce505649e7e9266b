import { describe, expect, it } from "vitest";
import { buildUnits, parseArticle } from "../../src/digest/index.js";
import { checkCut } from "../../src/digest/summarize/check-cut.js";
import { compressSentence } from "../../src/digest/summarize/compress-sentence.js";
import { factText } from "../../src/digest/summarize/fact-text.js";
import { findNumbers } from "../../src/digest/summarize/numbers.js";
import { CARD_LIMITS } from "../../src/model/index.js";

/** Every figure of `sentence` is on `text` (compared as written). */
function keepsFigures(sentence: string, text: string | null): boolean {
  return text === null || findNumbers(sentence).every((n) => text.includes(n.raw));
}

/** The facts a card could show for the units of `text` (lists included). */
function facts(text: string): string[] {
  const units = buildUnits(parseArticle(text));
  return units.map((u) => factText(u, units, CARD_LIMITS.factChars)?.text ?? "");
}

describe("the one cut check", () => {
  it("refuses a cut that drops the figure closing a from…to pair", () => {
    const original =
      "The new rail link cut the journey between the airport and the city centre from 55 minutes to about 20 minutes.";
    expect(checkCut(original, "The new rail link cut the journey from 55 minutes…")).toEqual({
      ok: false,
      reason: 'drops the number "20"',
    });
    expect(checkCut("Rents rose from March to May.", "Rents rose from March…").ok).toBe(false);
    expect(checkCut(original, original).ok).toBe(true);
  });

  it("refuses a cut that drops a negation or stops on a word that needs what followed", () => {
    expect(checkCut("He said it was not a defeat.", "He said it was…").ok).toBe(false);
    expect(
      checkCut(
        "Mr Blair said it would result in a Tory government.",
        "Mr Blair said it would result…",
      ),
    ).toEqual({ ok: false, reason: 'drops the complement "in …"' });
  });

  it("refuses a figure left glued to words it did not follow", () => {
    expect(
      checkCut(
        "The party fell short of a majority, according to results published on Monday, 3 March 2025.",
        "The party fell short of a majority 3 March 2025.",
      ),
    ).toMatchObject({ ok: false });
  });
});

describe("cuts on real sentences keep what the kept words need", () => {
  it("shows the range a figure moved through, not its start alone (BBC business/020)", () => {
    const sentence =
      'In what Dimension Data calls an "alarming development", the average induction time for a call centre worker fell last year from 36 to just 21 days, leaving "agents not equipped to deal with customers".';
    const text = compressSentence(sentence, CARD_LIMITS.factChars);
    expect(text ?? "").not.toMatch(/fell last year…$/);
    expect(keepsFigures(sentence, text)).toBe(true);
  });

  it("does not elide a figure from what it counts (HT-21 yielded 12% more grain)", () => {
    const sentence =
      "In trials across the region over two seasons, the drought-tolerant wheat variety HT-21 developed at the national institute yielded 12% more grain than the standard seeds.";
    expect(compressSentence(sentence, 140) ?? "").not.toMatch(/12%…$/);
    expect(compressSentence(sentence, CARD_LIMITS.factChars)).toBe(sentence);
  });

  it("keeps a date with the attribution it belongs to rather than leaving it dangling", () => {
    const sentence =
      "The Centre Alliance won the most seats in Sunday's regional election in Carinthia but fell short of a majority, according to final results published on Monday, 3 March 2025.";
    const text = compressSentence(sentence, CARD_LIMITS.factChars);
    expect(text).not.toMatch(/majority 3 March/);
    expect(text).toBe(sentence);
  });

  it("never drops a negation in the cut tail (BBC politics/007)", () => {
    const sentence =
      'Mr Blair said that whether the public chose Michael Howard or Mr Kennedy, it would result in "a Tory government not a Labour government and a country that goes back and does not move forward".';
    const text = compressSentence(sentence, CARD_LIMITS.factChars);
    expect(text ?? "").not.toMatch(/result…$/);
  });

  it("shows a sentence whole as a longer fact where no honest cut fits (BBC sport/009)", () => {
    const sentence =
      "Gardener clocked 6.56 seconds to equal the meeting record and finished well ahead of Germany's Marc Blume, who crossed the line in 6.67 secs.";
    expect(compressSentence(sentence, CARD_LIMITS.factChars)).toBe(sentence);
  });
});

describe("list cuts keep every figure of the part they show", () => {
  it("keeps the total of a results list whose seats add up to it", () => {
    const shown = facts(
      "Results (36 seats):\n- Centre Alliance: 14 seats (38.5%)\n- Social Democrats: 11 seats (29.1%)\n- Freedom Party: 7 seats (19.4%)\n- Greens: 4 seats (9.8%)",
    );
    expect(shown).toContain(
      "Results (36 seats): Centre Alliance: 14 seats (38.5%), Social Democrats: 11 seats (29.1%), Freedom Party: 7 seats (19.4%), Greens: 4 seats (9.8%).",
    );
  });

  it("keeps the ranks of a numbered ranking", () => {
    const shown = facts(
      "Men\n1. Daniel Kiplagat (KEN) 2:04:37\n2. Tadese Alemu (ETH) 2:05:02\n3. Jonas Keller (GER) 2:06:48",
    );
    expect(shown.some((t) => t.includes("1. Daniel Kiplagat 2:04:37, 2. Tadese Alemu"))).toBe(true);
  });

  it("uses the article's acronyms when the spelled-out list would crowd the card", () => {
    const shown = facts(
      "A total of 752 individuals will be called for service:\n\n- Armed Forces: 600 individuals\n- Border Service of the National Security Committee (KNB): 80 individuals\n- National Guard: 42 individuals\n- Emergency Situations Ministry (MChS): 30 individuals",
    );
    expect(shown).toContain(
      "A total of 752 individuals will be called for service: Armed Forces 600, KNB 80, National Guard 42, MChS 30.",
    );
  });
});
