import { EventEmitter } from "node:events";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { User } from "grammy/types";
import { ApiError } from "./api-error.js";
import { chatMethods } from "./chat-methods.js";
import { createFakeState, type SentMessage } from "./fake-state.js";
import { createFaultRules, type FaultRule } from "./faults.js";
import { messageMethods } from "./message-methods.js";
import { optionalInt, readParams, type Params } from "./parse-params.js";
import { createUpdateQueue } from "./update-queue.js";
import { userActions } from "./user-actions.js";

export const FAKE_BOT: User = {
  id: 7000001,
  is_bot: true,
  first_name: "Digest",
  username: "digest_test_bot",
};
/** Shaped like a real token so log redaction is exercised as in production. */
export const FAKE_TOKEN = "7000001:AAHfakeTokenForLocalTests_0123456789ab";

export interface ApiCall {
  method: string;
  params: Params;
  /** Whether the call used the test environment path (`/bot<token>/test/<method>`). */
  testEnv: boolean;
}

type Handler = (params: Params, signal: AbortSignal) => unknown;

/** A Bot API server on 127.0.0.1 speaking the real protocol, so the real grammY client talks to it. */
export async function startFakeTelegram(options: { token?: string; bot?: User } = {}) {
  const token = options.token ?? FAKE_TOKEN;
  const state = createFakeState(options.bot ?? FAKE_BOT);
  const updates = createUpdateQueue();
  const faults = createFaultRules();
  const events = new EventEmitter();
  const calls: ApiCall[] = [];
  const hanging = new Set<ServerResponse>();
  // 409s answered to a live client: two pollers, or polling beside a webhook.
  let conflicts = 0;
  const { registeredCommands, ...chatHandlers } = chatMethods(state, updates);
  const handlers: Record<string, Handler> = {
    ...messageMethods(state),
    ...chatHandlers,
    getUpdates: (params, signal) =>
      updates.getUpdates(
        {
          offset: optionalInt(params, "offset"),
          limit: optionalInt(params, "limit"),
          timeout: optionalInt(params, "timeout"),
        },
        signal,
      ),
  };

  const reply = (res: ServerResponse, status: number, body: unknown) => {
    if (res.destroyed) return;
    res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const gone = new AbortController();
    res.on("close", () => gone.abort());
    try {
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      const route = /^\/bot([^/]*)\/(test\/)?([A-Za-z]+)$/.exec(url.pathname);
      if (!route) throw new ApiError(404, "Not Found");
      const [, callToken, testPrefix, method = ""] = route;
      const params = await readParams(req, url);
      calls.push({ method, params, testEnv: testPrefix !== undefined });
      if (callToken !== token) throw new ApiError(401, "Unauthorized");
      const fault = faults.take(method, params.chat_id);
      if (fault?.kind === "drop") {
        // The request was fully received; the client sees a reset without any response.
        req.socket.destroy();
        return;
      }
      if (fault?.kind === "raw") {
        res.writeHead(fault.status, { "content-type": fault.contentType }).end(fault.body);
        return;
      }
      if (fault?.kind === "hang") {
        hanging.add(res);
        return;
      }
      if (fault?.kind === "error") throw fault.error;
      if (fault?.kind === "delay") await new Promise((resolve) => setTimeout(resolve, fault.ms));
      const handler = Object.hasOwn(handlers, method) ? handlers[method] : undefined;
      if (!handler) throw new ApiError(404, "Not Found");
      const result = await handler(params, gone.signal);
      reply(res, 200, { ok: true, result });
    } catch (error) {
      if (error instanceof ApiError && error.code === 409 && !res.destroyed) conflicts += 1;
      if (error instanceof ApiError) reply(res, error.code, error.toJSON());
      else reply(res, 500, { ok: false, error_code: 500, description: "Internal Server Error" });
    } finally {
      events.emit("change");
    }
  };

  const server = createServer((req, res) => void handle(req, res));
  let resetsLeft = 0;
  // A reset at accept, before the client could write its request (an overloaded or restarting front end).
  server.on("connection", (socket) => {
    if (resetsLeft <= 0) return;
    resetsLeft -= 1;
    socket.resetAndDestroy();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  const waitFor = <T>(check: () => T | undefined | false, timeoutMs = 5000): Promise<T> =>
    new Promise((resolve, reject) => {
      const attempt = () => {
        const value = check();
        if (value === undefined || value === false) return false;
        cleanup();
        resolve(value);
        return true;
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`fake Telegram: condition not met within ${timeoutMs} ms`));
      }, timeoutMs);
      // Also poll: some conditions (webhook receipts, bot state) change without an API request.
      const poll = setInterval(attempt, 20);
      const cleanup = () => {
        clearTimeout(timer);
        clearInterval(poll);
        events.off("change", attempt);
      };
      events.on("change", attempt);
      attempt();
    });

  const messagesTo = (chatId: number, threadId?: number): SentMessage[] =>
    state.sent.filter(
      (m) => m.chatId === chatId && (threadId === undefined || m.threadId === threadId),
    );

  return {
    apiRoot: `http://127.0.0.1:${port}`,
    token,
    bot: state.bot,
    calls,
    sent: state.sent,
    addChat: state.addChat,
    setMember: state.setMember,
    ...userActions(state, updates),
    /** Makes matching requests fail; see `faults` for the failures Telegram produces. */
    fault: (rule: FaultRule) => faults.add(rule),
    clearFaults: () => faults.clear(),
    /** Resets the next `count` TCP connections as soon as they are accepted, before any request. */
    resetConnections: (count = 1) => {
      resetsLeft = count;
    },
    callbackAnswer: (queryId: string) => state.callbackAnswers.get(queryId) ?? undefined,
    commands: registeredCommands,
    webhookInfo: () => updates.webhookInfo(),
    /** How many 409 Conflict answers reached a client that was still listening. */
    conflicts: () => conflicts,
    pendingUpdates: () => updates.pendingCount(),
    messagesTo,
    callsOf: (method: string) => calls.filter((c) => c.method === method),
    /** Resolves with the first truthy value of `check`, re-evaluated after every API request. */
    waitFor,
    waitForMessages: (chatId: number, count: number, timeoutMs?: number) =>
      waitFor(() => {
        const got = messagesTo(chatId);
        return got.length >= count ? got : undefined;
      }, timeoutMs),
    async close(): Promise<void> {
      updates.close();
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type FakeTelegram = Awaited<ReturnType<typeof startFakeTelegram>>;
