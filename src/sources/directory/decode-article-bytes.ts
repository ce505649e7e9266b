import { TextDecoder } from "node:util";

export type DecodeResult =
  { ok: true; text: string } | { ok: false; reason: string; cause?: unknown };

const utf8 = new TextDecoder("utf-8", { fatal: true });
const utf16le = new TextDecoder("utf-16le", { fatal: true });
const utf16be = new TextDecoder("utf-16be", { fatal: true });

/** The decoder a byte-order mark asks for; UTF-8 when there is none. */
function pickDecoder(bytes: Uint8Array): { decoder: TextDecoder; name: string } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { decoder: utf16le, name: "UTF-16LE" };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { decoder: utf16be, name: "UTF-16BE" };
  return { decoder: utf8, name: "UTF-8" };
}

/** Article bytes to text: UTF-8, or UTF-16 with a BOM (Windows editors save that); NUL means binary. */
export function decodeArticleBytes(bytes: Uint8Array): DecodeResult {
  const { decoder, name } = pickDecoder(bytes);
  if (decoder === utf8 && bytes.includes(0)) {
    return { ok: false, reason: "binary file (contains NUL bytes)" };
  }
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch (cause) {
    return { ok: false, reason: `not valid ${name}`, cause };
  }
  if (text.includes("\u0000")) return { ok: false, reason: "binary file (contains NUL bytes)" };
  return { ok: true, text };
}
