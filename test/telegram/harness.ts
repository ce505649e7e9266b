import type { User } from "grammy/types";
import { createTelegramBot, type TelegramBotOptions } from "../../src/adapters/telegram/index.js";
import type { FactCard } from "../../src/digest/index.js";
import { createLogger } from "../../src/lib/logger.js";
import { createMemoryBackend } from "../fakes/memory-backend.js";
import { startFakeTelegram, type FakeTelegram, type SentMessage } from "../fakes/telegram/index.js";
import { sampleCards } from "../fixtures/cards.js";

export const alice: User = { id: 1001, is_bot: false, first_name: "Alice", username: "alice" };
export const bob: User = { id: 1002, is_bot: false, first_name: "Bob" };

/** A real grammY bot (long polling unless `webhook` is given) against a fresh fake Telegram. */
export async function startHarness(
  options: { cards?: FactCard[]; start?: boolean } & Partial<TelegramBotOptions> = {},
) {
  const tg = await startFakeTelegram();
  const logs: string[] = [];
  const logger = createLogger({
    level: "debug",
    destination: { write: (line: string) => void logs.push(line) },
  });
  const backend = createMemoryBackend(options.cards ?? sampleCards);
  const handle = createTelegramBot({
    token: tg.token,
    apiRoot: tg.apiRoot,
    backend,
    logger,
    pollingTimeoutSeconds: 1,
    requestTimeoutSeconds: 5,
    rateLimit: { limit: 50, timeFrameMs: 1000 },
    ...options,
  });
  if (options.start !== false) await handle.start();

  /** Sends a message as `from` and waits until the bot has sent `count` new messages to that chat. */
  const ask = async (
    chat: number,
    from: User,
    text: string,
    count = 1,
    extra: { messageThreadId?: number; senderChat?: number } = {},
  ): Promise<SentMessage[]> => {
    const before = tg.messagesTo(chat).length;
    tg.sendText({ chat, from, text, ...extra });
    const all = await tg.waitFor(() => {
      const got = tg.messagesTo(chat);
      return got.length >= before + count ? got : undefined;
    });
    return all.slice(before);
  };

  return {
    tg,
    handle,
    backend,
    logs,
    ask,
    async close() {
      await handle.stop();
      await tg.close();
    },
  };
}

export type Harness = Awaited<ReturnType<typeof startHarness>>;
export type { FakeTelegram };
