import { randomBytes } from "node:crypto";
import { ApplicationCommandOptionType, ChannelType, InteractionType } from "discord.js";
import { findCommand } from "./fake-commands.js";
import {
  FAKE_IDS,
  PERMISSIONS,
  findMessage,
  member,
  snowflake,
  type FakeState,
  type Json,
} from "./fake-discord-state.js";

/** What the fake remembers about one interaction it dispatched. */
export interface InteractionRecord {
  id: string;
  token: string;
  type: InteractionType;
  channelId: string;
  userId: string;
  dispatchedAt: number;
  /** The callback type the bot answered with, once it did. */
  callbackType: number | null;
  /** The message `@original` refers to (the reply, or the message a button sits on). */
  originalId: string | null;
  sourceMessageId: string | null;
  choices: Json[] | null;
}

export interface InteractionInput {
  guildId?: string;
  channelId?: string;
  /** Defaults to the seeded admin (a Moderator with Manage Channels). */
  userId?: string;
  /** The member's permissions in the channel; defaults from the seeded roles. */
  permissions?: bigint;
  /** The user's client language (Discord's interaction `locale`); "en-US" unless given. */
  locale?: string;
}

export type OptionValue = string | number | boolean;

export interface CommandInput extends InteractionInput {
  name: string;
  options?: Record<string, OptionValue>;
}

export interface AutocompleteInput extends CommandInput {
  /** The option being typed in; its partial value is `options[focused]` (default ""). */
  focused: string;
}

export interface ButtonInput extends InteractionInput {
  messageId: string;
  customId: string;
}

const TEXT_TYPES = new Set<number>([
  ChannelType.GuildText,
  ChannelType.GuildAnnouncement,
  ChannelType.PublicThread,
  ChannelType.PrivateThread,
  ChannelType.AnnouncementThread,
]);

function base(state: FakeState, input: InteractionInput, type: InteractionType): Json {
  const channelId = input.channelId ?? FAKE_IDS.text;
  const channel = state.channels.get(channelId);
  if (!channel) throw new Error(`no channel ${channelId} in the fake guild`);
  const userId = input.userId ?? FAKE_IDS.admin;
  const permissions =
    input.permissions ??
    (userId === FAKE_IDS.admin
      ? PERMISSIONS.everyone | PERMISSIONS.moderator
      : PERMISSIONS.everyone);
  const guildId = input.guildId ?? state.guildId;
  return {
    id: snowflake(),
    application_id: state.applicationId,
    type,
    token: `itk_${randomBytes(24).toString("base64url")}`,
    version: 1,
    guild_id: guildId,
    guild: { id: guildId, locale: "en-US", features: [] },
    channel_id: channelId,
    channel: { ...channel, permissions: String(permissions) },
    member: member(state, userId, permissions),
    app_permissions: String(PERMISSIONS.bot),
    locale: input.locale ?? "en-US",
    guild_locale: "en-US",
    entitlements: [],
    authorizing_integration_owners: { "0": guildId },
    context: 0,
    attachment_size_limit: 10_485_760,
  };
}

/** Types option values with the registered definition, as the Discord client would. */
function buildOptions(
  state: FakeState,
  definition: Json,
  input: CommandInput,
  focused: string | null,
): { options: Json[]; resolved: Json } {
  const defined = Array.isArray(definition.options) ? (definition.options as Json[]) : [];
  const given = input.options ?? {};
  const channels: Json = {};
  for (const option of defined) {
    if (option.required === true && !((option.name as string) in given) && focused === null) {
      throw new Error(`/${String(definition.name)} needs option ${String(option.name)}`);
    }
  }
  const options = Object.entries(given).map(([name, value]) => {
    const option = defined.find((o) => o.name === name);
    if (!option) throw new Error(`/${String(definition.name)} has no option ${name}`);
    const type = Number(option.type);
    if (name === focused) return { name, type, value: String(value), focused: true };
    if (type === ApplicationCommandOptionType.Integer) {
      const n = Number(value);
      const min = typeof option.min_value === "number" ? option.min_value : -Infinity;
      const max = typeof option.max_value === "number" ? option.max_value : Infinity;
      if (!Number.isInteger(n) || n < min || n > max) {
        throw new Error(`Discord would not accept ${String(value)} for ${name}`);
      }
    }
    if (type === ApplicationCommandOptionType.Channel) {
      const channel = state.channels.get(String(value));
      const allowed = option.channel_types as number[] | undefined;
      if (!channel) throw new Error(`no channel ${String(value)} in the fake guild`);
      if (allowed && !allowed.includes(Number(channel.type))) {
        throw new Error(`Discord would not offer channel type ${String(channel.type)} for ${name}`);
      }
      channels[String(value)] = { ...channel, permissions: String(PERMISSIONS.everyone) };
    }
    return { name, type, value };
  });
  return { options, resolved: Object.keys(channels).length ? { channels } : {} };
}

export function commandInteraction(state: FakeState, input: CommandInput): Json {
  const payload = base(state, input, InteractionType.ApplicationCommand);
  const definition = findCommand(state, input.name, String(payload.guild_id));
  const { options, resolved } = buildOptions(state, definition, input, null);
  payload.data = {
    id: definition.id,
    name: input.name,
    type: 1,
    options,
    resolved,
    guild_id: payload.guild_id,
  };
  return payload;
}

export function autocompleteInteraction(state: FakeState, input: AutocompleteInput): Json {
  const payload = base(state, input, InteractionType.ApplicationCommandAutocomplete);
  const definition = findCommand(state, input.name, String(payload.guild_id));
  const withFocused = { ...input, options: { [input.focused]: "", ...input.options } };
  const { options } = buildOptions(state, definition, withFocused, input.focused);
  payload.data = { id: definition.id, name: input.name, type: 1, options };
  return payload;
}

export function buttonInteraction(state: FakeState, input: ButtonInput): Json {
  const message = findMessage(state, input.messageId);
  if (!message) throw new Error(`no message ${input.messageId}`);
  const payload = base(
    state,
    { ...input, channelId: input.channelId ?? message.channel_id },
    InteractionType.MessageComponent,
  );
  payload.message = message;
  payload.data = { custom_id: input.customId, component_type: 2 };
  return payload;
}

export function isTextChannel(channel: Json): boolean {
  return TEXT_TYPES.has(Number(channel.type));
}

export function newRecord(payload: Json, sourceMessageId: string | null = null): InteractionRecord {
  return {
    id: String(payload.id),
    token: String(payload.token),
    type: Number(payload.type) as InteractionType,
    channelId: String(payload.channel_id),
    userId: String(((payload.member as Json).user as Json).id),
    dispatchedAt: Date.now(),
    callbackType: null,
    originalId: null,
    sourceMessageId,
    choices: null,
  };
}
