import { InteractionType } from "discord.js";
import {
  findMessage,
  makeMessage,
  removeMessage,
  storeMessage,
  type FakeState,
  type Json,
  type StoredMessage,
} from "./fake-discord-state.js";
import { apiError, type Route, type RouteResult } from "./fake-http.js";
import type { InteractionRecord } from "./fake-interactions.js";
import { validateChoices, validateMessage } from "./fake-limits.js";
import type { RouteDeps } from "./fake-rest-routes.js";

const EPHEMERAL = 1 << 6;
const LOADING = 1 << 7;

const ok = (body: unknown): RouteResult => ({ status: 200, body });
const unknownInteraction = () => apiError(404, 10062, "Unknown interaction");
const unknownWebhook = () => apiError(404, 10015, "Unknown Webhook");
const badType = () => apiError(400, 40043, "Interaction response type is not valid here");

export function patchMessage(message: StoredMessage, data: Json): StoredMessage {
  if (typeof data.content === "string") message.content = data.content;
  if (Array.isArray(data.embeds)) message.embeds = data.embeds as Json[];
  if (Array.isArray(data.components)) message.components = data.components as Json[];
  if (data.allowed_mentions !== undefined) message.allowed_mentions = data.allowed_mentions;
  message.flags &= ~LOADING;
  message.edited_timestamp = new Date().toISOString();
  return message;
}

function reply(
  state: FakeState,
  record: InteractionRecord,
  data: Json,
  flags: number,
): StoredMessage {
  const message = makeMessage(
    state,
    record.channelId,
    { ...data, flags },
    {
      webhook_id: state.applicationId,
      application_id: state.applicationId,
      interaction_metadata: {
        id: record.id,
        type: record.type,
        user: state.users.get(record.userId) ?? { id: record.userId },
        authorizing_integration_owners: { "0": state.guildId },
      },
    },
  );
  record.originalId = message.id;
  return storeMessage(state, message);
}

/** Applies one interaction callback (types 4–8), or says why Discord would refuse it. */
function callback(state: FakeState, record: InteractionRecord, body: Json): RouteResult | null {
  const type = Number(body.type);
  const data = (body.data ?? {}) as Json;
  const isComponent = record.type === InteractionType.MessageComponent;
  const isAutocomplete = record.type === InteractionType.ApplicationCommandAutocomplete;
  if (isAutocomplete !== (type === 8)) return badType();
  if (type === 4 || type === 7) {
    const invalid = validateMessage(data, type === 4 ? "create" : "edit");
    if (invalid) return { status: 400, body: invalid };
  }
  const flags = typeof data.flags === "number" ? data.flags : 0;
  switch (type) {
    case 4:
      reply(state, record, data, flags & EPHEMERAL);
      return null;
    case 5:
      reply(state, record, {}, (flags & EPHEMERAL) | LOADING);
      return null;
    case 6:
    case 7: {
      if (!isComponent || !record.sourceMessageId) return badType();
      record.originalId = record.sourceMessageId;
      const source = findMessage(state, record.sourceMessageId);
      if (type === 7 && source) patchMessage(source, data);
      return null;
    }
    case 8: {
      const invalid = validateChoices(data.choices);
      if (invalid) return { status: 400, body: invalid };
      record.choices = data.choices as Json[];
      return null;
    }
    default:
      return badType();
  }
}

export function interactionRoutes(deps: RouteDeps): Route[] {
  const { state, interactions } = deps;
  const byToken = (appId: string | undefined, token: string | undefined) =>
    appId === state.applicationId ? interactions.get(token ?? "") : undefined;
  const target = (record: InteractionRecord, messageId: string | undefined) => {
    const id = messageId === "@original" ? record.originalId : (messageId ?? null);
    return id ? findMessage(state, id) : undefined;
  };
  return [
    {
      method: "POST",
      pattern: "/interactions/:interactionId/:token/callback",
      auth: false,
      handler: ({ params, body, query }) => {
        const record = interactions.get(params.token ?? "");
        if (!record || record.id !== params.interactionId) return unknownInteraction();
        if (Date.now() - record.dispatchedAt > deps.interactionDeadlineMs)
          return unknownInteraction();
        if (record.callbackType !== null) {
          return apiError(400, 40060, "Interaction has already been acknowledged.");
        }
        const refused = callback(state, record, (body ?? {}) as Json);
        if (refused) return refused;
        record.callbackType = Number((body as Json).type);
        if (query.get("with_response") !== "true") return { status: 204 };
        const message = record.originalId ? findMessage(state, record.originalId) : undefined;
        return ok({
          interaction: { id: record.id, type: record.type },
          resource: { type: record.callbackType, ...(message ? { message } : {}) },
        });
      },
    },
    {
      method: "GET",
      pattern: "/webhooks/:appId/:token/messages/:messageId",
      auth: false,
      handler: ({ params }) => {
        const record = byToken(params.appId, params.token);
        if (!record) return unknownWebhook();
        const message = target(record, params.messageId);
        return message ? ok(message) : apiError(404, 10008, "Unknown Message");
      },
    },
    {
      method: "PATCH",
      pattern: "/webhooks/:appId/:token/messages/:messageId",
      auth: false,
      handler: ({ params, body }) => {
        const record = byToken(params.appId, params.token);
        if (!record) return unknownWebhook();
        const message = target(record, params.messageId);
        if (!message) return apiError(404, 10008, "Unknown Message");
        const invalid = validateMessage((body ?? {}) as Json, "edit");
        if (invalid) return { status: 400, body: invalid };
        return ok(patchMessage(message, (body ?? {}) as Json));
      },
    },
    {
      method: "DELETE",
      pattern: "/webhooks/:appId/:token/messages/:messageId",
      auth: false,
      handler: ({ params }) => {
        const record = byToken(params.appId, params.token);
        if (!record) return unknownWebhook();
        const message = target(record, params.messageId);
        if (!message) return apiError(404, 10008, "Unknown Message");
        removeMessage(state, message.id);
        if (message.id === record.originalId) record.originalId = null;
        return { status: 204 };
      },
    },
    {
      method: "POST",
      pattern: "/webhooks/:appId/:token",
      auth: false,
      handler: ({ params, body, query }) => {
        const record = byToken(params.appId, params.token);
        // Follow-ups exist only once the interaction was acknowledged.
        if (!record || record.callbackType === null) return unknownWebhook();
        const data = (body ?? {}) as Json;
        const invalid = validateMessage(data, "create");
        if (invalid) return { status: 400, body: invalid };
        const flags = typeof data.flags === "number" ? data.flags & EPHEMERAL : 0;
        const message = storeMessage(
          state,
          makeMessage(
            state,
            record.channelId,
            { ...data, flags },
            { webhook_id: state.applicationId },
          ),
        );
        return query.get("wait") === "true" ? ok(message) : { status: 204 };
      },
    },
  ];
}
