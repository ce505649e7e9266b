import { overwriteCommands, validateCommands } from "./fake-commands.js";
import { makeMessage, storeMessage, type FakeState, type Json } from "./fake-discord-state.js";
import { apiError, type Route, type RouteResult } from "./fake-http.js";
import { isTextChannel, type InteractionRecord } from "./fake-interactions.js";
import { patchMessage } from "./fake-interaction-routes.js";
import { validateMessage } from "./fake-limits.js";

export interface RouteDeps {
  state: FakeState;
  interactions: Map<string, InteractionRecord>;
  gatewayUrl: () => string;
  /** How long `enforce_nonce` remembers a nonce ("the past few minutes"). */
  nonceWindowMs: number;
  /** Discord's 3-second window for the first interaction response. */
  interactionDeadlineMs: number;
}

const ok = (body: unknown): RouteResult => ({ status: 200, body });
const unknownChannel = () => apiError(404, 10003, "Unknown Channel");

function createChannelMessage(deps: RouteDeps, channelId: string, body: Json): RouteResult {
  const { state } = deps;
  const channel = state.channels.get(channelId);
  if (!channel) return unknownChannel();
  if (!isTextChannel(channel)) {
    return apiError(400, 50008, "Cannot send messages in a non-text channel");
  }
  const invalid = validateMessage(body, "create");
  if (invalid) return { status: 400, body: invalid };
  const key =
    body.enforce_nonce === true && body.nonce !== undefined
      ? `${channelId}:${String(body.nonce)}`
      : null;
  if (key) {
    const seen = state.nonces.get(key);
    // Same author, same nonce, within the window: Discord returns the first message, posts nothing.
    if (seen && Date.now() - seen.at < deps.nonceWindowMs) return ok(seen.message);
  }
  const message = storeMessage(state, makeMessage(state, channelId, body));
  if (key) state.nonces.set(key, { message, at: Date.now() });
  return ok(message);
}

export function restRoutes(deps: RouteDeps): Route[] {
  const { state } = deps;
  const checkApp = (appId: string | undefined) =>
    appId === state.applicationId ? null : apiError(403, 50001, "Missing Access");
  const putCommands = (body: unknown, guildId: string | null): RouteResult => {
    const invalid = validateCommands(body);
    if (invalid) return { status: 400, body: invalid };
    return ok(overwriteCommands(state, body as Json[], guildId));
  };
  return [
    {
      method: "GET",
      pattern: "/gateway/bot",
      auth: true,
      handler: () =>
        ok({
          url: deps.gatewayUrl(),
          shards: 1,
          session_start_limit: {
            total: 1000,
            remaining: 999,
            reset_after: 14_400_000,
            max_concurrency: 1,
          },
        }),
    },
    {
      method: "GET",
      pattern: "/gateway",
      auth: false,
      handler: () => ok({ url: deps.gatewayUrl() }),
    },
    { method: "GET", pattern: "/users/@me", auth: true, handler: () => ok(state.botUser) },
    {
      method: "GET",
      pattern: "/applications/@me",
      auth: true,
      handler: () =>
        ok({
          id: state.applicationId,
          name: "Digest Bot",
          description: "",
          icon: null,
          bot_public: true,
          bot_require_code_grant: false,
          flags: 0,
          bot: state.botUser,
          verify_key: "0".repeat(64),
        }),
    },
    {
      method: "GET",
      pattern: "/channels/:channelId",
      auth: true,
      handler: ({ params }) => {
        const channel = state.channels.get(params.channelId ?? "");
        return channel ? ok(channel) : unknownChannel();
      },
    },
    {
      method: "POST",
      pattern: "/channels/:channelId/messages",
      auth: true,
      handler: ({ params, body }) =>
        createChannelMessage(deps, params.channelId ?? "", (body ?? {}) as Json),
    },
    {
      method: "PATCH",
      pattern: "/channels/:channelId/messages/:messageId",
      auth: true,
      handler: ({ params, body }) => {
        const list = state.messages.get(params.channelId ?? "");
        if (!list) return unknownChannel();
        const message = list.find((m) => m.id === params.messageId);
        if (!message) return apiError(404, 10008, "Unknown Message");
        const invalid = validateMessage((body ?? {}) as Json, "edit");
        if (invalid) return { status: 400, body: invalid };
        return ok(patchMessage(message, (body ?? {}) as Json));
      },
    },
    {
      method: "GET",
      pattern: "/channels/:channelId/messages",
      auth: true,
      handler: ({ params }) => {
        if (!state.channels.has(params.channelId ?? "")) return unknownChannel();
        return ok([...(state.messages.get(params.channelId ?? "") ?? [])].reverse());
      },
    },
    {
      method: "GET",
      pattern: "/applications/:appId/commands",
      auth: true,
      handler: ({ params }) => checkApp(params.appId) ?? ok(state.commands.global),
    },
    {
      method: "PUT",
      pattern: "/applications/:appId/commands",
      auth: true,
      handler: ({ params, body }) => checkApp(params.appId) ?? putCommands(body, null),
    },
    {
      method: "GET",
      pattern: "/applications/:appId/guilds/:guildId/commands",
      auth: true,
      handler: ({ params }) =>
        checkApp(params.appId) ??
        (params.guildId === state.guildId
          ? ok(state.commands.guild.get(state.guildId) ?? [])
          : apiError(404, 10004, "Unknown Guild")),
    },
    {
      method: "PUT",
      pattern: "/applications/:appId/guilds/:guildId/commands",
      auth: true,
      handler: ({ params, body }) =>
        checkApp(params.appId) ??
        (params.guildId === state.guildId
          ? putCommands(body, state.guildId)
          : apiError(404, 10004, "Unknown Guild")),
    },
  ];
}
