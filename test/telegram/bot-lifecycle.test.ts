import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { pino } from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { BOT_COMMANDS, createTelegramBot } from "../../src/adapters/telegram/index.js";
import { createMemoryBackend } from "../fakes/memory-backend.js";
import { faults } from "../fakes/telegram/index.js";
import { sampleCards } from "../fixtures/cards.js";
import { alice, startHarness, type Harness } from "./harness.js";

let h: Harness;
afterEach(() => h.close());

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

describe("starting and stopping", () => {
  it("registers the command menu at start and polls for updates", async () => {
    h = await startHarness();
    expect(h.tg.commands()).toEqual(BOT_COMMANDS);
    const [reply] = await h.ask(alice.id, alice, "/start");
    expect(reply!.text).toMatch(/^Hi!/);
  });

  it("keeps running when setMyCommands fails, and logs it", async () => {
    h = await startHarness({ start: false });
    h.tg.fault({ method: "setMyCommands", fault: faults.serverError() });
    await h.handle.start();
    expect(h.logs.some((l) => l.includes("setMyCommands failed"))).toBe(true);
    const [reply] = await h.ask(alice.id, alice, "/start");
    expect(reply!.text).toMatch(/^Hi!/);
  });

  it("stops idempotently, resolves done without an error, and takes no more updates", async () => {
    h = await startHarness();
    await Promise.all([h.handle.stop(), h.handle.stop()]);
    await h.handle.stop();
    expect(await h.handle.done).toBeUndefined();
    h.tg.sendText({ chat: alice.id, from: alice, text: "/start" });
    await new Promise((r) => setTimeout(r, 300));
    expect(h.tg.sent).toHaveLength(0);
  });

  it("can be stopped while Telegram is still unreachable at start", async () => {
    h = await startHarness({ start: false });
    h.tg.fault({ method: "getMe", times: Infinity, fault: faults.serverError(502) });
    const starting = h.handle.start();
    await h.tg.waitFor(() => h.tg.callsOf("getMe").length >= 3 || undefined);
    await h.handle.stop();
    await expect(starting).resolves.toBeUndefined();
    expect(await h.handle.done).toBeUndefined();
    const calls = h.tg.calls.length;
    await new Promise((r) => setTimeout(r, 300));
    expect(h.tg.calls.length).toBe(calls);
  });

  it("starts once even when start is called twice", async () => {
    h = await startHarness({ start: false });
    await Promise.all([h.handle.start(), h.handle.start()]);
    expect(h.tg.callsOf("getMe")).toHaveLength(1);
    expect(h.tg.callsOf("setMyCommands")).toHaveLength(1);
  });

  it("rejects start and reports done with a clear error when the token is wrong (401)", async () => {
    h = await startHarness({ start: false, token: "999999999:AAwrongTokenForTheFakeServer_xyz" });
    await expect(h.handle.start()).rejects.toThrow(
      "Telegram rejected the bot token (401 Unauthorized); check the token",
    );
    expect(await h.handle.done).toBeInstanceOf(Error);
    expect(h.logs.some((l) => l.includes('"level":60') && l.includes("401 Unauthorized"))).toBe(
      true,
    );
    expect(h.logs.join("\n")).not.toContain("AAwrongTokenForTheFakeServer_xyz");
  });

  it.each([
    ["409", faults.conflict(), "Another instance is receiving updates for this bot (409 Conflict)"],
    ["401", faults.unauthorized(), "Telegram rejected the bot token (401 Unauthorized)"],
  ])("stops with done = Error when getUpdates answers %s", async (_code, fault, message) => {
    h = await startHarness();
    h.tg.fault({ method: "getUpdates", fault });
    const done = await h.handle.done;
    expect(done).toBeInstanceOf(Error);
    expect((done as Error).message).toContain(message);
  });

  it("stops with done = Error when a reply is answered 401", async () => {
    h = await startHarness();
    h.tg.fault({ method: "sendMessage", fault: faults.unauthorized() });
    h.tg.sendText({ chat: alice.id, from: alice, text: "/start" });
    expect(String(await h.handle.done)).toContain("401 Unauthorized");
  });

  it("uses the test environment's API paths when asked", async () => {
    h = await startHarness({ testEnv: true });
    expect(h.tg.calls.length).toBeGreaterThan(0);
    expect(h.tg.calls.every((c) => c.testEnv)).toBe(true);
  });
});

describe("retries", () => {
  it("retries a reply after a 429 with retry_after", async () => {
    h = await startHarness();
    h.tg.fault({ method: "sendMessage", fault: faults.rateLimited(1) });
    const [reply] = await h.ask(alice.id, alice, "/start");
    expect(reply!.text).toMatch(/^Hi!/);
    expect(h.tg.callsOf("sendMessage")).toHaveLength(2);
  });

  it("does not retry a 5xx; the user gets one apology instead", async () => {
    h = await startHarness();
    h.tg.fault({ method: "sendMessage", fault: faults.serverError(500) });
    const [reply] = await h.ask(alice.id, alice, "/start");
    expect(reply!.text).toMatch(/^Sorry, something went wrong/);
    expect(h.tg.callsOf("sendMessage")).toHaveLength(2);
  });
});

describe("webhook mode", () => {
  it("sets a webhook with a random secret and handles updates Telegram pushes", async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}/telegram/hook`;
    h = await startHarness({ webhook: { url, port, host: "127.0.0.1" } });
    const [setWebhook] = h.tg.callsOf("setWebhook");
    expect(setWebhook!.params.url).toBe(url);
    expect(String(setWebhook!.params.secret_token)).toMatch(/^[A-Za-z0-9_-]{32,}$/);
    expect(h.tg.callsOf("getUpdates")).toHaveLength(0);
    const [reply] = await h.ask(alice.id, alice, "/latest 1");
    expect(reply!.text).toContain("Headline number 1");
  });

  it("answers 401 to requests without the right secret token and ignores them", async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}/hook`;
    h = await startHarness({
      webhook: { url, port, host: "127.0.0.1", secretToken: "right-secret" },
    });
    h.tg.addChat({ id: alice.id, type: "private", firstName: "Alice" });
    const update = (id: number) =>
      JSON.stringify({
        update_id: id,
        message: {
          message_id: 1,
          date: 0,
          chat: { id: alice.id, type: "private", first_name: "Alice" },
          from: alice,
          text: "/start",
          entities: [{ type: "bot_command", offset: 0, length: 6 }],
        },
      });
    const post = (headers: Record<string, string>, id: number, path = "/hook") =>
      fetch(`http://127.0.0.1:${port}${path}`, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: update(id),
      });
    expect((await post({}, 1)).status).toBe(401);
    expect((await post({ "x-telegram-bot-api-secret-token": "wrong" }, 2)).status).toBe(401);
    expect(
      (await post({ "x-telegram-bot-api-secret-token": "right-secret" }, 3, "/other")).status,
    ).toBe(404);
    expect(h.tg.sent).toHaveLength(0);
    expect((await post({ "x-telegram-bot-api-secret-token": "right-secret" }, 4)).status).toBe(200);
    expect(h.tg.sent).toHaveLength(1);
    expect(h.tg.sent[0]!.text).toMatch(/^Hi!/);
  });
});

describe("secrets", () => {
  it("never writes the token to the log, even unredacted, when requests fail", async () => {
    h = await startHarness();
    // A plain pino logger without redaction: only the adapter's own sanitizing keeps the token out.
    const raw: string[] = [];
    const logger = pino({ level: "debug" }, { write: (line: string) => void raw.push(line) });
    await h.handle.stop();
    const handle = createTelegramBot({
      token: h.tg.token,
      apiRoot: h.tg.apiRoot,
      backend: createMemoryBackend(sampleCards),
      logger,
      pollingTimeoutSeconds: 1,
    });
    h.tg.fault({ method: "setMyCommands", fault: faults.drop() });
    h.tg.fault({ method: "sendMessage", fault: faults.drop() });
    await handle.start();
    h.tg.sendText({ chat: alice.id, from: alice, text: "/latest" });
    await h.tg.waitForMessages(alice.id, 1);
    h.tg.fault({ method: "sendMessage", fault: faults.unauthorized() });
    h.tg.sendText({ chat: alice.id, from: alice, text: "/latest" });
    const done = await handle.done;
    await handle.stop();
    expect(raw.some((l) => l.includes("ECONNRESET") || l.includes("socket hang up"))).toBe(true);
    expect(raw.some((l) => l.includes("401 Unauthorized"))).toBe(true);
    expect(raw.join("\n")).not.toContain(h.tg.token);
    expect(String(done)).not.toContain(h.tg.token);
  });
});
