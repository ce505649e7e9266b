/**
 * `npm run screenshot`: the status page over the seed articles, drawn by chromium, written to
 * docs/status-page.png (the README shows it). Needs chromium: `npm run setup:browser`.
 */
import { fileURLToPath } from "node:url";
import { fixedClock } from "../src/lib/index.js";
import { initialSourceState } from "../src/model/index.js";
import { digestDirectory } from "../src/pipeline/index.js";
import { directorySourceId } from "../src/sources/index.js";
import { createMemoryStore } from "../src/store/index.js";
import {
  chromiumFound,
  CHROMIUM_PATH,
  launchChromium,
  startStatusSite,
} from "../test/browser/browser-kit.js";

const NOW = "2026-03-02T10:00:00.000Z";
const SEEDS = fileURLToPath(new URL("../seeds/", import.meta.url));
const OUT = fileURLToPath(new URL("../docs/status-page.png", import.meta.url));

if (!chromiumFound()) {
  process.stderr.write(`chromium not found at ${CHROMIUM_PATH}: run \`npm run setup:browser\`\n`);
  process.exit(1);
}

const store = createMemoryStore();
const at = Date.parse(NOW);
const { cards } = await digestDirectory(SEEDS, { maxBytes: 1_048_576 });
for (const [i, card] of cards.entries()) await store.cards.upsert(card, new Date(at - i * 60_000));

// A source of each kind of health, so the table shows what an operator sees.
await store.sources.add(
  { id: directorySourceId(SEEDS), url: "seeds/", kind: "dir", title: "seeds", addedBy: null },
  new Date(at),
);
await store.sources.add(
  {
    id: "feed:https://news.example/rss",
    url: "https://news.example/rss",
    kind: "feed",
    title: "Example News",
    addedBy: { platform: "telegram", chatId: "-1001234567890" },
  },
  new Date(at),
);
await store.sources.saveState("feed:https://news.example/rss", {
  ...initialSourceState("https://news.example/rss"),
  failingSince: "2026-03-02T06:00:00.000Z",
  failures: 3,
  lastError: "http-status: HTTP 503",
});
await store.subscriptions.create(
  {
    target: { platform: "telegram", chatId: "-1001234567890", threadId: null },
    cron: "0 8 * * *",
    timezone: "Asia/Almaty",
    createdBy: "42",
  },
  new Date(at),
);
await store.subscriptions.create(
  {
    target: { platform: "discord", chatId: "1234567890123", threadId: null },
    cron: "30 18 * * 1-5",
    timezone: "Europe/Berlin",
    createdBy: "7",
    include: ["budget"],
  },
  new Date(at),
);

const site = await startStatusSite(store, fixedClock(NOW));
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  await page.goto(`${site.origin}/`);
  await page.screenshot({ path: OUT, fullPage: true });
  process.stdout.write(`wrote ${OUT} (${cards.length} seed cards)\n`);
} finally {
  await browser.close();
  await site.stop();
}
