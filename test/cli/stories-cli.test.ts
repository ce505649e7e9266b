import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { StoryCards } from "../../src/model/index.js";

const ROOT = new URL("../..", import.meta.url).pathname;
const FIXTURES = path.join(ROOT, "test/fixtures/stories-cli");
const run = promisify(execFile);
// Run from an empty folder so a developer's own .env never leaks into these tests.
const CWD = mkdtempSync(path.join(tmpdir(), "stories-cli-cwd-"));
const TSX = path.join(ROOT, "node_modules/tsx/dist/loader.mjs");

async function digest(format: string) {
  return run(
    process.execPath,
    [
      "--import",
      TSX,
      path.join(ROOT, "src/main.ts"),
      "digest",
      "--articles",
      path.join(FIXTURES, "articles"),
      "--format",
      format,
    ],
    { cwd: CWD, env: { PATH: process.env.PATH ?? "" } },
  );
}

/** The gold events as sets of files, in a comparable order. */
function goldGroups(): string[][] {
  const gold = JSON.parse(readFileSync(path.join(FIXTURES, "gold.json"), "utf8")) as Record<
    string,
    string
  >;
  const byEvent = new Map<string, string[]>();
  for (const [file, event] of Object.entries(gold)) {
    byEvent.set(event, [...(byEvent.get(event) ?? []), file]);
  }
  return [...byEvent.values()].map((g) => g.sort()).sort();
}

describe("digest --format stories", () => {
  let json: { stdout: string; stderr: string };
  let text: { stdout: string; stderr: string };
  // One child process per format: each run pays the CLI's start-up and the NLP warm-up.
  beforeAll(async () => {
    [json, text] = await Promise.all([digest("stories"), digest("stories-text")]);
  }, 60_000);

  it("groups the reports of each event into one story, exactly as the gold grouping", () => {
    expect(json.stderr).toBe("");
    const stories = StoryCards.array().parse(JSON.parse(json.stdout));
    expect(stories.map((s) => [...s.sources].sort()).sort()).toEqual(goldGroups());
  });

  it("ranks the story told by most sources first and shows its best card first", () => {
    const stories = StoryCards.array().parse(JSON.parse(json.stdout));
    expect(stories.map((s) => s.sources.length)).toEqual([3, 2, 1, 1, 1]);
    for (const story of stories) {
      expect(story.cards.map((c) => c.source)).toEqual(story.sources);
      expect(story.title).toBe(story.cards[0]?.title);
    }
  });

  it("lists the death tolls the ferry reports disagree on, each with its publisher and sentence", () => {
    const stories = StoryCards.array().parse(JSON.parse(json.stdout));
    const ferry = stories.find((s) => s.sources.includes("d004.txt"));
    const dead = ferry?.disagreements.find((d) => d.label === "dead");
    expect(dead?.values.map((v) => [v.publisher, v.value]).sort()).toEqual([
      ["d004.txt", "14"],
      ["d011.txt", "23"],
      ["d017.txt", "19"],
    ]);
    for (const report of dead?.values ?? []) expect(report.sentence).toContain(report.value);
    const bank = stories.find((s) => s.sources.includes("d003.txt"));
    expect(bank?.disagreements).toEqual([]);
  });

  it("prints each story as its best card, who reported it and where the figures differ", () => {
    const { stdout } = text;
    const reported = stdout.match(/^reported by .*$/gm) ?? [];
    expect(reported).toHaveLength(5);
    expect(reported[0]).toMatch(/^reported by 3 sources: d0\d\d\.txt, d0\d\d\.txt, d0\d\d\.txt$/);
    expect(reported.at(-1)).toMatch(/^reported by 1 source: d0\d\d\.txt$/);
    expect(stdout).toMatch(/^reports differ: \d+ dead \(d0\d\d\.txt\); \d+ \(d0\d\d\.txt\); /m);
    expect(stdout.match(/source: d0\d\d\.txt · id /g)).toHaveLength(5);
  });
});
