import { TELEGRAM_DEFAULTS } from "./telegram-defaults.js";

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

export const USAGE = {
  latest: "Usage: /latest [N] with N from 1 to 10, e.g. /latest 5",
  card: "Usage: /card ID with an ID shown under a card (see /latest), e.g. /card 030049e19457",
  source:
    "Usage: /source ID with an ID shown under a card (see /latest), e.g. /source 030049e19457",
  search: "Usage: /search WORDS, e.g. /search military service",
  subscribe:
    "Usage: /subscribe CRON [TIMEZONE] [COUNT] [+WORD] [-WORD], e.g. /subscribe 0 8 * * * Asia/Almaty 5 +budget -sport (daily at 08:00)",
  unsubscribe:
    "Usage: /unsubscribe [ID] with an ID from /subscriptions (without ID: all of this chat's)",
} as const;

const words = (text: string) => text.trim().split(/\s+/).filter(Boolean);
/** A channel is named by @username or by its numeric -100… id. */
const isChannelRef = (word: string | undefined) =>
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
}

/** `[@channel] m h dom mon dow [TIMEZONE] [COUNT]`; cron and time zone are validated by the backend. */
export function parseSubscribeArgs(text: string): Parsed<SubscribeArgs> {
  const args = words(text);
  const channel = isChannelRef(args[0]) ? args.shift() : undefined;
  if (args.length < 5) {
    return {
      ok: false,
      error: `CRON needs five fields (minute hour day month weekday). ${USAGE.subscribe}`,
    };
  }
  const result: SubscribeArgs = {
    channel,
    cron: args.slice(0, 5).join(" "),
    include: [],
    exclude: [],
  };
  for (const word of args.slice(5)) {
    const keyword = /^([+-])(\p{L}[\p{L}\p{N}'’-]*)$/u.exec(word);
    if (keyword) {
      (keyword[1] === "+" ? result.include : result.exclude).push(keyword[2]!);
    } else if (/^\d+$/.test(word) && result.count === undefined) {
      const count = Number(word);
      if (count < 1 || count > 10) {
        return { ok: false, error: `COUNT must be from 1 to 10. ${USAGE.subscribe}` };
      }
      result.count = count;
    } else if (result.timezone === undefined && result.count === undefined && !/^\d+$/.test(word)) {
      result.timezone = word;
    } else {
      return { ok: false, error: `Unexpected "${word}". ${USAGE.subscribe}` };
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
