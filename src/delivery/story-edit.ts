import { z } from "zod";
import type { MessagePart } from "./channel.js";

/** A ledger row that edits a message already sent instead of posting a new one. */
const StoryEdit = z.object({
  storyEdit: z.object({ messageId: z.string().min(1), part: z.record(z.string(), z.unknown()) }),
});

/** The payload of an edit row: which message, and the part it should now show. */
export function storyEditPayload(messageId: string, part: MessagePart): MessagePart {
  return { storyEdit: { messageId, part } };
}

/** The edit a ledger payload asks for, or undefined for an ordinary message part. */
export function readStoryEdit(
  payload: MessagePart,
): { messageId: string; part: MessagePart } | undefined {
  const parsed = StoryEdit.safeParse(payload);
  return parsed.success ? parsed.data.storyEdit : undefined;
}
