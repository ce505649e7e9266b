import {
  mkdtempSync,
  mkdirSync,
  symlinkSync,
  writeFileSync,
  truncateSync,
  openSync,
  closeSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { digestDirectory } from "../../src/pipeline/index.js";
import { readArticleFile } from "../../src/sources/index.js";

const GOOD =
  "Parks plan passes\n\nThe city council approved 12 new parks on Monday.\nIt will spend $4 million on them.\nWork starts in May.\n";
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "articles-"));
});

async function reason(name: string, maxBytes = 1 << 20): Promise<string> {
  const r = await readArticleFile(dir, name, maxBytes);
  if (r.ok) throw new Error(`${name} was accepted`);
  expect(r.error.file).toBe(name);
  return r.error.reason;
}

describe("readArticleFile refuses bad input with a reason naming the file", () => {
  it("empty and blank files", async () => {
    writeFileSync(path.join(dir, "empty.txt"), "");
    writeFileSync(path.join(dir, "blank.txt"), " \n\t\r\n\uFEFF");
    expect(await reason("empty.txt")).toBe("empty file");
    expect(await reason("blank.txt")).toBe("empty file");
  });

  it("binary files", async () => {
    writeFileSync(
      path.join(dir, "bin.txt"),
      Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x41]),
    );
    expect(await reason("bin.txt")).toBe("binary file (contains NUL bytes)");
  });

  it("text that is not UTF-8", async () => {
    writeFileSync(
      path.join(dir, "latin1.txt"),
      Buffer.from("Caf\xe9 prices rose 5% this year.", "latin1"),
    );
    expect(await reason("latin1.txt")).toBe("not valid UTF-8");
  });

  it("files over the size limit, checked before reading", async () => {
    // A 3 GiB sparse file: reading it would fail or exhaust memory; the size check must come first.
    const huge = path.join(dir, "huge.txt");
    closeSync(openSync(huge, "w"));
    truncateSync(huge, 3 * 1024 ** 3);
    expect(await reason("huge.txt", 1024)).toBe(
      `larger than MAX_ARTICLE_BYTES (${3 * 1024 ** 3} > 1024 bytes)`,
    );
  });

  it("symlinks leading outside the folder, while links inside are fine", async () => {
    const outside = mkdtempSync(path.join(tmpdir(), "outside-"));
    writeFileSync(path.join(outside, "secret.txt"), GOOD);
    symlinkSync(path.join(outside, "secret.txt"), path.join(dir, "escape.txt"));
    mkdirSync(path.join(dir, "real"));
    writeFileSync(path.join(dir, "real", "a.txt"), GOOD);
    symlinkSync(path.join(dir, "real", "a.txt"), path.join(dir, "inside.txt"));
    expect(await reason("escape.txt")).toBe("symlink leads outside the articles folder");
    expect((await readArticleFile(dir, "inside.txt", 1 << 20)).ok).toBe(true);
  });
});

describe("digestDirectory", () => {
  it("gives every good file its card even when others are bad, and names each bad one", async () => {
    writeFileSync(path.join(dir, "a-good.txt"), GOOD);
    writeFileSync(path.join(dir, "b-empty.txt"), "");
    writeFileSync(path.join(dir, "c-nosentence.txt"), "--- *** ---\n\n###\n");
    writeFileSync(path.join(dir, "d-binary.txt"), Buffer.from([1, 0, 2]));
    writeFileSync(path.join(dir, "e-good.txt"), GOOD.replace("12", "14"));
    writeFileSync(path.join(dir, "notes.md"), "ignored: not a .txt");
    const { cards, errors } = await digestDirectory(dir, { maxBytes: 1 << 20 });
    expect(cards.map((c) => c.source)).toEqual(["a-good.txt", "e-good.txt"]);
    expect(errors.map((e) => `${e.file}: ${e.reason}`)).toEqual([
      "b-empty.txt: empty file",
      "c-nosentence.txt: no sentence found",
      "d-binary.txt: binary file (contains NUL bytes)",
    ]);
  });

  it("throws a named error when the folder itself is missing", async () => {
    await expect(digestDirectory(path.join(dir, "nope"), { maxBytes: 100 })).rejects.toThrow(
      /folder not found/,
    );
  });
});
