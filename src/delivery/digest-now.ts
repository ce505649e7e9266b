import type { Clock } from "../lib/index.js";
import type { FactCard, Subscription } from "../model/index.js";
import type { ChatRef, Store } from "../store/index.js";
import { chatSourceIds } from "./chat-source-ids.js";
import { composeDigest } from "./compose-digest.js";
import { waitingDigests } from "./merge-waiting.js";
import { nextSlot, parseSchedule } from "./schedule/index.js";

export type DigestNowResult =
  /** `cards` is what the digest due at `slot` would hold now; it may be empty. */
  | { ok: true; subscription: Subscription; slot: Date; cards: FactCard[] }
  | { ok: false; reason: "no_subscription" | "not_found" }
  | { ok: false; reason: "too_soon"; retryInSeconds: number };

export interface DigestNowDeps {
  store: Store;
  clock: Clock;
  /** One /digest per chat in this many milliseconds (a digest is a burst of messages). */
  digestNowEveryMs?: number;
}

const DEFAULT_EVERY_MS = 60_000;
const kvKey = (chat: ChatRef) => `digest-now:${chat.platform}:${chat.chatId}`;

/** Active subscriptions first, then the one due soonest. */
function soonest(subs: readonly Subscription[], now: Date) {
  const due = subs.flatMap((sub) => {
    const parsed = parseSchedule(sub.cron, sub.timezone);
    const slot = parsed.ok ? nextSlot(parsed.schedule, now) : null;
    return slot === null ? [] : [{ sub, slot }];
  });
  due.sort((a, b) => Number(b.sub.active) - Number(a.sub.active) || +a.slot - +b.slot);
  return due[0];
}

/**
 * /digest: the chat's next digest as it stands now, read only. Nothing is reserved or marked as
 * received, so the scheduled digest still comes complete (these cards included); see ADR 0018.
 * A chat may ask once a minute, remembered in the store so every bot process agrees.
 */
export function createDigestNow(deps: DigestNowDeps) {
  const { store, clock } = deps;
  const everyMs = deps.digestNowEveryMs ?? DEFAULT_EVERY_MS;

  return async function digestNow(chat: ChatRef, id?: string): Promise<DigestNowResult> {
    const now = clock.now();
    const subs = (await store.subscriptions.listByChat(chat)).filter(
      (s) => id === undefined || s.id === id.trim().toLowerCase(),
    );
    const picked = soonest(subs, now);
    if (picked === undefined) {
      return { ok: false, reason: id === undefined ? "no_subscription" : "not_found" };
    }
    const last = await store.kv.get(kvKey(chat));
    const waitMs = last === undefined ? 0 : Date.parse(last) + everyMs - now.getTime();
    if (waitMs > 0)
      return { ok: false, reason: "too_soon", retryInSeconds: Math.ceil(waitMs / 1000) };
    await store.kv.set(kvKey(chat), now.toISOString());
    const { sub, slot } = picked;
    // The same cards the slot handler would take: waiting digests' first, then the unreceived.
    const carried: FactCard[] = [];
    for (const cardId of (await waitingDigests(store, sub.id)).cardIds) {
      const card = await store.cards.get(cardId);
      if (card !== undefined) carried.push(card);
    }
    const fresh = await composeDigest(store.cards, sub, {
      first: !(await store.ledger.hasAny(sub.id)),
      sourceIds: await chatSourceIds(store.sources, sub.target),
    });
    return { ok: true, subscription: sub, slot, cards: [...carried, ...fresh] };
  };
}
