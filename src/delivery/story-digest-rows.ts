import type { Subscription } from "../model/index.js";
import type { NewLedgerRow, NewStoryLogEntry, StoryLogEntry } from "../store/index.js";
import { storyNote, type GroupedStory, type StoryNote } from "../stories/index.js";
import type { DeliveryChannel, MessagePart, RenderContext } from "./channel.js";
import type { StoryDigest } from "./compose-stories.js";
import { ledgerRowId } from "./ledger-row-id.js";
import { storyEditPayload } from "./story-edit.js";

export interface StoryRows {
  rows: NewLedgerRow[];
  /** Cards the chat has now: shown stories' fresh reports and the ones that joined silently. */
  receivedIds: string[];
  log: NewStoryLogEntry[];
}

/** Part of a ledger row id: `…<partIndex>`, both for readable and hashed ids. */
const partIndexOf = (rowId: string) => Number(rowId.slice(rowId.lastIndexOf(".") + 1));

const containsCard = (part: MessagePart, cardId: string) => JSON.stringify(part).includes(cardId);

/**
 * What a message already sent should now show: the stories it carried, in their order, the
 * changed ones in their new form. Undefined when that no longer fits one message.
 */
function editedPart(
  channel: DeliveryChannel,
  sub: Subscription,
  carried: readonly StoryLogEntry[],
  current: (entry: StoryLogEntry) => { story: GroupedStory; updated: boolean } | undefined,
  look: DigestLook,
): MessagePart | undefined {
  const views = [...carried]
    .sort((a, b) => a.position - b.position)
    .map(current)
    .filter((v) => v !== undefined);
  const notes = new Map(views.map((v) => [v.story.cards[0]!.id, storyNote(v.story, v.updated)]));
  const first = carried[0]!;
  // Only the digest's first message carries its heading.
  const heading =
    partIndexOf(first.rowId) === 0 && first.subscriptionId === sub.id
      ? { subscription: sub, slot: new Date(first.slot) }
      : {};
  const parts = channel.render(
    views.map((v) => v.story.cards[0]!),
    { ...heading, ...look, stories: notes },
  );
  return parts.length === 1 ? parts[0] : undefined;
}

/** How the chat reads its digests: the subscription's format, the chat's language. */
export type DigestLook = Pick<RenderContext, "format" | "language">;

/** Ledger rows for a story digest: its message parts, then one edit per message that changed. */
export function storyDigestRows(
  channel: DeliveryChannel,
  sub: Subscription,
  slotIso: string,
  digest: StoryDigest,
  look: DigestLook = {},
): StoryRows {
  const { shown } = digest;
  const notes = new Map<string, StoryNote>(
    shown.map((s) => [s.story.cards[0]!.id, storyNote(s.story, s.previous !== undefined)]),
  );
  const parts =
    shown.length === 0
      ? []
      : channel.render(
          shown.map((s) => s.story.cards[0]!),
          { subscription: sub, slot: new Date(slotIso), ...look, stories: notes },
        );
  const log: NewStoryLogEntry[] = shown.map((s, position) => {
    const partIndex = Math.max(
      0,
      parts.findIndex((p) => containsCard(p, s.story.cards[0]!.id)),
    );
    return {
      storyKey: s.key,
      fingerprint: s.story.fingerprint,
      cardIds: s.story.cards.map((c) => c.id),
      subscriptionId: sub.id,
      slot: slotIso,
      position,
      rowId: ledgerRowId(sub.id, slotIso, partIndex),
      messageId: null,
    };
  });
  for (const q of digest.quiet) log.push({ ...q.entry, cardIds: q.cardIds });

  const edits = editPayloads(channel, sub, digest, look);
  const payloads = [...parts, ...edits];
  const receivedIds = [
    ...shown.flatMap((s) => s.freshIds),
    ...digest.quiet.flatMap((q) => q.freshIds),
  ];
  const rows = payloads.map((payload, partIndex): NewLedgerRow => ({
    id: ledgerRowId(sub.id, slotIso, partIndex),
    subscriptionId: sub.id,
    slot: slotIso,
    partIndex,
    partCount: payloads.length,
    target: sub.target,
    payload,
    cardIds: shown.flatMap((s) => s.freshIds),
  }));
  return { rows, receivedIds, log };
}

/** One edit per message already sent that carried a story whose key facts changed. */
function editPayloads(
  channel: DeliveryChannel,
  sub: Subscription,
  digest: StoryDigest,
  look: DigestLook,
) {
  if (channel.edit === undefined) return [];
  const updated = new Map<string, GroupedStory>();
  for (const s of digest.shown) if (s.previous) updated.set(s.previous.storyKey, s.story);
  const byMessage = new Map<string, StoryLogEntry[]>();
  for (const entry of digest.entries) {
    if (entry.messageId === null) continue;
    byMessage.set(entry.messageId, [...(byMessage.get(entry.messageId) ?? []), entry]);
  }
  const current = (entry: StoryLogEntry) => {
    const changed = updated.get(entry.storyKey);
    if (changed) return { story: changed, updated: true };
    const story = digest.stories.find((s) => s.cards.some((c) => entry.cardIds.includes(c.id)));
    return story && { story, updated: false };
  };
  const edits: MessagePart[] = [];
  for (const [messageId, carried] of byMessage) {
    if (!carried.some((e) => updated.has(e.storyKey))) continue;
    const part = editedPart(channel, sub, carried, current, look);
    if (part !== undefined) edits.push(storyEditPayload(messageId, part));
  }
  return edits;
}
