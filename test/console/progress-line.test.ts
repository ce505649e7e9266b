import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { runDigest } from "../../src/adapters/console/index.js";
import { createProgressLine } from "../../src/adapters/console/progress-line.js";
import { fixedClock } from "../../src/lib/index.js";

const ROOT = new URL("../..", import.meta.url).pathname;

/** A stream that records what was written; `isTTY` as given. */
function capture(isTTY: boolean) {
  const chunks: string[] = [];
  const stream = Object.assign(
    new Writable({
      write(chunk: Buffer, _enc, done) {
        chunks.push(chunk.toString());
        done();
      },
    }),
    { isTTY },
  );
  return { stream, text: () => chunks.join(""), chunks };
}

/** A clock that moves `stepMs` on every read, so each report is "later". */
function tickingClock(stepMs: number) {
  const clock = fixedClock("2026-12-01T00:00:00Z");
  let t = clock.now().getTime();
  return { now: () => (clock.set(new Date((t += stepMs))), clock.now()) };
}

describe("the CLI progress line", () => {
  it("redraws one line in place, at most once per interval, and erases it at the end", () => {
    const out = capture(true);
    const clock = fixedClock("2026-12-01T00:00:00Z");
    const line = createProgressLine({ stream: out.stream, clock, delayMs: 300, intervalMs: 100 });
    line.report({ done: 1, total: 50, unit: "files" }); // too early: short runs stay quiet
    expect(out.text()).toBe("");
    clock.set("2026-12-01T00:00:00.400Z");
    line.report({ done: 20, total: 50, unit: "files" });
    line.report({ done: 21, total: 50, unit: "files" }); // same instant: throttled
    clock.set("2026-12-01T00:00:00.550Z");
    line.report({ done: 7, total: 50, unit: "articles" });
    line.clear();
    line.clear();
    expect(out.chunks).toEqual([
      "\r\x1b[Kreading 20/50 files…",
      "\r\x1b[Ksummarizing 7/50 articles…",
      "\r\x1b[K",
    ]);
  });

  it("writes nothing at all when stderr is not a terminal", () => {
    const out = capture(false);
    const line = createProgressLine({ stream: out.stream, clock: tickingClock(1_000) });
    line.report({ done: 1, total: 2, unit: "files" });
    line.clear();
    expect(out.text()).toBe("");
  });

  it("shows progress on a terminal during a long digest and leaves stdout's JSON untouched", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "progress-"));
    const seeds = path.join(ROOT, "seeds");
    for (const [i, name] of readdirSync(seeds).entries())
      writeFileSync(path.join(dir, `s${i}.txt`), readFileSync(path.join(seeds, name)));
    const run = async (tty: boolean) => {
      const stdout = capture(false);
      const stderr = capture(tty);
      const code = await runDigest({
        sources: [dir],
        format: "json",
        maxBytes: 1_048_576,
        stdout: stdout.stream,
        stderr: stderr.stream,
        clock: tickingClock(1_000),
      });
      return { code, stdout: stdout.text(), stderr: stderr.text() };
    };
    const onTerminal = await run(true);
    const piped = await run(false);
    expect(onTerminal.code).toBe(0);
    expect(onTerminal.stdout).toBe(piped.stdout);
    expect(JSON.parse(onTerminal.stdout)).toHaveLength(readdirSync(seeds).length);
    expect(onTerminal.stderr).toContain("reading 1/3 files…");
    expect(onTerminal.stderr).toContain("summarizing 2/3 articles…");
    expect(onTerminal.stderr.endsWith("\r\x1b[K")).toBe(true); // erased before exit
    expect(piped.stderr).toBe("");
  });
});
