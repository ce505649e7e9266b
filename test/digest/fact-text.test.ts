import { describe, expect, it } from "vitest";
import { buildUnits, parseArticle } from "../../src/digest/index.js";
import { attributeQuote } from "../../src/digest/summarize/attribute-quote.js";
import { compressSentence } from "../../src/digest/summarize/compress-sentence.js";
import { elide } from "../../src/digest/summarize/elide.js";
import { factText } from "../../src/digest/summarize/fact-text.js";
import { writeHeadline } from "../../src/digest/summarize/write-headline.js";

/** The fact a card would show for the last sentence of `text`. */
function lastFact(text: string, max = 140) {
  const units = buildUnits(parseArticle(text));
  return factText(units[units.length - 1]!, units, max);
}

describe("quotes stay the speaker's", () => {
  it('shows a quote as `Speaker: "words"`, naming the person rather than the job title', () => {
    expect(lastFact(`"We need at least $20bn in investment," said Mr Maran.`)).toEqual({
      text: 'Mr Maran: "We need at least $20bn in investment."',
      needsPrevious: false,
    });
    expect(
      lastFact(
        `Liberal Democrat spokeswoman for women Sandra Gidley said: "The money is being misdirected."`,
      )?.text,
    ).toBe('Sandra Gidley: "The money is being misdirected."');
    expect(
      lastFact(`"He would be a huge asset to the team," said Zara Hyde Peters of UK Athletics.`)
        ?.text,
    ).toBe('Zara Hyde Peters: "He would be a huge asset to the team."');
  });

  it("finds the name after a role and a comma, and keeps an unnamed role", () => {
    expect(
      attributeQuote(
        `"It will be a tragedy," said the chairman of the Commons education select committee, Labour MP Barry Sheerman.`,
      )?.speaker,
    ).toBe("Barry Sheerman");
    expect(attributeQuote(`"Prices will rise next year," a spokesman said.`)?.speaker).toBe(
      "A spokesman",
    );
  });

  it("names the speaker of a pronoun-led attribution from the sentence before", () => {
    const fact = lastFact(
      `Edward Leigh warned the deal was poor.\n\nHe said: "The first attempt to sell the Dome proved a complete fiasco."`,
    );
    expect(fact?.text).toBe(
      'Leigh: "The first attempt to sell the Dome proved a complete fiasco."',
    );
  });

  it('treats a quote that points back ("It…") or has no speaker as needing the sentence before', () => {
    expect(
      lastFact(`"It's painting a picture of a patchy recovery," said Paul Sheard.`)?.needsPrevious,
    ).toBe(true);
    expect(lastFact(`"I lost because of the things I did," said Greene.`)?.needsPrevious).toBe(
      false,
    );
    expect(
      lastFact(`Markets fell.\n\n"There was serious trouble in the markets all week long."`)
        ?.needsPrevious,
    ).toBe(true);
  });

  it("gives a quoted paragraph the speaker the sentence before names", () => {
    const text = `Ms Hewitt said the plans were costed.\n\n"We will extend maternity pay to nine months."`;
    expect(lastFact(text)).toEqual({
      text: 'Hewitt: "We will extend maternity pay to nine months."',
      needsPrevious: false,
    });
    expect(
      lastFact(`Markets fell on Monday.\n\n"We will extend maternity pay to nine months."`),
    ).toMatchObject({ needsPrevious: true });
  });

  it('names the speaker of `"…," he said` from the sentence before, or waits for it', () => {
    expect(
      lastFact(`Mr Smith said the plan had failed.\n\n"We will fight on for the workers," he said.`)
        ?.text,
    ).toBe('Smith: "We will fight on for the workers."');
    expect(
      lastFact(`The plan had failed.\n\n"We will fight on for the workers," he said.`)
        ?.needsPrevious,
    ).toBe(true);
  });

  it('reads an empty "it" as standing alone', () => {
    expect(
      lastFact(
        `Labour met.\n\nIt will be the first time since 1917 that the party has chosen Manchester.`,
      ),
    ).toMatchObject({ needsPrevious: false });
    expect(lastFact(`Labour met.\n\nIt was sold to a shell company in December.`)).toMatchObject({
      needsPrevious: true,
    });
  });

  it("elides a long quote inside its marks", () => {
    const fact = lastFact(
      `"I maintain the view that Japan's economy remains in a minor adjustment phase in an upward climb, and we will monitor developments carefully," said economy minister Heizo Takenaka.`,
    );
    expect(fact?.text).toBe(
      'Heizo Takenaka: "I maintain the view that Japan\'s economy remains in a minor adjustment phase in an upward climb, and we will monitor…"',
    );
    expect(fact!.text.length).toBeLessThanOrEqual(140);
  });
});

describe("questions", () => {
  it("are never facts: a card states", () => {
    expect(lastFact("Visa rules change.\n\nWhat is changing for students?")).toBeNull();
    expect(lastFact('"Why would anyone leave now?" said Mr Smith.')).toBeNull();
  });
});

describe("compression keeps claims whole", () => {
  it("does not take a reported claim for an attribution tail", () => {
    expect(
      compressSentence(
        "But Mr Balls, a prospective Labour MP, said he was confident the chancellor would meet his fiscal rules.",
        140,
      ),
    ).toBe(
      "Mr Balls, a prospective Labour MP, said he was confident the chancellor would meet his fiscal rules.",
    );
    expect(compressSentence("Exports rose by 4% in March, the ministry said.", 140)).toBe(
      "Exports rose by 4% in March.",
    );
  });

  it("never leaves a subordinate clause or a bare opening phrase without its main clause", () => {
    const sentence =
      'Mr Blair said that whether the public chose Michael Howard or Mr Kennedy, it would result in "a Tory government not a Labour government and a country that goes back".';
    const text = compressSentence(sentence, 140);
    expect(text).not.toMatch(/Kennedy\.$/);
    const opener = compressSentence(
      "During an interview with BBC Radio 4's Today programme, Mr Balls said he was sure the Budget would not put at risk the stability of the economy.",
      140,
    );
    expect(opener).not.toBe("During an interview with BBC Radio 4's Today programme.");
    expect(opener?.startsWith("During an interview")).toBe(true);
  });

  it("never cuts the last item off an enumeration", () => {
    const sentence =
      "The recall covers nearly all of the vehicles Tesla sold in the US since the function was launched in late 2015, including Models Y, S, 3 and X.";
    // No honest cut fits 140: the sentence is shown whole where it fits, or not at all.
    expect(compressSentence(sentence, 140)).toBeNull();
    expect(compressSentence(sentence, 180)).toBe(sentence);
  });

  it("does not cut a relative clause right after its verb", () => {
    expect(
      writeHeadline(
        "Officials said 40 homes were destroyed and 3 people were injured in the fire that swept through the valley overnight.",
      ),
    ).toBe("Officials said 40 homes were destroyed and 3 people were injured");
  });

  it("prefers the cut that keeps the figures: the opener goes, not the number", () => {
    expect(
      compressSentence(
        "To enhance the appeal of compulsory military service, the government has allocated 3,000 free university placements for soldiers transitioning to the reserve.",
        140,
      ),
    ).toBe(
      "The government has allocated 3,000 free university placements for soldiers transitioning to the reserve.",
    );
  });
});

describe("elision, the last resort for a long sentence", () => {
  const long =
    "The Court of Appeals for the District of Columbia ruled that the US government could sue the firms under legislation drawn up to counteract Mafia infiltration of business.";

  it("keeps the opening up to a word boundary and marks the cut with an ellipsis", () => {
    const text = elide(long, 140)!;
    expect(text.endsWith("…")).toBe(true);
    expect(text.length).toBeLessThanOrEqual(140);
    expect(long.startsWith(text.slice(0, -1))).toBe(true);
    expect(text).not.toMatch(/\b(?:the|of|to|under)…$/);
  });

  it("refuses when the cut would drop a number or a negation", () => {
    expect(elide(`${long.slice(0, -1)} in 1970 and 1982.`, 140)).toBeNull();
    expect(elide(`${long.slice(0, -1)}, but not the banks behind them.`, 140)).toBeNull();
  });

  it("does not stop on a figure or inside a name, and closes an open quote", () => {
    const quoted =
      'Ms Hewitt: "We have already doubled the length of maternity pay, it was 13 weeks when we were elected, we have taken it up to 26 weeks in total."';
    const text = elide(quoted, 140)!;
    expect(text).toMatch(/…"$/);
    expect(text).not.toMatch(/\d…/);
    expect(
      elide(
        "Mary Poppins was originally created by author Pamela Travers, who is said to have cried when she saw the film starring Julie Andrews in the lead role.",
        140,
      ),
    ).not.toMatch(/Julie…$/);
  });
});
