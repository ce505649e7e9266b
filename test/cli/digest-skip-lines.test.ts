import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { runDigest } from "../../src/adapters/console/index.js";
import { quoteFileName } from "../../src/adapters/console/skip-line.js";

function capture() {
  let text = "";
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  return { stream, text: () => text };
}

describe("the digest CLI's FILE: reason lines", () => {
  it("keeps one line per skipped file whatever its name holds", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "skip-lines-"));
    for (const name of ["bad\nname.txt", "a: b.txt", "\u001b[31mred.txt", "plain.txt"]) {
      writeFileSync(path.join(dir, name), "");
    }
    const out = capture();
    const err = capture();
    const code = await runDigest({
      sources: [dir],
      format: "json",
      maxBytes: 1 << 20,
      stdout: out.stream,
      stderr: err.stream,
    });
    expect(code).toBe(1);
    expect(err.text().split("\n")).toEqual([
      '"\\u001b[31mred.txt": empty file',
      '"a: b.txt": empty file',
      '"bad\\nname.txt": empty file',
      "plain.txt: empty file",
      "",
    ]);
  });

  it("quotes names only when they are unsafe, escaping C1 controls and line separators too", () => {
    expect(quoteFileName("2024 report.txt")).toBe("2024 report.txt");
    expect(quoteFileName("note:ok.txt")).toBe("note:ok.txt");
    expect(quoteFileName(" lead.txt")).toBe('" lead.txt"');
    expect(quoteFileName('"quoted".txt')).toBe('"\\"quoted\\".txt"');
    expect(quoteFileName("x\u009by\u2028.txt")).toBe('"x\\u009by\\u2028.txt"');
    expect(JSON.parse(quoteFileName("tab\there.txt"))).toBe("tab\there.txt");
  });
});
