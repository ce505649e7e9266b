import type { IncomingMessage } from "node:http";
import { badRequest } from "./api-error.js";

export type Params = Record<string, unknown>;

/** Reads method parameters from the query string and a JSON or form-encoded body, like the Bot API. */
export async function readParams(req: IncomingMessage, url: URL): Promise<Params> {
  const params: Params = Object.fromEntries(url.searchParams);
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks).toString("utf8");
  if (body.length === 0) return params;
  const type = req.headers["content-type"] ?? "";
  if (type.includes("application/json")) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      throw badRequest("can't parse JSON body");
    }
    if (typeof parsed !== "object" || parsed === null)
      throw badRequest("JSON body is not an object");
    return { ...params, ...(parsed as Params) };
  }
  if (type.includes("application/x-www-form-urlencoded")) {
    return { ...params, ...Object.fromEntries(new URLSearchParams(body)) };
  }
  throw badRequest(`unsupported content type "${type}"`);
}

/** Form-encoded values arrive as strings; the Bot API coerces them, so the fake does too. */
export function optionalInt(params: Params, name: string): number | undefined {
  const value = params[name];
  if (value === undefined || value === null || value === "") return undefined;
  const n = typeof value === "number" ? value : Number(value);
  if (!Number.isInteger(n)) throw badRequest(`field "${name}" must be an integer`);
  return n;
}

export function optionalString(params: Params, name: string): string | undefined {
  const value = params[name];
  if (value === undefined || value === null) return undefined;
  return typeof value === "string" ? value : String(value);
}

export function optionalBool(params: Params, name: string): boolean | undefined {
  const value = params[name];
  if (value === undefined || value === null || value === "") return undefined;
  return value === true || value === "true" || value === "1" || value === 1;
}

/** Nested objects (reply_markup, link_preview_options) may be JSON-serialized strings. */
export function optionalObject<T>(params: Params, name: string): T | undefined {
  const value = params[name];
  if (value === undefined || value === null || value === "") return undefined;
  if (typeof value !== "string") return value as T;
  try {
    return JSON.parse(value) as T;
  } catch {
    throw badRequest(`can't parse ${name} JSON object`);
  }
}
