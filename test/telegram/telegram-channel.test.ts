import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTelegramChannel, type TelegramChannel } from "../../src/adapters/telegram/index.js";
import { DeliveryError, type DeliveryFailure } from "../../src/delivery/channel.js";
import type { DeliveryTarget } from "../../src/model/subscription.js";
import { silentLogger } from "../../src/lib/logger.js";
import { faults, startFakeTelegram, type FakeTelegram } from "../fakes/telegram/index.js";
import { makeCard } from "../fixtures/cards.js";

const CHAT = 1001;
const target: DeliveryTarget = { platform: "telegram", chatId: String(CHAT), threadId: null };
const send = { nonce: "row-1" };
let tg: FakeTelegram;
let channel: TelegramChannel;

beforeEach(async () => {
  tg = await startFakeTelegram();
  tg.addChat({ id: CHAT, type: "private", firstName: "Alice" });
  channel = createTelegramChannel({ token: tg.token, apiRoot: tg.apiRoot, logger: silentLogger });
});
afterEach(() => tg.close());

/** The failure a send ends with; also checks no token leaks into the error or its cause. */
async function failure(
  to: DeliveryTarget = target,
  part = { html: "hi" },
  ch = channel,
): Promise<DeliveryFailure> {
  try {
    await ch.send(to, part, send);
  } catch (error) {
    expect(error).toBeInstanceOf(DeliveryError);
    const e = error as DeliveryError;
    expect(`${e.message} ${String((e.cause as Error | undefined)?.message)}`).not.toContain(
      tg.token,
    );
    return e.failure;
  }
  throw new Error("expected the send to fail");
}

describe("Telegram delivery channel", () => {
  it("describes itself to the delivery engine", () => {
    expect(channel.platform).toBe("telegram");
    expect(channel.idempotent).toBe(false);
    expect(channel.limits).toEqual({
      globalPerSecond: 30,
      perChatPerSecond: 1,
      perGroupPerMinute: 20,
      concurrency: 8,
    });
  });

  it("sends rendered parts as HTML without link previews, into a forum topic when targeted", async () => {
    tg.addChat({ id: -100300, type: "supergroup", title: "Forum", isForum: true });
    const parts = channel.render([makeCard(1), makeCard(2)], {});
    expect(parts).toHaveLength(1);
    await channel.send(
      { platform: "telegram", chatId: "-100300", threadId: "12" },
      parts[0]!,
      send,
    );
    const [sent] = tg.messagesTo(-100300);
    expect(sent).toMatchObject({
      threadId: 12,
      parseMode: "HTML",
      linkPreviewOptions: { is_disabled: true },
    });
    expect(sent!.text).toContain("Headline number 2 about the budget");
  });

  it("renders the empty notice, escaped, when there are no cards", () => {
    expect(channel.render([], { emptyNotice: "No news <today>" })).toEqual([
      { html: "No news &lt;today&gt;" },
    ]);
    expect(channel.render([], {})).toEqual([]);
  });

  it("maps 429 to rate_limited with retry_after in ms and does not retry by itself", async () => {
    tg.fault({ method: "sendMessage", fault: faults.rateLimited(7) });
    expect(await failure()).toEqual({ kind: "rate_limited", retryAfterMs: 7000 });
    expect(tg.callsOf("sendMessage")).toHaveLength(1);
  });

  it.each([
    ["blocked", faults.blocked()],
    ["kicked", faults.kicked()],
    ["deactivated", faults.deactivated()],
  ])("maps 403 %s to chat_gone, not permanent", async (_name, fault) => {
    tg.fault({ method: "sendMessage", fault });
    expect(await failure()).toEqual({ kind: "chat_gone", permanent: false });
  });

  it("maps an unknown chat to chat_gone and a migrated group to chat_moved", async () => {
    expect(await failure({ ...target, chatId: "4242" })).toEqual({
      kind: "chat_gone",
      permanent: false,
    });
    tg.fault({ chatId: CHAT, fault: faults.migrated(-100777) });
    expect(await failure()).toEqual({ kind: "chat_moved", newChatId: "-100777" });
  });

  it("maps a channel where the bot lost its posting right to chat_gone", async () => {
    tg.addChat({ id: -100400, type: "channel", title: "News" });
    const to = { platform: "telegram", chatId: "-100400", threadId: null } as const;
    expect(await failure(to)).toEqual({ kind: "chat_gone", permanent: false });
  });

  it("maps rejected payloads to bad_payload", async () => {
    expect(await failure(target, { html: "x".repeat(4097) })).toEqual({ kind: "bad_payload" });
    expect(await failure(target, { html: "1 < 2" })).toEqual({ kind: "bad_payload" });
    await expect(channel.send(target, { text: "no html" }, send)).rejects.toMatchObject({
      failure: { kind: "bad_payload" },
    });
    expect(tg.sent).toHaveLength(0);
  });

  it("maps 5xx, a dropped connection and a timeout to ambiguous, each tried once", async () => {
    tg.fault({ method: "sendMessage", fault: faults.serverError(502) });
    expect(await failure()).toEqual({ kind: "ambiguous" });
    tg.fault({ method: "sendMessage", fault: faults.drop() });
    expect(await failure()).toEqual({ kind: "ambiguous" });
    const quick = createTelegramChannel({
      token: tg.token,
      apiRoot: tg.apiRoot,
      logger: silentLogger,
      requestTimeoutSeconds: 1,
    });
    tg.fault({ method: "sendMessage", fault: faults.hang() });
    expect(await failure(target, { html: "hi" }, quick)).toEqual({ kind: "ambiguous" });
    expect(tg.callsOf("sendMessage")).toHaveLength(3);
  });

  it("maps 401 to unauthorized", async () => {
    const wrong = createTelegramChannel({
      token: "123456:AAwrongTokenwrongTokenwrong",
      apiRoot: tg.apiRoot,
      logger: silentLogger,
    });
    expect(await failure(target, { html: "hi" }, wrong)).toEqual({ kind: "unauthorized" });
  });

  it("maps a refused connection to not_sent", async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, "127.0.0.1", r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const offline = createTelegramChannel({
      token: tg.token,
      apiRoot: `http://127.0.0.1:${port}`,
      logger: silentLogger,
    });
    expect(await failure(target, { html: "hi" }, offline)).toEqual({ kind: "not_sent" });
    // The fetch error names the URL, token included; the surfaced message has it redacted.
    await expect(offline.send(target, { html: "hi" }, send)).rejects.toThrow(
      /\[redacted\].*ECONNREFUSED/,
    );
  });

  it("sends a notice escaped and never throws", async () => {
    await channel.notice!(target, "Subscription s1 <paused>");
    expect(tg.sent[0]!.text).toBe("Subscription s1 <paused>");
    tg.fault({ method: "sendMessage", fault: faults.blocked() });
    await expect(channel.notice!(target, "again")).resolves.toBeUndefined();
  });
});
