import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkArchitecture, findCycles } from "./check-architecture.js";

const SRC = new URL("../../src/", import.meta.url).pathname;

function sourceFiles(dir = SRC): Map<string, string> {
  const files = new Map<string, string>();
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) for (const [k, v] of sourceFiles(full)) files.set(k, v);
    else if (name.endsWith(".ts")) files.set(path.relative(SRC, full), readFileSync(full, "utf8"));
  }
  return files;
}

/** The real tree plus one planted file. */
const planted = (rel: string, text: string) => new Map([...sourceFiles(), [rel, text]]);

describe("architecture", () => {
  it("keeps every module to its allowed imports, entered through index.ts, with one network door", () => {
    expect(checkArchitecture(sourceFiles())).toEqual([]);
  });

  it("has no import cycles", () => {
    expect(findCycles(sourceFiles())).toEqual([]);
  });

  it.each([
    [
      "digest/x.ts",
      'import "../adapters/telegram/index.js";',
      /"digest" may not import "adapters\/telegram"/,
    ],
    [
      "store/x.ts",
      'import { a } from "../delivery/index.js";',
      /"store" may not import "delivery"/,
    ],
    ["model/x.ts", 'import { a } from "../lib/index.js";', /"model" may not import "lib"/],
    [
      "adapters/telegram/x.ts",
      'import "../discord/index.js";',
      /may not import "adapters\/discord"/,
    ],
    ["queries/x.ts", 'import "../app/index.js";', /"queries" may not import "app"/],
    [
      "pipeline/x.ts",
      'import { a } from "../store/sqlite/sqlite-store.js";',
      /through store\/index\.ts/,
    ],
    [
      "pipeline/x.ts",
      'const r = await fetch("https://example.org");',
      /network outside sources\/http/,
    ],
    ["delivery/x.ts", 'import { request } from "undici";', /network outside sources\/http/],
    ["mystery/x.ts", "export const a = 1;", /has no rule/],
  ])("fails on a planted %s that breaks a rule", (rel, text, problem) => {
    expect(checkArchitecture(planted(rel, text)).join("\n")).toMatch(problem);
  });

  it("finds a planted cycle", () => {
    const files = new Map([
      ["a/a.ts", 'import "../b/b.js";'],
      ["b/b.ts", 'import "../a/a.js";'],
    ]);
    expect(findCycles(files)).toEqual(["a/a.ts -> b/b.ts -> a/a.ts"]);
  });
});
