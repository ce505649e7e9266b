import { ChannelType, PermissionFlagsBits } from "discord.js";

/** Loose JSON object: the fake speaks Discord's wire format, not discord.js types. */
export type Json = Record<string, unknown>;

const DISCORD_EPOCH = 1_420_070_400_000n;
let increment = 0n;

/** Real-shaped snowflakes so discord.js derives sensible creation times from them. */
export function snowflake(now = Date.now()): string {
  increment = (increment + 1n) & 0xfffn;
  return String(((BigInt(now) - DISCORD_EPOCH) << 22n) | increment);
}

const P = PermissionFlagsBits;
/** Permission sets for the seeded members (the interaction carries them as a decimal string). */
export const PERMISSIONS = {
  everyone: P.ViewChannel | P.SendMessages | P.ReadMessageHistory | P.UseApplicationCommands,
  moderator: P.ManageChannels | P.ManageMessages,
  bot:
    P.ViewChannel | P.SendMessages | P.EmbedLinks | P.ReadMessageHistory | P.SendMessagesInThreads,
} as const;

export const FAKE_IDS = {
  application: "1100000000000000001",
  guild: "1100000000000000100",
  category: "1100000000000000200",
  text: "1100000000000000201",
  announcement: "1100000000000000202",
  voice: "1100000000000000203",
  thread: "1100000000000000204",
  moderatorRole: "1100000000000000300",
  /** The role Discord gives a bot on invite, with the permissions the invite asked for. */
  botRole: "1100000000000000301",
  admin: "1100000000000000400",
  reader: "1100000000000000401",
} as const;

export interface FakeUser extends Json {
  id: string;
  username: string;
}

export interface StoredMessage extends Json {
  id: string;
  channel_id: string;
  content: string;
  embeds: Json[];
  components: Json[];
  flags: number;
  nonce?: string | number;
}

export interface FakeState {
  token: string;
  applicationId: string;
  guildId: string;
  botUser: FakeUser;
  users: Map<string, FakeUser>;
  channels: Map<string, Json>;
  roles: Json[];
  messages: Map<string, StoredMessage[]>;
  /** `${channelId}:${nonce}` → the message and when it was created, for `enforce_nonce`. */
  nonces: Map<string, { message: StoredMessage; at: number }>;
  commands: { global: Json[]; guild: Map<string, Json[]> };
}

function user(id: string, username: string, bot = false): FakeUser {
  return { id, username, global_name: null, discriminator: "0", avatar: null, bot };
}

function channel(id: string, type: ChannelType, name: string, extra: Json = {}): Json {
  return {
    id,
    type,
    name,
    guild_id: FAKE_IDS.guild,
    position: 0,
    permission_overwrites: [],
    ...extra,
  };
}

export function createFakeState(token: string, applicationId: string): FakeState {
  const botUser = user(applicationId, "digest-bot", true);
  const users = new Map<string, FakeUser>([
    [botUser.id, botUser],
    [FAKE_IDS.admin, user(FAKE_IDS.admin, "ada")],
    [FAKE_IDS.reader, user(FAKE_IDS.reader, "rex")],
  ]);
  const threadMeta = {
    archived: false,
    auto_archive_duration: 1440,
    archive_timestamp: new Date().toISOString(),
    locked: false,
  };
  const channels = new Map<string, Json>(
    [
      channel(FAKE_IDS.category, ChannelType.GuildCategory, "news"),
      channel(FAKE_IDS.text, ChannelType.GuildText, "general", { parent_id: FAKE_IDS.category }),
      channel(FAKE_IDS.announcement, ChannelType.GuildAnnouncement, "announcements"),
      channel(FAKE_IDS.voice, ChannelType.GuildVoice, "voice", { bitrate: 64000 }),
      channel(FAKE_IDS.thread, ChannelType.PublicThread, "digest-thread", {
        parent_id: FAKE_IDS.text,
        owner_id: FAKE_IDS.admin,
        thread_metadata: threadMeta,
        message_count: 0,
        member_count: 1,
      }),
    ].map((c) => [c.id as string, c]),
  );
  const roles: Json[] = [
    role(FAKE_IDS.guild, "@everyone", PERMISSIONS.everyone),
    role(FAKE_IDS.moderatorRole, "Moderator", PERMISSIONS.moderator),
    role(FAKE_IDS.botRole, "digest-bot", PERMISSIONS.bot),
  ];
  return {
    token,
    applicationId,
    guildId: FAKE_IDS.guild,
    botUser,
    users,
    channels,
    roles,
    messages: new Map(),
    nonces: new Map(),
    commands: { global: [], guild: new Map() },
  };
}

function role(id: string, name: string, permissions: bigint): Json {
  return {
    id,
    name,
    color: 0,
    hoist: false,
    position: 0,
    permissions: String(permissions),
    managed: false,
    mentionable: false,
    flags: 0,
  };
}

export function member(state: FakeState, userId: string, permissions?: bigint): Json {
  const u = state.users.get(userId) ?? user(userId, `user-${userId.slice(-4)}`);
  return {
    user: u,
    nick: null,
    avatar: null,
    roles:
      userId === FAKE_IDS.admin
        ? [FAKE_IDS.moderatorRole]
        : userId === state.botUser.id
          ? [FAKE_IDS.botRole]
          : [],
    joined_at: new Date(0).toISOString(),
    deaf: false,
    mute: false,
    flags: 0,
    pending: false,
    ...(permissions === undefined ? {} : { permissions: String(permissions) }),
  };
}

/** The full guild as GUILD_CREATE carries it right after READY. */
export function guildCreatePayload(state: FakeState): Json {
  const all = [...state.channels.values()];
  const isThread = (c: Json) => "thread_metadata" in c;
  return {
    id: state.guildId,
    name: "Fake Newsroom",
    icon: null,
    owner_id: FAKE_IDS.admin,
    unavailable: false,
    large: false,
    member_count: 3,
    joined_at: new Date(0).toISOString(),
    features: [],
    emojis: [],
    stickers: [],
    roles: state.roles,
    channels: all.filter((c) => !isThread(c)),
    threads: all.filter(isThread),
    members: [
      member(state, state.botUser.id),
      member(state, FAKE_IDS.admin),
      member(state, FAKE_IDS.reader),
    ],
    voice_states: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
    preferred_locale: "en-US",
    premium_tier: 0,
    mfa_level: 0,
    nsfw_level: 0,
    verification_level: 0,
    explicit_content_filter: 0,
    default_message_notifications: 0,
    system_channel_flags: 0,
    afk_timeout: 300,
    application_id: null,
  };
}

/** A message as Discord returns it, authored by the bot. */
export function makeMessage(
  state: FakeState,
  channelId: string,
  body: Json,
  extra: Json = {},
): StoredMessage {
  const now = Date.now();
  const channelData = state.channels.get(channelId);
  return {
    id: snowflake(now),
    type: 0,
    channel_id: channelId,
    ...(channelData ? { guild_id: state.guildId } : {}),
    author: state.botUser,
    content: typeof body.content === "string" ? body.content : "",
    embeds: Array.isArray(body.embeds) ? (body.embeds as Json[]) : [],
    components: Array.isArray(body.components) ? (body.components as Json[]) : [],
    attachments: [],
    mentions: [],
    mention_roles: [],
    mention_everyone: false,
    pinned: false,
    tts: false,
    timestamp: new Date(now).toISOString(),
    edited_timestamp: null,
    flags: typeof body.flags === "number" ? body.flags : 0,
    ...(body.nonce === undefined ? {} : { nonce: body.nonce as string | number }),
    ...extra,
  };
}

export function storeMessage(state: FakeState, message: StoredMessage): StoredMessage {
  const list = state.messages.get(message.channel_id) ?? [];
  list.push(message);
  state.messages.set(message.channel_id, list);
  return message;
}

export function findMessage(state: FakeState, messageId: string): StoredMessage | undefined {
  for (const list of state.messages.values()) {
    const found = list.find((m) => m.id === messageId);
    if (found) return found;
  }
  return undefined;
}

export function removeMessage(state: FakeState, messageId: string): boolean {
  for (const list of state.messages.values()) {
    const index = list.findIndex((m) => m.id === messageId);
    if (index >= 0) {
      list.splice(index, 1);
      return true;
    }
  }
  return false;
}
