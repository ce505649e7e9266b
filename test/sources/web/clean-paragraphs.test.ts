import { describe, expect, it } from "vitest";
import type { Paragraph } from "../../../src/sources/web/block-text.js";
import { cleanParagraphs } from "../../../src/sources/web/clean-paragraphs.js";
import { isFurnitureLine } from "../../../src/sources/web/furniture-line.js";

const page = {
  url: "https://news.example/a/story",
  headline: "Bridge reopens",
  publisher: "Gazette",
};

function p(text: string, linkShare = 0, links: string[] = []): Paragraph {
  return { text, linkShare, heading: false, links };
}

const prose =
  "The bridge reopened on Tuesday after eleven weeks of repairs, the transport office said.";

describe("isFurnitureLine", () => {
  it.each([
    "Advertisement",
    "Advert",
    "Share this article",
    "Whatsapp Facebook Pint Baixar",
    "READ MORE: How the bridge was built",
    "Sign up to our newsletter for exclusive updates",
    "We use cookies to give you the best experience. Accept",
    "Cars cross the bridge on Tuesday (Image: GETTY)",
    "Jo Lind | Bloomberg | Getty Images",
    "PUBLISHED: 10:48, Tue, Nov 19, 2019",
    "November 20, 2019",
    "By Maria Jensen and Tom Okafor",
    "By Justine Coleman - 11/18/19 11:04 PM EST",
    "Fox News’ Jessica Napoli contributed to this report.",
    "Tags: bridge, repairs, traffic",
    "Tell us what YOU think...",
    "Copyright © 2024 The Daily Gazette. All rights reserved.",
    "Plane passengers quarantined after outbreak [NEWS]",
  ])("recognises %j", (line) => {
    expect(isFurnitureLine(line)).toBe(true);
  });

  it.each([
    prose,
    "By Monday, the city had spent 14.2 million euros on the repairs.",
    "Video shows the moment the first car crossed the bridge.",
    "Share prices of the builder rose 4% after the reopening.",
    "Published in 1962, the original plans called for four lanes.",
  ])("keeps the sentence %j", (line) => {
    expect(isFurnitureLine(line)).toBe(false);
  });
});

describe("cleanParagraphs", () => {
  it("drops short labels before the first sentence, and the repeated headline", () => {
    const out = cleanParagraphs([p("Bridge reopens"), p("JANE DOE"), p("4"), p(prose)], page);
    expect(out).toEqual([prose]);
  });

  it("keeps a long lead paragraph that has no final full stop", () => {
    const lead =
      "Chelsea have this morning paid the £71.6million fee to secure the world record signing of the keeper";
    expect(cleanParagraphs([p(lead), p(prose)], page)).toEqual([lead, prose]);
  });

  it("keeps short lines of a list-like article once it has started", () => {
    const lines = ["1a etapa: 10 de março – Interlagos", "2a etapa: 8 de abril – Curitiba"];
    expect(cleanParagraphs([p(prose), ...lines.map((l) => p(l))], page)).toEqual([prose, ...lines]);
  });

  it("drops the links listed under a Related heading", () => {
    const out = cleanParagraphs(
      [
        p(prose),
        p("Related stories"),
        p("Ferry timetable changes", 1, ["/f"]),
        p(prose + " Again."),
      ],
      page,
    );
    expect(out).toEqual([prose, prose + " Again."]);
  });

  it.each(["You may also like...", "Leggi anche", "More Great WIRED Stories"])(
    "drops the link list opened by %j",
    (heading) => {
      const teaser = p("Who will make the Hall of Fame in 2020?", 1, ["/hall"]);
      expect(cleanParagraphs([p(prose), p(heading), teaser], page)).toEqual([prose]);
    },
  );

  it("drops a run of links to other pages of the same site but keeps links elsewhere", () => {
    const internal = [
      p("Ferry timetable changes", 1, ["/f"]),
      p("Budget approved", 1, ["https://news.example/b"]),
    ];
    const external = [
      p("Get it on Amazon for $39", 1, ["https://shop.example.com/x"]),
      p("Get it at Walmart for $9", 1, ["https://mart.example.org/y"]),
    ];
    expect(cleanParagraphs([p(prose), ...internal], page)).toEqual([prose]);
    expect(cleanParagraphs([p(prose), ...external], page)).toEqual([
      prose,
      ...external.map((x) => x.text),
    ]);
  });

  it("returns nothing when no paragraph reads as prose", () => {
    expect(cleanParagraphs([p("Home"), p("News"), p("Sport")], page)).toEqual([]);
  });
});
