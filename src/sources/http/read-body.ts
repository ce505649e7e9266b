import { once } from "node:events";
import { pipeline, type Readable, type Transform } from "node:stream";
import zlib from "node:zlib";

function decoderFor(coding: string, firstByte: number | undefined): Transform | null | undefined {
  switch (coding) {
    case "identity":
    case "":
      return null;
    case "gzip":
    case "x-gzip":
      return zlib.createGunzip();
    // Servers send both zlib-wrapped and raw deflate; 0x78 is the zlib header's first byte.
    case "deflate":
      return (firstByte ?? 0x78) === 0x78 ? zlib.createInflate() : zlib.createInflateRaw();
    case "br":
      return zlib.createBrotliDecompress();
    default:
      return undefined;
  }
}

export type BodyOutcome =
  | { ok: true; body: Buffer }
  | { ok: false; reason: "too-large" | "unsupported-encoding"; encoding?: string };

async function peekFirstByte(source: Readable): Promise<number | undefined> {
  if (source.readableLength === 0 && !source.readableEnded) await once(source, "readable");
  const chunk = source.read() as Buffer | null;
  if (!chunk) return undefined;
  source.unshift(chunk);
  return chunk[0];
}

/**
 * Reads a response body through its content codings, counting the decompressed bytes and
 * stopping as soon as they pass `maxBytes`, so a compression bomb is never inflated in full.
 */
export async function readBody(
  source: Readable,
  contentEncoding: string | undefined,
  maxBytes: number,
): Promise<BodyOutcome> {
  const codings = (contentEncoding ?? "")
    .toLowerCase()
    .split(",")
    .map((c) => c.trim())
    .reverse();
  const firstByte = codings.includes("deflate") ? await peekFirstByte(source) : undefined;
  const stages: Transform[] = [];
  for (const coding of codings) {
    const decoder = decoderFor(coding, firstByte);
    if (decoder === undefined) {
      source.destroy();
      return { ok: false, reason: "unsupported-encoding", encoding: coding };
    }
    if (decoder) stages.push(decoder);
  }
  const output: Readable =
    stages.length === 0
      ? source
      : (pipeline([source, ...stages], () => undefined) as unknown as Readable);
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of output) {
    total += (chunk as Buffer).length;
    if (total > maxBytes) {
      output.destroy();
      source.destroy();
      return { ok: false, reason: "too-large" };
    }
    chunks.push(chunk as Buffer);
  }
  return { ok: true, body: Buffer.concat(chunks, total) };
}
