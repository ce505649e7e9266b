import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseArticle } from "../../src/digest/index.js";

const seed = (name: string) =>
  readFileSync(new URL(`../../seeds/${name}`, import.meta.url), "utf8");

describe("parseArticle", () => {
  it("reads a headline, drops counter noise, keeps a bullet list whole and finds a trailing date", () => {
    const a = parseArticle(seed("000_9f5b4e2c2e6a3da1.txt"));
    expect(a.title).toBe("Mobilization announced in Kazakhstan");
    expect(a.date).toBe("2024-02-01");
    expect(a.place).toBeNull();
    expect(JSON.stringify(a.blocks)).not.toContain("649 views");
    const list = a.blocks.find((b) => b.kind === "list");
    expect(list).toMatchObject({
      intro: "A total of 752 individuals will be called for service:",
      items: expect.arrayContaining([
        "Armed Forces: 600 individuals",
        "National Guard: 42 individuals",
      ]) as unknown,
    });
    expect(list?.kind === "list" && list.items).toHaveLength(4);
  });

  it("has no headline and no date for a one-sentence-per-line article", () => {
    const a = parseArticle(seed("003_08233803856035f2.txt"));
    expect(a.title).toBeNull();
    expect(a.date).toBeNull();
    expect(a.blocks.filter((b) => b.kind === "prose")).toHaveLength(13);
  });

  it("takes a leading date stamp and a dateline as metadata, not text", () => {
    const a = parseArticle(seed("004_8d732854f8d6dc12.txt"));
    expect(a.date).toBe("2023-12-27");
    expect(a.place).toBe("Astana");
    const lead = a.blocks[0];
    expect(lead?.kind === "prose" && lead.text).toMatch(/^Kazakhstan extended the scope/);
  });

  it.each([
    ["LONDON, Dec 5 (Reuters) - British house prices rose by 0.5% in November.", "London"],
    ["WASHINGTON (Reuters) - The Fed held rates steady on Wednesday.", "Washington"],
    ["KOSTANAY — Farmers sowed 4 million hectares this spring.", "Kostanay"],
  ])("takes the wire dateline of %j as the place %s and strips it", (lead, place) => {
    const a = parseArticle(lead);
    expect(a.place).toBe(place);
    expect(a.blocks[0]?.kind === "prose" && a.blocks[0].text).toMatch(/^[A-Z][a-z]/);
  });

  it.each([
    ["Published: 1 Feb 2024", "2024-02-01"],
    ["2024-02-01", "2024-02-01"],
    ["February 1, 2024", "2024-02-01"],
    ["Feb. 1, 2024", "2024-02-01"],
    ["01.02.2024", "2024-02-01"],
  ])("reads the date line %j as %s", (line, iso) => {
    expect(
      parseArticle(`Headline here\n\n${line}\n\nThe council approved 12 new parks on Monday.`).date,
    ).toBe(iso);
  });

  it("takes no event date from the middle of an article as its date", () => {
    const text = [
      "Parliament on Thursday passed a contested bill on charities.",
      "The law takes effect on 1 March 2025.",
      "The opposition said it would appeal.",
    ].join("\n\n");
    expect(parseArticle(text).date).toBeNull();
    expect(parseArticle(`${text}\n\nPublished 12 February 2025`).date).toBe("2025-02-12");
  });

  it("falls back to a full date inside the text and rejects impossible dates", () => {
    expect(parseArticle("On 3 March 2024 the council approved 12 new parks.").date).toBe(
      "2024-03-03",
    );
    expect(
      parseArticle("The vote on 2024-02-30 was void. Another sentence follows here.").date,
    ).toBeNull();
  });

  it("handles BOM, CRLF and curly punctuation like plain text", () => {
    const crlf =
      "\uFEFFCouncil backs parks\r\n\r\nKOSTANAY — The council approved “12 new parks” on Monday.\r\nIt will spend $4 million.\r\n";
    const a = parseArticle(crlf);
    expect(a.title).toBe("Council backs parks");
    expect(a.place).toBe("Kostanay");
    expect(a.text).not.toContain("\r");
    expect(a.blocks.map((b) => b.kind === "prose" && b.text)).toEqual([
      "The council approved “12 new parks” on Monday.",
      "It will spend $4 million.",
    ]);
  });

  it("drops time stamps, photo captions and credits, and the author's bio", () => {
    const a = parseArticle(
      [
        "Wildfire forces evacuation of 30,000 in Canadian city",
        "10:45 GMT",
        "Firefighters battle the blaze near Kelowna on Friday. (Photo by Darryl Dyck/The Canadian Press via AP)",
        "Image caption, Smoke over the city on Friday",
        "More than 30,000 people have been ordered to leave their homes in Kelowna.",
        "The fire has burned 11,000 hectares since it began on Tuesday, officials said.",
        "A firefighter at work on Friday. REUTERS/Jennifer Gauthier/Reuters",
        "Jane Smith is a BBC correspondent based in Vancouver.",
      ].join("\n"),
    );
    expect(a.blocks.map((b) => (b.kind === "prose" ? b.text : b.source))).toEqual([
      "More than 30,000 people have been ordered to leave their homes in Kelowna.",
      "The fire has burned 11,000 hectares since it began on Tuesday, officials said.",
    ]);
  });

  it("reads Markdown and HTML leftovers as the text they mark up", () => {
    const a = parseArticle(
      [
        "# Apple unveils $3,499 Vision Pro headset",
        "",
        "*Updated 2 hours ago*",
        "",
        "**CUPERTINO** – Apple on Monday unveiled the [Vision Pro](https://apple.com/vision-pro), a headset.<br>",
        "It uses two 4K displays &amp; a chip called R1 &mdash; made by <b>TSMC</b>. ![photo](x.png)",
      ].join("\n"),
    );
    expect(a.title).toBe("Apple unveils $3,499 Vision Pro headset");
    expect(a.place).toBe("Cupertino");
    expect(a.blocks.map((b) => (b.kind === "prose" ? b.text : b.source))).toEqual([
      "Apple on Monday unveiled the Vision Pro, a headset.",
      "It uses two 4K displays & a chip called R1 — made by TSMC.",
    ]);
  });

  it("leaves prose that only looks like markup alone", () => {
    const text = "Sales rose 5*3*2 times in C# shops & snake_case_name stores [sic] (2024).";
    const a = parseArticle(text);
    expect(a.blocks[0]?.kind === "prose" && a.blocks[0].text).toBe(text);
  });

  it("drops navigation bars, share prompts, section headings and link leftovers of a web page", () => {
    const a = parseArticle(
      [
        "Home | News | Sport | Weather",
        "Share this article",
        "Tesla recalls 2 million cars over Autopilot safety concerns",
        "By Jane Doe, Technology reporter",
        "Published 14 December 2023",
        "Tesla is recalling more than two million vehicles in the US.",
        "Background",
        "The recall follows a two-year investigation.",
        "Some were deadly.",
        "Related Topics",
        "Tesla",
        "Read more",
      ].join("\n"),
    );
    expect(a.title).toBe("Tesla recalls 2 million cars over Autopilot safety concerns");
    expect(a.date).toBe("2023-12-14");
    expect(a.blocks.map((b) => (b.kind === "prose" ? b.text : b.source))).toEqual([
      "Tesla is recalling more than two million vehicles in the US.",
      "The recall follows a two-year investigation.",
      "Some were deadly.",
    ]);
  });

  it("joins hard-wrapped paragraphs and removes bylines, share bars and read-more lines", () => {
    const text = [
      "Parks plan passes",
      "By Jane Smith",
      "",
      "The city council approved a plan on Monday to build",
      "twelve new parks across the northern districts, the",
      "mayor said.",
      "",
      "Share | Tweet | Email",
      "Read more: Council news",
    ].join("\n");
    const a = parseArticle(text);
    expect(a.title).toBe("Parks plan passes");
    expect(a.blocks).toEqual([
      {
        kind: "prose",
        paragraph: 0,
        text: "The city council approved a plan on Monday to build twelve new parks across the northern districts, the mayor said.",
      },
    ]);
  });
});
