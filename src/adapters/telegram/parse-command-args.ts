import { scheduleWordCount } from "../../delivery/index.js";
import { TELEGRAM_DEFAULTS } from "./telegram-defaults.js";

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

export const USAGE = {
  latest: "Usage: /latest [N] with N from 1 to 10, e.g. /latest 5",
  card: "Usage: /card ID with an ID shown under a card (see /latest), e.g. /card 030049e19457",
  source:
    "Usage: /source ID with an ID shown under a card (see /latest), e.g. /source 030049e19457",
  search: "Usage: /search WORDS, e.g. /search military service",
  subscribe:
    "Usage: /subscribe SCHEDULE [TIMEZONE] [COUNT] [+WORD] [-WORD] [format:full|brief|headlines] [source:N] with SCHEDULE in words (daily 08:00, weekdays 07:30, weekly mon 09:00, every 6h) or cron, e.g. /subscribe 0 8 * * * Asia/Almaty 5 +budget -sport (daily at 08:00)",
  digest: "Usage: /digest [ID] with an ID from /subscriptions, e.g. /digest",
  format:
    "Usage: /format ID full|brief|headlines with an ID from /subscriptions, e.g. /format nwrau3 brief",
  unsubscribe:
    "Usage: /unsubscribe [ID] with an ID from /subscriptions (without ID: all of this chat's)",
} as const;

const words = (text: string) => text.trim().split(/\s+/).filter(Boolean);
/** Words, but a `"quoted phrase"` (optionally after + or -) stays one. */
const argsOf = (text: string) => text.match(/[+-]?"[^"]*"?|[^\s"]+/g) ?? [];
/** A 6th or 7th word like `*`, `*\/5` or `1-5` is a cron field too many, not a time zone. */
const CRON_FIELD = /^(?=.*[*,/-])[\d*][\d*,/-]*$/;
const KEYWORD = /^([+-])(?:"([^"]*)"?|(\p{L}[\p{L}\p{N}'’-]*))$/u;

/** Clips a user's word before repeating it. */
const quote = (word: string) => `"${word.length > 40 ? `${word.slice(0, 39)}…` : word}"`;
/** A channel is named by @username or by its numeric -100… id. */
export const isChannelRef = (word: string | undefined) =>
  word !== undefined && /^(@[A-Za-z0-9_]{4,32}|-100\d+)$/.test(word);

export function parseLatestArgs(text: string): Parsed<number> {
  const args = words(text);
  if (args.length === 0) return { ok: true, value: TELEGRAM_DEFAULTS.latestCount };
  const n = Number(args[0]);
  if (args.length > 1 || !Number.isInteger(n) || n < 1 || n > TELEGRAM_DEFAULTS.latestMax) {
    return { ok: false, error: USAGE.latest };
  }
  return { ok: true, value: n };
}

/** Exactly one word, e.g. a card id. */
export function parseOneWord(text: string, usage: string): Parsed<string> {
  const args = words(text);
  return args.length === 1 ? { ok: true, value: args[0]! } : { ok: false, error: usage };
}

export interface SubscribeArgs {
  channel?: string;
  cron: string;
  timezone?: string;
  count?: number;
  /** `+word`: only cards mentioning it; `-word`: never cards mentioning it. */
  include: string[];
  exclude: string[];
  /** `format:brief`; checked by the backend. */
  format?: string;
  /** `source:2`, `source:example.com` (repeatable, or comma-separated); resolved by the backend. */
  sources: string[];
}

/** `format:brief`, `source:2,3`: a named option of /subscribe. */
const OPTION = /^(format|sources?):(.*)$/i;

/** `[@channel] m h dom mon dow [TIMEZONE] [COUNT]`; cron and time zone are validated by the backend. */
export function parseSubscribeArgs(text: string): Parsed<SubscribeArgs> {
  const args = argsOf(text);
  const channel = isChannelRef(args[0]) ? args.shift() : undefined;
  const wordCount = scheduleWordCount(args);
  if (wordCount === 0 && args.length < 5) {
    return {
      ok: false,
      error: `CRON needs five fields (minute hour day month weekday). ${USAGE.subscribe}`,
    };
  }
  let fields = wordCount > 0 ? wordCount : 5;
  // Extra cron-like fields go to the cron, whose validation explains "5 fields, no seconds".
  while (wordCount === 0 && fields < 7 && CRON_FIELD.test(args[fields] ?? "")) fields++;
  const result: SubscribeArgs = {
    channel,
    cron: args.slice(0, fields).join(" "),
    include: [],
    exclude: [],
    sources: [],
  };
  for (const word of args.slice(fields)) {
    const keyword = KEYWORD.exec(word);
    const option = OPTION.exec(word);
    if (option) {
      const value = option[2]!.trim();
      if (value === "")
        return { ok: false, error: `${quote(word)} needs a value. ${USAGE.subscribe}` };
      if (option[1]!.toLowerCase() === "format") result.format = value;
      else result.sources.push(value);
    } else if (keyword) {
      const value = (keyword[2] ?? keyword[3] ?? "").trim();
      if (value === "") return { ok: false, error: `${quote(word)} is an empty keyword.` };
      // A phrase stays quoted so the backend keeps it one keyword.
      const term = keyword[2] !== undefined && /\s/.test(value) ? `"${value}"` : value;
      (keyword[1] === "+" ? result.include : result.exclude).push(term);
    } else if (/^[+-]\D/u.test(word)) {
      return {
        ok: false,
        error: `${quote(word)} is not a keyword: +WORD and -WORD take a word of letters or digits, or a "quoted phrase", e.g. +budget -sport`,
      };
    } else if (/^\d+$/.test(word) && result.count === undefined) {
      const count = Number(word);
      if (count < 1 || count > 10) {
        return { ok: false, error: `COUNT must be from 1 to 10. ${USAGE.subscribe}` };
      }
      result.count = count;
    } else if (result.timezone === undefined && result.count === undefined && !/^\d+$/.test(word)) {
      result.timezone = word;
    } else {
      return { ok: false, error: `Unexpected ${quote(word)}. ${USAGE.subscribe}` };
    }
  }
  return { ok: true, value: result };
}

/** `[@channel] [ID]` for /unsubscribe and `[@channel]` for /subscriptions. */
export function parseChatAndId(
  text: string,
  usage: string,
): Parsed<{ channel?: string; id?: string }> {
  const args = words(text);
  const channel = isChannelRef(args[0]) ? args.shift() : undefined;
  if (args.length > 1) return { ok: false, error: usage };
  return { ok: true, value: { channel, id: args[0] } };
}
