import { decodeWindows1252 } from "./windows-1252.js";

const BOMS: ReadonlyArray<[number[], string]> = [
  [[0xef, 0xbb, 0xbf], "utf-8"],
  [[0xfe, 0xff], "utf-16be"],
  [[0xff, 0xfe], "utf-16le"],
];

function bomCharset(body: Uint8Array): string | undefined {
  return BOMS.find(([bytes]) => bytes.every((b, i) => body[i] === b))?.[1];
}

function headerCharset(contentType: string | undefined): string | undefined {
  return /charset\s*=\s*["']?([^"';\s]+)/i.exec(contentType ?? "")?.[1];
}

function documentCharset(body: Uint8Array): string | undefined {
  // Declarations are ASCII in every charset we read, so a latin1 view of the head is enough.
  const head = Buffer.from(body.subarray(0, 4096)).toString("latin1");
  const prolog = /^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([^"']+)["']/i.exec(head)?.[1];
  if (prolog) return prolog;
  return /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head)?.[1];
}

function supported(label: string | undefined): string | undefined {
  if (!label) return undefined;
  try {
    return new TextDecoder(label.trim().toLowerCase()).encoding;
  } catch {
    return undefined;
  }
}

/**
 * The charset a reader would use: a byte-order mark, then the HTTP header, then the XML prolog,
 * then `<meta charset>`; UTF-8 when none is declared or the label is unknown.
 */
export function sniffCharset(body: Uint8Array, contentType?: string): string {
  return (
    bomCharset(body) ??
    supported(headerCharset(contentType)) ??
    supported(documentCharset(body)) ??
    "utf-8"
  );
}

/** Decodes a response body to a string by its declared or sniffed charset (BOM removed). */
export function decodeText(body: Uint8Array, contentType?: string): string {
  const charset = sniffCharset(body, contentType);
  if (charset === "windows-1252") return decodeWindows1252(body);
  return new TextDecoder(charset).decode(body);
}
