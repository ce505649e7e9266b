import { createHash } from "node:crypto";
import { Routes, type REST } from "discord.js";
import {
  DeliveryError,
  type DeliveryChannel,
  type MessagePart,
  type SendOptions,
} from "../../delivery/index.js";
import type { DeliveryTarget } from "../../model/index.js";
import { redactSecrets, type Logger } from "../../lib/index.js";
import { toDeliveryFailure } from "./classify-discord-error.js";
import { renderDiscord, renderText } from "./render-discord.js";

export interface DiscordChannelOptions {
  /** The bot's REST client (shared with the gateway client so rate-limit buckets are shared). */
  rest: REST;
  logger: Logger;
  /** Sends in flight at once; discord.js queues per bucket behind this. */
  concurrency?: number;
  /** Values to scrub from error messages (the bot token). */
  secrets?: readonly string[];
}

const MAX_NONCE = 25;

/** Discord accepts nonces up to 25 characters; longer ids are hashed, deterministically, so retries still match. */
function discordNonce(nonce: string): string {
  if (nonce.length <= MAX_NONCE) return nonce;
  return createHash("sha256").update(nonce).digest("base64url").slice(0, MAX_NONCE);
}

/**
 * Posts to `target.threadId` when set, else `target.chatId`. Discord threads are channels, so
 * `/subscribe` stores a thread as `chatId` (threadId null); `threadId` is honoured for targets
 * created elsewhere. discord.js waits out 429s and retries itself: no retry loop here.
 */
export function createDiscordChannel(options: DiscordChannelOptions): DeliveryChannel {
  const { rest, logger } = options;
  const secrets = options.secrets ?? [];
  const post = (target: DeliveryTarget, body: Record<string, unknown>) =>
    rest.post(Routes.channelMessages(target.threadId ?? target.chatId), { body });

  const deliveryError = (error: unknown, what: string) => {
    const failure = toDeliveryFailure(error);
    const reason = redactSecrets(error instanceof Error ? error.message : String(error), secrets);
    return new DeliveryError(failure, `discord: ${what} failed (${failure.kind}): ${reason}`, {
      cause: error,
    });
  };

  return {
    platform: "discord",
    limits: { concurrency: options.concurrency ?? 8 },
    idempotent: true,
    render: (cards, context) => renderDiscord(cards, context),
    async send(target: DeliveryTarget, part: MessagePart, { nonce }: SendOptions) {
      try {
        const message = (await post(target, {
          ...part,
          nonce: discordNonce(nonce),
          enforce_nonce: true,
          allowed_mentions: { parse: [] },
        })) as { id?: unknown } | undefined;
        return { messageId: typeof message?.id === "string" ? message.id : null };
      } catch (error) {
        throw deliveryError(error, `sending to ${target.threadId ?? target.chatId}`);
      }
    },
    async edit(target: DeliveryTarget, messageId: string, part: MessagePart): Promise<void> {
      // Every field set, so nothing of the old message outlives the edit; PATCH is idempotent.
      const body = { content: "", embeds: [], ...part, allowed_mentions: { parse: [] } };
      try {
        await rest.patch(Routes.channelMessage(target.threadId ?? target.chatId, messageId), {
          body,
        });
      } catch (error) {
        throw deliveryError(error, `editing message ${messageId}`);
      }
    },
    async notice(target: DeliveryTarget, text: string): Promise<void> {
      try {
        await post(target, renderText(text));
      } catch (error) {
        logger.warn(
          { chatId: target.chatId, failure: toDeliveryFailure(error) },
          "discord: could not post a notice",
        );
      }
    },
  };
}
