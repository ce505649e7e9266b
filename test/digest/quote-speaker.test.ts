import { describe, expect, it } from "vitest";
import { attributeQuote } from "../../src/digest/summarize/attribute-quote.js";

describe("the speaker of a quote is the person, not their institution", () => {
  it("names the lead author, not the university after her name", () => {
    const quote = attributeQuote(
      `"Warmer water speeds up the fish's metabolism, so they mature earlier and stop growing at a smaller size," said lead author Léa Dubois-Marchand of the University of Geneva.`,
    );
    expect(quote?.speaker).toBe("Léa Dubois-Marchand");
  });

  it("names the person when the institution comes before the name", () => {
    const quote = attributeQuote(
      `The University of Geneva's Léa Dubois-Marchand said: "Warmer water speeds up the fish's metabolism."`,
    );
    expect(quote?.speaker).toBe("Léa Dubois-Marchand");
  });

  it("names a researcher at a named university", () => {
    const quote = attributeQuote(
      `"The tail vertebrae have a very unusual shape," said lead author Dr Valeria Quiroga of the Ernesto Bachmann museum in Villa El Chocón.`,
    );
    expect(quote?.speaker).toBe("Dr Valeria Quiroga");
  });

  it("keeps an abbreviated honorific with the name", () => {
    const quote = attributeQuote(
      `"These results give us confidence to move into late-stage development," said Chief Medical Officer Dr. Ines Halvorsen.`,
    );
    expect(quote?.speaker).toBe("Dr. Ines Halvorsen");
  });
});
