import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTelegramChannel, type TelegramChannel } from "../../src/adapters/telegram/index.js";
import { DeliveryError } from "../../src/delivery/channel.js";
import type { DeliveryTarget } from "../../src/model/subscription.js";
import { silentLogger } from "../../src/lib/logger.js";
import { faults, startFakeTelegram, type FakeTelegram } from "../fakes/telegram/index.js";

const CHAT = 1001;
const target: DeliveryTarget = { platform: "telegram", chatId: String(CHAT), threadId: null };
let tg: FakeTelegram;
let channel: TelegramChannel;

beforeEach(async () => {
  tg = await startFakeTelegram();
  tg.addChat({ id: CHAT, type: "private", firstName: "Alice" });
  channel = createTelegramChannel({
    token: tg.token,
    apiRoot: tg.apiRoot,
    logger: silentLogger,
    requestTimeoutSeconds: 1,
  });
});
afterEach(() => tg.close());

/** The DeliveryError a send ends with (real grammY against the fake Bot API). */
async function failedSend(): Promise<DeliveryError> {
  try {
    await channel.send(target, { html: "hi" }, { nonce: "row-1" });
  } catch (error) {
    expect(error).toBeInstanceOf(DeliveryError);
    const e = error as DeliveryError;
    expect(e.message).not.toContain(tg.token);
    expect(e.message).not.toContain("undefined");
    return e;
  }
  throw new Error("expected the send to fail");
}

describe("Telegram sends through faults of the network and of proxies", () => {
  it("classifies a connection reset before the request was written as not sent", async () => {
    tg.resetConnections(1);
    const error = await failedSend();
    expect(error.failure).toEqual({ kind: "not_sent" });
    expect(tg.callsOf("sendMessage")).toHaveLength(0);
  });

  it("keeps a reset after the request arrived uncertain", async () => {
    tg.fault({ method: "sendMessage", fault: faults.drop() });
    const error = await failedSend();
    expect(error.failure).toEqual({ kind: "ambiguous" });
    expect(tg.callsOf("sendMessage")).toHaveLength(1);
  });

  it("keeps a request that hung until the timeout uncertain", async () => {
    tg.fault({ method: "sendMessage", fault: faults.hang() });
    expect((await failedSend()).failure).toEqual({ kind: "ambiguous" });
  });

  it("treats a proxy's 502 HTML page as a server error with a readable message", async () => {
    tg.fault({ method: "sendMessage", fault: faults.proxyErrorPage(502) });
    const error = await failedSend();
    expect(error.failure).toEqual({ kind: "ambiguous" });
    expect(error.message).toMatch(/^sendMessage: server error \(a non-JSON answer/);
  });

  it("treats a 5xx whose JSON body is not a Bot API envelope as a server error, not a bad payload", async () => {
    tg.fault({ method: "sendMessage", fault: faults.bareJson(502, "{}") });
    const error = await failedSend();
    expect(error.failure).toEqual({ kind: "ambiguous" });
    expect(error.message).toBe(
      "sendMessage: server error (an answer without a Bot API error code, e.g. from a proxy)",
    );
  });

  it("treats the Bot API's own 500 and 502 as server errors", async () => {
    tg.fault({ method: "sendMessage", fault: faults.serverError(502) });
    expect((await failedSend()).failure).toEqual({ kind: "ambiguous" });
    tg.fault({ method: "sendMessage", fault: faults.serverError(500) });
    expect((await failedSend()).failure).toEqual({ kind: "ambiguous" });
  });

  it("classifies a refused connection as not sent", async () => {
    await tg.close();
    expect((await failedSend()).failure).toEqual({ kind: "not_sent" });
  });
});
