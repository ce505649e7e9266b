import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { digestArticle } from "../../src/digest/index.js";
import { fixedClock } from "../../src/lib/index.js";
import { createMemoryStore } from "../../src/store/index.js";
import { makeCard } from "../fixtures/cards.js";
import {
  articlePage,
  createDynamicFeed,
  newsEntry,
  startFakeHttpServer,
  type FakeHttpServer,
} from "../fakes/http/index.js";
import { CHROMIUM_PATH, chromiumFound, launchChromium, startStatusSite } from "./browser-kit.js";

const NOW = "2026-03-02T10:00:00.000Z";
const required = process.env.REQUIRE_BROWSER === "1";
const found = chromiumFound();
const missing = `chromium not found at ${CHROMIUM_PATH}: run \`npm run setup:browser\` (or set CHROMIUM_PATH)`;

// The one line a run without chromium prints; CI sets REQUIRE_BROWSER=1 so it fails instead.
if (!found && !required) process.stderr.write(`browser test skipped: ${missing}\n`);

/** A title that would set `window.__pwned` if any page ever ran it. */
const SCRIPT_TITLE = "<script>window.__pwned = 1</script> Council approves the river plan";

describe.skipIf(!found && !required)(`in a real browser${found ? "" : ` (${missing})`}`, () => {
  let browser: Browser;
  let page: Page;
  let site: Awaited<ReturnType<typeof startStatusSite>>;
  let fake: FakeHttpServer;
  const dialogs: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    if (!found) throw new Error(`REQUIRE_BROWSER=1 but ${missing}`);
    // The NLP model loads on first use: not inside a card's time budget.
    digestArticle({ source: "warm-up", text: newsEntry(9).text });
    const store = createMemoryStore();
    await store.cards.upsert(makeCard(2), new Date(Date.parse(NOW) - 60_000));
    await store.cards.upsert(makeCard(1, { title: SCRIPT_TITLE }), new Date(NOW));
    // Feed titles are HTML: escaped once more, the headline reads `<script>…` as text.
    const htmlTitle = SCRIPT_TITLE.replace(/</g, "&lt;").replace(/>/g, "&gt;");
    const feed = createDynamicFeed("City Wire", [
      { ...newsEntry(2), title: htmlTitle },
      newsEntry(1),
    ]);
    fake = await startFakeHttpServer({ "/news.xml": feed.route, "/story.html": articlePage(4) });
    site = await startStatusSite(store, fixedClock(NOW));
    browser = await launchChromium();
    page = await browser.newPage();
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on("pageerror", (error) => pageErrors.push(error.message));
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await site?.stop();
    await fake?.close();
  });

  const pwned = () => page.evaluate("window.__pwned");

  it("loads the status page with its sections, a <script> title shown as text", async () => {
    const res = await page.goto(`${site.origin}/`);
    expect(res?.status()).toBe(200);
    expect(await page.locator("h1").textContent()).toBe("news-digest-bot");
    const sections = await page.locator("h2").allTextContents();
    expect(sections).toEqual([
      "Deliveries",
      "Subscriptions (0)",
      "Sources (0)",
      "Newest stories",
      "Newest cards",
    ]);
    await expect.poll(() => page.locator("article h3").allTextContents()).toContain(SCRIPT_TITLE);
    const card = page.locator(`#card-${makeCard(1).id}`);
    expect(await card.locator(".tg-msg b").first().textContent()).toBe(SCRIPT_TITLE);
    expect(await card.locator(".dc-title").textContent()).toBe(SCRIPT_TITLE);
    expect(await page.locator("script").count()).toBe(0);
    expect(await pwned()).toBeUndefined();
  });

  it("previews a feed through the form: its newest items' cards, as Telegram and Discord show them", async () => {
    await page.getByRole("link", { name: "Card preview" }).click();
    await page.waitForURL(`${site.origin}/preview`);
    await page.fill("#url", `${fake.origin}/news.xml`);
    await Promise.all([
      page.waitForURL(`${site.origin}/preview`),
      page.click("button[type=submit]"),
    ]);
    expect(await page.locator("#preview-result h2").textContent()).toBe(
      "2 cards from the feed City Wire",
    );
    const titles = await page.locator("#preview-result article h3").allTextContents();
    expect(titles).toEqual([SCRIPT_TITLE, newsEntry(1).title]);
    expect(await page.locator("#preview-result .tg-msg b").first().textContent()).toBe(
      SCRIPT_TITLE,
    );
    expect(await page.locator("#preview-result .dc-title").first().textContent()).toBe(
      SCRIPT_TITLE,
    );
    expect(await page.locator("#preview-result blockquote").count()).toBeGreaterThan(0);
    expect(await page.inputValue("#url")).toBe(`${fake.origin}/news.xml`);
    expect(await pwned()).toBeUndefined();
  });

  it("previews an article page, and names the URL and the problem when it fails", async () => {
    await page.fill("#url", `${fake.origin}/story.html`);
    await Promise.all([page.waitForLoadState("load"), page.click("button[type=submit]")]);
    expect(await page.locator("#preview-result h2").textContent()).toMatch(
      /^1 card from the article page/,
    );

    await page.fill("#url", `${fake.origin}/missing`);
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST"),
      page.click("button[type=submit]"),
    ]);
    expect(response.status()).toBe(422);
    expect(await page.getByRole("alert").textContent()).toBe(
      `Could not preview ${fake.origin}/missing: the site answered HTTP 404.`,
    );
  });

  it("never ran a script nor opened a dialog", () => {
    expect(dialogs).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
