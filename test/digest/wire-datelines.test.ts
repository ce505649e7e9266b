import { describe, expect, it } from "vitest";
import { digestArticle, parseArticle } from "../../src/digest/index.js";

const BODY = [
  "The levy will bring in about 18 billion shillings a year, the treasury secretary told reporters.",
  "Floods in 2024 washed away more than 1,200 kilometres of rural roads and 46 bridges.",
  "Matatu operators said fares would rise by at least 10% if the levy went ahead.",
  "The central bank expects inflation to stay within its target range this year.",
].join("\n\n");

function lead(text: string): string {
  const first = parseArticle(text).blocks[0];
  return first?.kind === "prose" ? first.text : "";
}

describe("wire datelines", () => {
  it.each([
    ["NAIROBI, Kenya (AP) — Kenya's main teachers union called off a strike.", "Nairobi"],
    ["NAIROBI, March 4 (Reuters) - Kenya will raise its fuel levy by 3 shillings.", "Nairobi"],
    ["EINDHOVEN, Netherlands (Reuters) - Veldhoven Systems will cut 600 jobs.", "Eindhoven"],
    ["Geneva (AFP) - Swiss voters on Sunday rejected a cut to the licence fee.", "Geneva"],
    ["BANGKOK, Feb 26, 2025 (AFP) - Thailand's central bank held its rate.", "Bangkok"],
    ["LONDON, March 3, 2025 /PRNewswire/ -- Brightwell Foods today opened a plant.", "London"],
    [
      "BOSTON--(BUSINESS WIRE)--Jan. 14, 2025-- Norvik Therapeutics today announced results.",
      "Boston",
    ],
    ["HALDEN, Norway, 10 December 2024 – Halden City Council approved a budget.", "Halden"],
    ["Vilnius – Lithuania will spend 0.6 percent of its GDP on air defence.", "Vilnius"],
  ])("gives the place of %j and keeps the dateline out of the lead", (opening, place) => {
    const text = `${opening}\n\n${BODY}\n`;
    const parsed = parseArticle(text);
    expect(parsed.place).toBe(place);
    expect(lead(text)).not.toMatch(
      /\((?:AP|Reuters|AFP)\)|PRNewswire|BUSINESS WIRE|^[\p{Lu}]{3,}/u,
    );
    expect(lead(text)).toMatch(/^\p{Lu}\p{Ll}/u);
  });

  it("keeps an AP dateline out of the summary when an Updated stamp stands above it", () => {
    const text = [
      "Kenya's teachers end strike after pay deal",
      "By WANJIRU NDUNG'U",
      "Updated 6:48 PM GMT+3, April 29, 2025",
      "NAIROBI, Kenya (AP) — Kenya's main teachers union called off a three-week strike on Tuesday after the government agreed to raise salaries by 12% over two years.",
      "",
      BODY,
    ].join("\n");
    const result = digestArticle({ source: "ap.txt", text });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.card.place).toBe("Nairobi");
    expect(result.card.date).toBe("2025-04-29");
    expect(result.card.summary).toMatch(/^Kenya's main teachers union/);
  });

  it("finds a dateline below a feature's standfirst", () => {
    const text = [
      "Inside the night shift that keeps the city's trams running",
      "",
      "While Vienna sleeps, 140 workers repair track, wash cars and replace overhead wires.",
      "",
      "VIENNA – At 12:40 a.m., the last tram of the night rolls into the depot.",
      "",
      BODY,
    ].join("\n");
    expect(parseArticle(text).place).toBe("Vienna");
    expect(JSON.stringify(parseArticle(text).blocks)).not.toContain("VIENNA –");
  });

  it("never reads an ordinary opening word before a dash as a place", () => {
    expect(parseArticle(`Meanwhile – The council met again.\n\n${BODY}`).place).toBeNull();
    expect(parseArticle(`The plan - which was new - failed.\n\n${BODY}`).place).toBeNull();
  });
});

describe("article dates", () => {
  it("takes the first publication over a later update", () => {
    const text = [
      "Estonia to build 40 new border watchtowers",
      "Updated 27 February 2025, 08:02",
      "Published 26 February 2025, 21:14",
      "",
      `TALLINN – Estonia will build 40 watchtowers along its eastern border by the end of 2026.\n\n${BODY}`,
    ].join("\n");
    expect(parseArticle(text).date).toBe("2025-02-26");
  });

  it.each([
    ["Published 4:05 PM EST, January 9, 2025", "2025-01-09"],
    ["Health | Tuesday, 12 August 2025.", "2025-08-12"],
    ["By Marta Ruiz | 2025-06-14T09:30:00Z", "2025-06-14"],
    ["Updated 6:48 PM GMT+3, April 29, 2025", "2025-04-29"],
  ])("reads the date of the stamp %j and keeps the stamp out of the text", (stamp, date) => {
    const text = `Valley town votes to ban cars from main street\n${stamp}\n\n${BODY}\n`;
    const parsed = parseArticle(text);
    expect(parsed.date).toBe(date);
    expect(JSON.stringify(parsed.blocks)).not.toContain(stamp.slice(0, 12));
  });

  it("dates a press release by its dateline, not by a later date in the text", () => {
    const text = [
      "City of Halden Council Approves 2025 Budget",
      "",
      "HALDEN, Norway, 10 December 2024 – The council approved a budget that takes effect on 1 January 2025.",
      "",
      BODY,
    ].join("\n");
    expect(parseArticle(text).date).toBe("2024-12-10");
  });
});
