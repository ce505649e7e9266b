import { Api, Bot, GrammyError, HttpError } from "grammy";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { faults, startFakeTelegram, type FakeTelegram } from "./index.js";

const alice = { id: 501, is_bot: false, first_name: "Alice" };
let tg: FakeTelegram;
let api: Api;

beforeEach(async () => {
  tg = await startFakeTelegram();
  api = new Api(tg.token, { apiRoot: tg.apiRoot });
  tg.addChat({ id: alice.id, type: "private", firstName: "Alice" });
});
afterEach(() => tg.close());

const rejection = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (error) {
    return error;
  }
  throw new Error("expected a rejection");
};

describe("fake Telegram protocol", () => {
  it("wraps results in the {ok, result} envelope and serves getMe", async () => {
    const raw = await fetch(`${tg.apiRoot}/bot${tg.token}/getMe`).then((r) => r.json());
    expect(raw).toMatchObject({ ok: true, result: { id: tg.bot.id, is_bot: true } });
    expect((await api.getMe()).username).toBe("digest_test_bot");
  });

  it("answers a wrong token with 401 and an unknown method with 404, as GrammyError", async () => {
    const wrong = new Api("1:wrong", { apiRoot: tg.apiRoot });
    const e401 = await rejection(wrong.getMe());
    expect(e401).toBeInstanceOf(GrammyError);
    expect((e401 as GrammyError).error_code).toBe(401);
    const res = await fetch(`${tg.apiRoot}/bot${tg.token}/noSuchMethod`);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ ok: false, error_code: 404, description: "Not Found" });
  });

  it("accepts form-encoded bodies with JSON-serialized nested objects", async () => {
    const body = new URLSearchParams({
      chat_id: String(alice.id),
      text: "<b>hi</b>",
      parse_mode: "HTML",
      reply_markup: JSON.stringify({ inline_keyboard: [[{ text: "x", callback_data: "d" }]] }),
    });
    const res = await fetch(`${tg.apiRoot}/bot${tg.token}/sendMessage`, { method: "POST", body });
    expect(res.status).toBe(200);
    expect(tg.sent[0]).toMatchObject({
      text: "hi",
      entities: [{ type: "bold", offset: 0, length: 2 }],
      replyMarkup: { inline_keyboard: [[{ text: "x", callback_data: "d" }]] },
    });
  });

  it("records the test environment path", async () => {
    await new Api(tg.token, { apiRoot: tg.apiRoot, environment: "test" }).getMe();
    expect(tg.calls.at(-1)).toMatchObject({ method: "getMe", testEnv: true });
  });
});

describe("sendMessage", () => {
  it("records plain text, entities and options", async () => {
    await api.sendMessage(alice.id, "a &lt;b&gt; <i>c</i>", {
      parse_mode: "HTML",
      link_preview_options: { is_disabled: true },
    });
    expect(tg.messagesTo(alice.id)[0]).toMatchObject({
      text: "a <b> c",
      entities: [{ type: "italic", offset: 6, length: 1 }],
      parseMode: "HTML",
      linkPreviewOptions: { is_disabled: true },
    });
  });

  it("rejects bad HTML with can't parse entities", async () => {
    const error = await rejection(api.sendMessage(alice.id, "1 < 2 & 3", { parse_mode: "HTML" }));
    expect(error).toBeInstanceOf(GrammyError);
    expect((error as GrammyError).error_code).toBe(400);
    expect((error as GrammyError).description).toMatch(/^Bad Request: can't parse entities: /);
    expect(tg.sent).toHaveLength(0);
  });

  it("measures the 4096 limit after entity parsing", async () => {
    const fits = "<b>x</b>".repeat(2048) + "&amp;".repeat(2048);
    await api.sendMessage(alice.id, fits, { parse_mode: "HTML" });
    expect(tg.sent[0]!.text).toHaveLength(4096);
    const error = await rejection(api.sendMessage(alice.id, "y".repeat(4097)));
    expect((error as GrammyError).description).toBe("Bad Request: message is too long");
    const empty = await rejection(api.sendMessage(alice.id, "<b> </b>", { parse_mode: "HTML" }));
    expect((empty as GrammyError).description).toBe("Bad Request: message text is empty");
  });

  it("answers an unknown chat with chat not found", async () => {
    const error = (await rejection(api.sendMessage(999, "hi"))) as GrammyError;
    expect([error.error_code, error.description]).toEqual([400, "Bad Request: chat not found"]);
  });

  it("posts in a forum topic only in forums", async () => {
    tg.addChat({ id: -1001, type: "supergroup", title: "Forum", isForum: true });
    await api.sendMessage(-1001, "in topic", { message_thread_id: 7 });
    expect(tg.messagesTo(-1001, 7)).toHaveLength(1);
    tg.addChat({ id: -1002, type: "group", title: "Plain" });
    const error = (await rejection(
      api.sendMessage(-1002, "x", { message_thread_id: 7 }),
    )) as GrammyError;
    expect(error.description).toBe("Bad Request: message thread not found");
  });

  it("lets the bot post in a channel only as an admin with can_post_messages", async () => {
    tg.addChat({ id: -1003, type: "channel", title: "News", username: "news" });
    const error = (await rejection(api.sendMessage("@news", "x"))) as GrammyError;
    expect(error.description).toBe("Bad Request: need administrator rights in the channel chat");
    tg.setMember(-1003, tg.bot, "administrator", { can_post_messages: true });
    await api.sendMessage("@news", "x");
    expect(tg.messagesTo(-1003)).toHaveLength(1);
  });
});

describe("faults on demand", () => {
  it("returns 429 with retry_after, per method and chat, the given number of times", async () => {
    tg.fault({ method: "sendMessage", chatId: alice.id, times: 2, fault: faults.rateLimited(7) });
    for (let i = 0; i < 2; i++) {
      const error = (await rejection(api.sendMessage(alice.id, "x"))) as GrammyError;
      expect([error.error_code, error.parameters.retry_after]).toEqual([429, 7]);
    }
    await api.sendMessage(alice.id, "third goes through");
    expect(tg.sent).toHaveLength(1);
  });

  it("produces blocked, migrated, 5xx, 401 and 409 errors as GrammyError", async () => {
    const cases = [
      [faults.blocked(), 403, "Forbidden: bot was blocked by the user"],
      [faults.migrated(-100777), 400, "Bad Request: group chat was upgraded to a supergroup chat"],
      [faults.serverError(502), 502, "Bad Gateway"],
      [faults.unauthorized(), 401, "Unauthorized"],
      [faults.conflict(), 409, expect.stringMatching(/^Conflict: /)],
    ] as const;
    for (const [fault, code, description] of cases) {
      tg.fault({ method: "sendMessage", fault });
      const error = (await rejection(api.sendMessage(alice.id, "x"))) as GrammyError;
      expect(error).toBeInstanceOf(GrammyError);
      expect({ code: error.error_code, description: error.description }).toEqual({
        code,
        description,
      });
    }
    tg.fault({ fault: faults.migrated(-100777) });
    const moved = (await rejection(api.getChat(alice.id))) as GrammyError;
    expect(moved.parameters.migrate_to_chat_id).toBe(-100777);
  });

  it("drops the connection so the client sees an HttpError", async () => {
    tg.fault({ method: "sendMessage", fault: faults.drop() });
    const error = (await rejection(api.sendMessage(alice.id, "x"))) as HttpError;
    expect(error).toBeInstanceOf(HttpError);
    expect((error.error as { code?: string }).code).toBe("ECONNRESET");
  });
});

describe("updates", () => {
  it("holds getUpdates until a user writes, then confirms by offset", async () => {
    const started = Date.now();
    const pending = api.getUpdates({ timeout: 5 });
    setTimeout(
      () => tg.sendText({ chat: alice.id, from: alice, text: "/latest@digest_test_bot 5" }),
      100,
    );
    const [update] = await pending;
    expect(Date.now() - started).toBeLessThan(2000);
    expect(update!.message).toMatchObject({
      text: "/latest@digest_test_bot 5",
      entities: [{ type: "bot_command", offset: 0, length: 23 }],
      from: alice,
      chat: { id: alice.id, type: "private" },
    });
    expect(await api.getUpdates({ offset: update!.update_id + 1, timeout: 0 })).toEqual([]);
  });

  it("returns an empty list when the long-poll timeout passes", async () => {
    const started = Date.now();
    expect(await api.getUpdates({ timeout: 1 })).toEqual([]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it("turns a button press into a callback_query that must be answered once", async () => {
    const sent = await api.sendMessage(alice.id, "page", {
      reply_markup: { inline_keyboard: [[{ text: "▶", callback_data: "next" }]] },
    });
    expect(() =>
      tg.clickButton({ chat: alice.id, from: alice, messageId: sent.message_id, data: "nope" }),
    ).toThrow();
    const id = tg.clickButton({
      chat: alice.id,
      from: alice,
      messageId: sent.message_id,
      data: "next",
    });
    const [update] = await api.getUpdates({ timeout: 0 });
    expect(update!.callback_query).toMatchObject({
      id,
      data: "next",
      message: { message_id: sent.message_id },
    });
    await api.answerCallbackQuery(id, { text: "ok" });
    expect(tg.callbackAnswer(id)).toEqual({ text: "ok", showAlert: undefined });
    await expect(api.answerCallbackQuery(id)).rejects.toThrow(/query is too old/);
  });

  it("edits a sent message and refuses an edit that changes nothing", async () => {
    const sent = await api.sendMessage(alice.id, "one");
    await api.editMessageText(alice.id, sent.message_id, "<b>two</b>", { parse_mode: "HTML" });
    expect(tg.sent[0]).toMatchObject({ text: "two", history: ["one"] });
    await expect(
      api.editMessageText(alice.id, sent.message_id, "<b>two</b>", { parse_mode: "HTML" }),
    ).rejects.toThrow(/message is not modified/);
  });

  it("feeds a real grammY bot over long polling", async () => {
    const bot = new Bot(tg.token, { client: { apiRoot: tg.apiRoot } });
    bot.command("ping", (ctx) => ctx.reply(`pong ${ctx.match}`));
    void bot.start({ timeout: 1 });
    tg.sendText({ chat: alice.id, from: alice, text: "/ping@digest_test_bot now" });
    const [reply] = await tg.waitForMessages(alice.id, 1);
    await bot.stop();
    expect(reply!.text).toBe("pong now");
  });
});

describe("chats, commands and webhooks", () => {
  it("reports members by status and hides channel members from non-admin bots", async () => {
    const bob = { id: 502, is_bot: false, first_name: "Bob" };
    tg.addChat({
      id: -2001,
      type: "supergroup",
      title: "G",
      members: [
        { user: alice, status: "creator" },
        { user: bob, status: "member" },
      ],
    });
    expect((await api.getChatMember(-2001, alice.id)).status).toBe("creator");
    expect((await api.getChatMember(-2001, bob.id)).status).toBe("member");
    tg.addChat({ id: -2002, type: "channel", title: "C", username: "chan" });
    expect((await api.getChat("@chan")).id).toBe(-2002);
    await expect(api.getChatMember("@chan", alice.id)).rejects.toThrow(
      /member list is inaccessible/,
    );
    tg.setMember(-2002, tg.bot, "administrator", { can_post_messages: true });
    tg.setMember(-2002, alice, "administrator");
    const me = await api.getChatMember(-2002, tg.bot.id);
    expect(me).toMatchObject({ status: "administrator", can_post_messages: true });
    expect(await api.getChatMember(-2002, alice.id)).toMatchObject({ can_post_messages: false });
  });

  it("stores commands per scope", async () => {
    await api.setMyCommands([{ command: "latest", description: "Latest cards" }]);
    expect(await api.getMyCommands()).toEqual([{ command: "latest", description: "Latest cards" }]);
    await expect(api.setMyCommands([{ command: "Bad-Name", description: "x" }])).rejects.toThrow(
      /BOT_COMMAND_INVALID/,
    );
  });

  it("pushes updates to a webhook with the secret header and blocks getUpdates meanwhile", async () => {
    const { createServer } = await import("node:http");
    const received: Array<{ secret: unknown; body: string }> = [];
    const hook = createServer((req, res) => {
      let body = "";
      req.on("data", (c: Buffer) => (body += c.toString()));
      req.on("end", () => {
        received.push({ secret: req.headers["x-telegram-bot-api-secret-token"], body });
        res.end();
      });
    });
    await new Promise<void>((r) => hook.listen(0, "127.0.0.1", r));
    const port = (hook.address() as { port: number }).port;
    await api.setWebhook(`http://127.0.0.1:${port}/hook`, { secret_token: "s3cret" });
    await expect(api.getUpdates()).rejects.toMatchObject({ error_code: 409 });
    tg.sendText({ chat: alice.id, from: alice, text: "hello" });
    await tg.waitFor(() => received.length === 1 || undefined);
    expect(received[0]!.secret).toBe("s3cret");
    expect(JSON.parse(received[0]!.body).message.text).toBe("hello");
    expect((await api.getWebhookInfo()).url).toBe(`http://127.0.0.1:${port}/hook`);
    await api.deleteWebhook();
    hook.close();
  });
});
