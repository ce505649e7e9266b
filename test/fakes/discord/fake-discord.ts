import { EventEmitter, once } from "node:events";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import {
  FAKE_IDS,
  createFakeState,
  type FakeState,
  type Json,
  type StoredMessage,
} from "./fake-discord-state.js";
import { FaultTable, faultResponse, type Fault } from "./fake-faults.js";
import { createFakeGateway, type FakeGateway } from "./fake-gateway.js";
import {
  compileRoutes,
  flattenHeaders,
  matchRoute,
  readBody,
  sendResult,
  type RecordedRequest,
  type RouteResult,
} from "./fake-http.js";
import { interactionRoutes } from "./fake-interaction-routes.js";
import {
  autocompleteInteraction,
  buttonInteraction,
  commandInteraction,
  newRecord,
  type AutocompleteInput,
  type ButtonInput,
  type CommandInput,
  type InteractionRecord,
} from "./fake-interactions.js";
import { restRoutes } from "./fake-rest-routes.js";

export interface FakeDiscordOptions {
  token?: string;
  applicationId?: string;
  heartbeatIntervalMs?: number;
  nonceWindowMs?: number;
  interactionDeadlineMs?: number;
}

export type InteractionRequestKind = "callback" | "edit" | "followup" | "delete";

/** A dispatched interaction and the bot's answers to it. */
export interface InteractionCall {
  id: string;
  token: string;
  /** Requests the bot made for this interaction (callback and webhook routes), in order. */
  requests(): RecordedRequest[];
  /** Resolves with the `nth` (0-based) answered request of that kind. */
  waitFor(kind: InteractionRequestKind, nth?: number): Promise<RecordedRequest>;
  /** The message `@original` points to now (after edits). */
  original(): StoredMessage | undefined;
}

export interface FakeDiscord {
  /** Pass as `rest.api` (discord.js) / `apiRoot`: `http://127.0.0.1:<port>/api`. */
  readonly apiRoot: string;
  readonly gatewayUrl: string;
  readonly token: string;
  readonly applicationId: string;
  readonly ids: typeof FAKE_IDS;
  readonly state: FakeState;
  /** Every REST request, in arrival order; `status` is set once answered. */
  readonly requests: RecordedRequest[];
  readonly gateway: FakeGateway;
  fail(fault: Fault): void;
  clearFaults(): void;
  messages(channelId: string): StoredMessage[];
  deleteChannel(channelId: string): void;
  /** Replaces a channel's permission overwrites and tells connected clients (CHANNEL_UPDATE). */
  setOverwrites(channelId: string, overwrites: Json[]): void;
  waitForRequest(
    match: (r: RecordedRequest) => boolean,
    timeoutMs?: number,
  ): Promise<RecordedRequest>;
  /** Resolves once a client has identified and received READY. */
  waitForSession(timeoutMs?: number): Promise<void>;
  runCommand(input: CommandInput): InteractionCall;
  clickButton(input: ButtonInput): InteractionCall;
  /** Dispatches an autocomplete interaction and resolves with the choices the bot returned. */
  autocomplete(input: AutocompleteInput): Promise<Json[]>;
  close(): Promise<void>;
}

const API_PREFIX = /^\/api\/v\d+(?=\/)/;

export async function createFakeDiscord(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  const token = options.token ?? "fake-bot-token.0123456789abcdefghij";
  const applicationId = options.applicationId ?? FAKE_IDS.application;
  const state = createFakeState(token, applicationId);
  const interactions = new Map<string, InteractionRecord>();
  const faultTable = new FaultTable();
  const requests: RecordedRequest[] = [];
  const events = new EventEmitter();
  let port = 0;
  const gatewayUrl = () => `ws://127.0.0.1:${port}/gateway`;
  const gateway = createFakeGateway({
    state,
    heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250,
    url: gatewayUrl,
    onFrame: (frame) => events.emit("frame", frame),
  });
  const deps = {
    state,
    interactions,
    gatewayUrl,
    nonceWindowMs: options.nonceWindowMs ?? 5 * 60_000,
    interactionDeadlineMs: options.interactionDeadlineMs ?? 3_000,
  };
  const routes = compileRoutes([...restRoutes(deps), ...interactionRoutes(deps)]);

  const answer = (res: ServerResponse, recorded: RecordedRequest, result: RouteResult) => {
    recorded.status = result.status;
    recorded.response = result.body;
    sendResult(res, result);
    events.emit("request", recorded);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const method = req.method ?? "GET";
    const body = await readBody(req);
    const path = decodeURIComponent(url.pathname.replace(API_PREFIX, ""));
    const found = API_PREFIX.test(url.pathname)
      ? matchRoute(routes, method, url.pathname.replace(API_PREFIX, ""))
      : undefined;
    const recorded: RecordedRequest = {
      method,
      url: req.url ?? "/",
      path,
      route: found?.route.pattern ?? null,
      params: found?.params ?? {},
      query: Object.fromEntries(url.searchParams),
      headers: flattenHeaders(req),
      body,
      at: Date.now(),
    };
    requests.push(recorded);
    if (!found)
      return answer(res, recorded, { status: 404, body: { message: "404: Not Found", code: 0 } });
    if (found.route.auth && req.headers.authorization !== `Bot ${token}`) {
      return answer(res, recorded, {
        status: 401,
        body: { message: "401: Unauthorized", code: 0 },
      });
    }
    const fault = faultTable.take(method, found.route.pattern, found.params);
    if (fault?.delayMs) await sleep(fault.delayMs);
    const hangUp = () => {
      recorded.status = 0;
      req.socket.destroy();
      events.emit("request", recorded);
    };
    if (fault && !fault.after) {
      if (fault.hangUp) return hangUp();
      const response = faultResponse(fault);
      if (response) return answer(res, recorded, response);
    }
    const result = await found.route.handler({
      params: found.params,
      query: url.searchParams,
      body,
      request: recorded,
    });
    if (fault?.after && fault.hangUp) return hangUp();
    const replaced = fault?.after ? faultResponse(fault) : undefined;
    answer(res, recorded, replaced ?? result);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      res.writeHead(500).end(String(error));
    });
  });
  server.on("upgrade", (req, socket, head) => {
    if ((req.url ?? "").startsWith("/gateway")) gateway.handleUpgrade(req, socket, head);
    else socket.destroy();
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  port = (server.address() as AddressInfo).port;

  const waitForRequest = (match: (r: RecordedRequest) => boolean, timeoutMs = 5_000) =>
    new Promise<RecordedRequest>((resolve, reject) => {
      const done = requests.find((r) => r.status !== undefined && match(r));
      if (done) return resolve(done);
      const timer = setTimeout(() => {
        events.off("request", listener);
        reject(new Error(`no matching request within ${timeoutMs} ms`));
      }, timeoutMs);
      const listener = (r: RecordedRequest) => {
        if (!match(r)) return;
        clearTimeout(timer);
        events.off("request", listener);
        resolve(r);
      };
      events.on("request", listener);
    });

  const dispatch = (payload: Json, sourceMessageId: string | null = null): InteractionRecord => {
    const record = newRecord(payload, sourceMessageId);
    interactions.set(record.token, record);
    if (gateway.dispatch("INTERACTION_CREATE", payload) === 0) {
      throw new Error("no client is connected to the fake gateway");
    }
    return record;
  };

  const callHandle = (record: InteractionRecord): InteractionCall => {
    const kindOf = (r: RecordedRequest): InteractionRequestKind | null => {
      if (r.params.token !== record.token) return null;
      if (r.route?.endsWith("/callback")) return "callback";
      if (r.method === "PATCH") return "edit";
      if (r.method === "DELETE") return "delete";
      return r.method === "POST" ? "followup" : null;
    };
    return {
      id: record.id,
      token: record.token,
      requests: () => requests.filter((r) => kindOf(r) !== null),
      waitFor: (kind, nth = 0) => {
        let seen = 0;
        return waitForRequest((r) => kindOf(r) === kind && seen++ === nth);
      },
      original: () =>
        record.originalId
          ? [...state.messages.values()].flat().find((m) => m.id === record.originalId)
          : undefined,
    };
  };

  return {
    apiRoot: `http://127.0.0.1:${port}/api`,
    gatewayUrl: gatewayUrl(),
    token,
    applicationId,
    ids: FAKE_IDS,
    state,
    requests,
    gateway,
    fail: (fault) => faultTable.add(fault),
    clearFaults: () => faultTable.clear(),
    messages: (channelId) => state.messages.get(channelId) ?? [],
    deleteChannel: (channelId) => {
      state.channels.delete(channelId);
    },
    setOverwrites: (channelId, overwrites) => {
      const channel = state.channels.get(channelId);
      if (!channel) throw new Error(`no channel ${channelId} in the fake guild`);
      channel.permission_overwrites = overwrites;
      gateway.dispatch("CHANNEL_UPDATE", channel);
    },
    waitForRequest,
    waitForSession: async (timeoutMs = 5_000) => {
      const deadline = Date.now() + timeoutMs;
      while (gateway.sessionCount() === 0) {
        if (Date.now() > deadline) throw new Error("no gateway session became ready");
        await sleep(10);
      }
    },
    runCommand: (input) => callHandle(dispatch(commandInteraction(state, input))),
    clickButton: (input) => callHandle(dispatch(buttonInteraction(state, input), input.messageId)),
    autocomplete: async (input) => {
      const call = callHandle(dispatch(autocompleteInteraction(state, input)));
      const request = await call.waitFor("callback");
      const data = ((request.body as Json | null)?.data ?? {}) as Json;
      return (data.choices ?? []) as Json[];
    },
    close: async () => {
      gateway.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export { faults, type Fault } from "./fake-faults.js";
export type { RecordedRequest } from "./fake-http.js";
export type { Json, StoredMessage } from "./fake-discord-state.js";
export { FAKE_IDS, PERMISSIONS } from "./fake-discord-state.js";
