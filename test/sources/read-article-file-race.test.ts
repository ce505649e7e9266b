import { linkSync, mkdtempSync, renameSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { afterEach, describe, expect, it } from "vitest";
import { readArticleFile } from "../../src/sources/index.js";

const INSIDE = "Inside story\n\nThe council approved 12 new parks on Monday.\n";
const OUTSIDE = "Outside secret\n\nThe password is 1234 and nobody may read it.\n";

// Swaps `link` between two targets as fast as it can, atomically (a new link renamed over the old).
const SWAPPER = `
const { workerData, parentPort } = require("node:worker_threads");
const fs = require("node:fs");
const { link, targets, stop } = workerData;
const flag = new Int32Array(stop);
let i = 0;
parentPort.postMessage("ready");
while (Atomics.load(flag, 0) === 0) {
  const tmp = link + ".tmp";
  try { fs.unlinkSync(tmp); } catch {}
  fs.symlinkSync(targets[i++ % 2], tmp);
  fs.renameSync(tmp, link);
}
`;

let worker: Worker | undefined;
afterEach(async () => {
  await worker?.terminate();
  worker = undefined;
});

describe("readArticleFile and a symlink swapped during the read", () => {
  it("never returns the outside file while a link flips between an inside and an outside target", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "race-in-"));
    const outside = mkdtempSync(path.join(tmpdir(), "race-out-"));
    writeFileSync(path.join(dir, "real.txt"), INSIDE);
    writeFileSync(path.join(outside, "secret.txt"), OUTSIDE);
    const link = path.join(dir, "flip.txt");
    symlinkSync(path.join(dir, "real.txt"), link);
    const stop = new SharedArrayBuffer(4);
    worker = new Worker(SWAPPER, {
      eval: true,
      workerData: {
        link,
        targets: [path.join(outside, "secret.txt"), path.join(dir, "real.txt")],
        stop,
      },
    });
    await new Promise((resolve) => worker!.once("message", resolve));
    let leaked = 0;
    let accepted = 0;
    for (let i = 0; i < 3000; i += 1) {
      const read = await readArticleFile(dir, "flip.txt", 1 << 20);
      if (!read.ok) continue;
      accepted += 1;
      if (read.article.text.includes("password")) leaked += 1;
    }
    Atomics.store(new Int32Array(stop), 0, 1);
    expect(leaked).toBe(0);
    expect(accepted).toBeGreaterThan(0);
  });
});

describe("readArticleFile and hard links", () => {
  it("refuses a file with a second hard link unless hard links are allowed", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "hard-"));
    const other = path.join(mkdtempSync(path.join(tmpdir(), "hard-out-")), "x.txt");
    writeFileSync(other, INSIDE);
    try {
      linkSync(other, path.join(dir, "alias.txt"));
    } catch {
      // Different file systems: the temp folder cannot hold the link, nothing to test here.
      return;
    }
    const refused = await readArticleFile(dir, "alias.txt", 1 << 20);
    expect(refused.ok ? "accepted" : refused.error.reason).toBe(
      "file has more than one hard link (set ALLOW_HARDLINKS=true to read it)",
    );
    const allowed = await readArticleFile(dir, "alias.txt", 1 << 20, { allowHardlinks: true });
    expect(allowed.ok).toBe(true);
  });

  it("still reads a plain file after it was renamed into place", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "plain-"));
    writeFileSync(path.join(dir, "draft"), INSIDE);
    renameSync(path.join(dir, "draft"), path.join(dir, "final.txt"));
    expect((await readArticleFile(dir, "final.txt", 1 << 20)).ok).toBe(true);
  });
});

describe("readArticleFile decodes UTF-16 with a byte-order mark", () => {
  const bom = (order: "le" | "be", text: string) => {
    const le = Buffer.from(text, "utf16le");
    if (order === "le") return Buffer.concat([Buffer.from([0xff, 0xfe]), le]);
    const be = Buffer.from(le);
    be.swap16();
    return Buffer.concat([Buffer.from([0xfe, 0xff]), be]);
  };

  it("reads UTF-16LE and UTF-16BE files as text", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "utf16-"));
    writeFileSync(path.join(dir, "le.txt"), bom("le", "Café prices rose 5% this year.\n"));
    writeFileSync(path.join(dir, "be.txt"), bom("be", "Café prices rose 5% this year.\n"));
    for (const name of ["le.txt", "be.txt"]) {
      const read = await readArticleFile(dir, name, 1 << 20);
      expect(read.ok ? read.article.text : read.error.reason).toBe(
        "Café prices rose 5% this year.\n",
      );
    }
  });

  it("refuses a UTF-16 file cut in the middle of a character", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "utf16-"));
    writeFileSync(path.join(dir, "odd.txt"), bom("le", "Prices rose.").subarray(0, 7));
    const read = await readArticleFile(dir, "odd.txt", 1 << 20);
    expect(read.ok ? "accepted" : read.error.reason).toBe("not valid UTF-16LE");
  });
});
