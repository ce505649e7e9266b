import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer, type WebSocket } from "ws";
import { guildCreatePayload, type FakeState, type Json } from "./fake-discord-state.js";

/** Intents Discord refuses (close 4014) unless enabled in the developer portal. */
const PRIVILEGED_INTENTS = (1 << 1) | (1 << 8) | (1 << 15);

export interface GatewayFrame {
  direction: "in" | "out";
  op: number;
  t?: string | null;
  d: unknown;
}

interface Session {
  ws: WebSocket;
  id: string;
  seq: number;
  ready: boolean;
  /** [id, count] from IDENTIFY; [0, 1] when the client did not shard. */
  shard: [number, number];
}

/** Discord's rule: a guild's events go to shard (guild_id >> 22) % count. */
export function shardOfGuild(guildId: string, count: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(count));
}

const owns = (session: Session, guildId: unknown) =>
  typeof guildId !== "string" || shardOfGuild(guildId, session.shard[1]) === session.shard[0];

export interface FakeGateway {
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Sends a dispatch (op 0) to every identified session. Returns how many received it. */
  dispatch(t: string, d: unknown): number;
  /** Every frame both ways, in order. */
  readonly frames: GatewayFrame[];
  readonly identifies: Json[];
  /** IDENTIFYs that asked for shard `id` (unsharded clients count as shard 0). */
  identifyCount(id: number): number;
  /** Identified, open sessions per shard id. */
  sessionsOf(id: number): number;
  /** Identified, open sessions. */
  sessionCount(): number;
  close(): void;
}

export function createFakeGateway(options: {
  state: FakeState;
  heartbeatIntervalMs: number;
  url: () => string;
  onFrame?: (frame: GatewayFrame) => void;
}): FakeGateway {
  const { state } = options;
  const wss = new WebSocketServer({ noServer: true });
  const sessions = new Set<Session>();
  const frames: GatewayFrame[] = [];
  const identifies: Json[] = [];

  const record = (frame: GatewayFrame) => {
    frames.push(frame);
    options.onFrame?.(frame);
  };
  const send = (session: Session, op: number, d: unknown, t: string | null = null) => {
    const frame: Json = { op, d, s: null, t };
    if (op === 0) frame.s = ++session.seq;
    record({ direction: "out", op, t, d });
    session.ws.send(JSON.stringify(frame));
  };

  const identify = (session: Session, d: Json) => {
    identifies.push(d);
    const token = String(d.token ?? "").replace(/^Bot\s+/i, "");
    if (token !== state.token) {
      session.ws.close(4004, "Authentication failed.");
      return;
    }
    if ((Number(d.intents) & PRIVILEGED_INTENTS) !== 0) {
      session.ws.close(4014, "Disallowed intent(s).");
      return;
    }
    const shard = Array.isArray(d.shard) ? d.shard.map(Number) : [0, 1];
    session.shard = [shard[0] ?? 0, shard[1] ?? 1];
    session.ready = true;
    const guildHere = owns(session, state.guildId);
    send(
      session,
      0,
      {
        v: 10,
        user: state.botUser,
        guilds: guildHere ? [{ id: state.guildId, unavailable: true }] : [],
        session_id: session.id,
        resume_gateway_url: options.url(),
        shard: session.shard,
        application: { id: state.applicationId, flags: 0 },
        private_channels: [],
        user_settings: {},
        relationships: [],
      },
      "READY",
    );
    if (guildHere) send(session, 0, guildCreatePayload(state), "GUILD_CREATE");
  };
  const shardOf = (d: Json) => (Array.isArray(d.shard) ? Number(d.shard[0]) : 0);

  const resume = (session: Session, d: Json) => {
    const previous = [...sessions].find((s) => s.id === d.session_id && s !== session);
    if (!previous || String(d.token ?? "") !== state.token) {
      send(session, 9, false);
      return;
    }
    sessions.delete(previous);
    session.id = previous.id;
    session.seq = previous.seq;
    session.ready = true;
    send(session, 0, null, "RESUMED");
  };

  wss.on("connection", (ws) => {
    const session: Session = {
      ws,
      id: randomUUID().replace(/-/g, ""),
      seq: 0,
      ready: false,
      shard: [0, 1],
    };
    sessions.add(session);
    ws.on("message", (raw) => {
      let payload: Json;
      try {
        payload = JSON.parse(String(raw)) as Json;
      } catch {
        ws.close(4002, "Error while decoding payload.");
        return;
      }
      const op = Number(payload.op);
      record({ direction: "in", op, d: payload.d });
      if (op === 1) send(session, 11, null);
      else if (op === 2) identify(session, (payload.d ?? {}) as Json);
      else if (op === 6) resume(session, (payload.d ?? {}) as Json);
    });
    ws.on("close", () => {
      session.ready = false;
    });
    send(session, 10, { heartbeat_interval: options.heartbeatIntervalMs });
  });

  return {
    handleUpgrade: (req, socket, head) => {
      wss.handleUpgrade(req, socket, head, (ws) => wss.emit("connection", ws, req));
    },
    dispatch: (t, d) => {
      let count = 0;
      for (const session of sessions) {
        if (!session.ready || session.ws.readyState !== session.ws.OPEN) continue;
        if (!owns(session, (d as Json | null)?.guild_id)) continue;
        send(session, 0, d, t);
        count += 1;
      }
      return count;
    },
    frames,
    identifies,
    identifyCount: (id) => identifies.filter((d) => shardOf(d) === id).length,
    sessionsOf: (id) =>
      [...sessions].filter((s) => s.ready && s.ws.readyState === s.ws.OPEN && s.shard[0] === id)
        .length,
    sessionCount: () =>
      [...sessions].filter((s) => s.ready && s.ws.readyState === s.ws.OPEN).length,
    close: () => {
      for (const client of wss.clients) client.terminate();
      wss.close();
    },
  };
}
