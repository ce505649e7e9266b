import { describe, expect, it } from "vitest";
import { digestArticle, parseArticle } from "../../src/digest/index.js";

const STORY = [
  "The number of people waiting for planned hospital treatment in Bristol has fallen below 60,000 for the first time in four years, new figures show.",
  "",
  "The list stood at 59,412 at the end of June, down from 64,870 a year earlier, according to NHS England data.",
  "",
  "The longest waits have also shortened: 212 patients had been waiting more than 18 months, compared with 1,045 in June 2024.",
  "",
  "Hospital managers credit a new surgical hub at Southmead, which carries out about 90 operations a week.",
  "",
  "Unions warned that staff shortages in nursing could reverse the progress over the winter.",
].join("\n");

function card(text: string) {
  const result = digestArticle({ source: "page.txt", text });
  if (!result.ok) throw result.error;
  return result.card;
}

const shown = (text: string) => {
  const c = card(text);
  return [c.title, c.summary, ...c.facts.map((f) => f.text)].join("\n");
};

describe("page furniture", () => {
  it("takes the article's headline, not the skip link, site name or menus above it", () => {
    const text = [
      "Skip to main content",
      "Bristol Evening Courier",
      "Sign in Search.",
      "News Sport Business Health Opinion What's On",
      "We use cookies to give you the best experience on our website. By continuing to browse you agree to our use of cookies. Accept all cookies Manage preferences",
      "",
      "Health | Tuesday, 12 August 2025.",
      "",
      "Hospital waiting list in Bristol falls below 60,000 for first time since 2021",
      "",
      "By Claire Hennessy, Health Correspondent",
      "",
      STORY,
    ].join("\n");
    const c = card(text);
    expect(c.title).toBe(
      "Hospital waiting list in Bristol falls below 60,000 for first time since 2021",
    );
    expect(c.date).toBe("2025-08-12");
    expect(shown(text)).not.toMatch(/skip to|sign in|cookies|Courier|Health \|/i);
  });

  it("takes a headline below a site name of a few words", () => {
    const text = `The Northern Herald\nLatest news\nSearch\n\nFishing quota for North Sea cod cut by 20%\n\n${STORY}`;
    expect(parseArticle(text).title).toBe("Fishing quota for North Sea cod cut by 20%");
  });

  it("leaves a short headline of an article without a masthead alone", () => {
    const text = `Rates on hold\n\n${STORY}`;
    expect(parseArticle(text).title).toBe("Rates on hold");
  });

  it("drops cookie banners, share bars, related links, adverts, captions and footers", () => {
    const text = [
      "This website uses cookies",
      "Accept all",
      "Reject all",
      "Menu",
      "Port of Gdansk handles record 86 million tonnes of cargo",
      "Container cranes at the port's Baltic Hub terminal. Photo: Marek Nowak",
      STORY,
      "",
      "Share this article",
      "Facebook Twitter WhatsApp Email",
      "Share on Facebook Share on X",
      "Related: Southmead surgical hub opens its doors",
      "Advertisement",
      "Most read",
      "You might also like",
      "Get the best of business news in your inbox every morning. Sign up",
      "Sign in to comment",
      "Comments (14)",
      "Contact us | Privacy policy | Terms and conditions | Cookie settings",
      "© 2025 Bristol Evening Courier",
    ].join("\n");
    const text2 = shown(text);
    expect(card(text).title).toBe("Port of Gdansk handles record 86 million tonnes of cargo");
    expect(text2).not.toMatch(
      /cookies|Photo:|Share|Facebook|Related|Advertisement|Most read|inbox|Sign in|Comments|Privacy|©/,
    );
  });

  it("drops wire credits, sign-offs and press-release boilerplate", () => {
    const text = [
      "FOR IMMEDIATE RELEASE",
      "",
      "Brightwell Foods Opens £45 Million Plant in Leeds, Creating 350 Jobs",
      "",
      STORY,
      "",
      "(Reporting by Ruth Kamau; Editing by Mark Potter)",
      "Associated Press writer Tom Ellis contributed to this report.",
      "Our Standards: The Thomson Reuters Trust Principles.",
      "nl/ach/rmb",
      "Media contact:",
      "Jo Patel, press@brightwell.example, +44 20 7946 0000",
      "SOURCE Brightwell Foods",
      "###",
    ].join("\n");
    const parsed = parseArticle(text);
    expect(parsed.title).toBe(
      "Brightwell Foods Opens £45 Million Plant in Leeds, Creating 350 Jobs",
    );
    expect(JSON.stringify(parsed.blocks)).not.toMatch(
      /Reporting by|contributed to|Trust Principles|rmb|Media contact|@|SOURCE|###/,
    );
  });

  it("drops the teasers under a related-links heading and press-release contact and profile blocks", () => {
    const text = [
      "Port of Gdansk handles record 86 million tonnes of cargo",
      "",
      STORY,
      "",
      "Related stories",
      "Baltic ports compete for Ukrainian grain",
      "Poland's economy grew 2.9% in 2024",
      "You might also like",
      "",
      "About Brightwell Foods",
      "Brightwell Foods was founded in 2016 and employs 1,100 people in the UK.",
      "",
      "For more information, please contact:",
      "Communications Office, City of Halden",
      "press@halden.example",
    ].join("\n");
    expect(JSON.stringify(parseArticle(text).blocks)).not.toMatch(
      /Baltic ports|2\.9%|also like|founded in 2016|Communications Office/,
    );
  });

  it("keeps the article text after a related-links box in the middle of a page", () => {
    const text = [
      "Port of Gdansk handles record 86 million tonnes of cargo",
      "",
      "Read more",
      "Baltic ports compete for Ukrainian grain",
      "The port authority expects to invest 1.8 billion zlotys in new quays and rail links by 2030, its chief executive said.",
      "",
      STORY,
    ].join("\n");
    expect(JSON.stringify(parseArticle(text).blocks)).toContain("1.8 billion zlotys");
  });

  it("keeps a correction note out of the card", () => {
    const text = [
      "Correction: An earlier version of this article misstated the number of homes to be built. It is 2,400, not 4,200.",
      "",
      "Cork council approves 2,400 homes on former docklands",
      "",
      STORY,
      "",
      "Correction, 15 May 2025: An earlier version of this article said the hub opened in 2023.",
    ].join("\n");
    const c = card(text);
    expect(c.title).toBe("Cork council approves 2,400 homes on former docklands");
    expect(shown(text)).not.toMatch(/correction|earlier version/i);
  });

  it("keeps a sentence that only mentions cookies or a newsletter", () => {
    const sentence =
      "The regulator fined the retailer 2 million euros for setting advertising cookies without consent.";
    const parsed = parseArticle(`Retailer fined over cookies\n\n${sentence}\n\n${STORY}`);
    expect(JSON.stringify(parsed.blocks)).toContain(sentence);
  });
});
