import {
  ChannelType,
  InteractionContextType,
  PermissionFlagsBits,
  SlashCommandBuilder,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  type SlashCommandStringOption,
} from "discord.js";
import { sourceCommandBuilders } from "./command-sources.js";

/** Channels a digest can be posted into. */
export const DIGEST_CHANNEL_TYPES = [
  ChannelType.GuildText,
  ChannelType.GuildAnnouncement,
  ChannelType.PublicThread,
  ChannelType.PrivateThread,
  ChannelType.AnnouncementThread,
] as const;

export const LATEST_DEFAULT_COUNT = 3;

const FORMAT_CHOICES = [
  { name: "full cards", value: "full" },
  { name: "brief: headline and summary", value: "brief" },
  { name: "headlines with links", value: "headlines" },
];

const command = (name: string, description: string) =>
  new SlashCommandBuilder()
    .setName(name)
    .setDescription(description)
    .setContexts(InteractionContextType.Guild);

const cardId = (description: string) => (o: SlashCommandStringOption) =>
  o
    .setName("id")
    .setDescription(description)
    .setRequired(true)
    .setAutocomplete(true)
    .setMinLength(4);

/** Every slash command; `registerCommands` sends exactly this JSON. */
export const commandDefinitions: RESTPostAPIChatInputApplicationCommandsJSONBody[] = [
  command("latest", "Show the newest fact cards").addIntegerOption((o) =>
    o
      .setName("count")
      .setDescription("How many cards (1-10, default 3)")
      .setMinValue(1)
      .setMaxValue(10),
  ),
  command("card", "Show one fact card").addStringOption(cardId("Card id (type to search)")),
  command("source", "Show where a card's facts come from").addStringOption(
    cardId("Card id (type to search)"),
  ),
  command("search", "Find cards containing every word").addStringOption((o) =>
    o.setName("query").setDescription("Words to look for").setRequired(true).setMaxLength(200),
  ),
  command("subscribe", "Post a digest to a channel on a schedule")
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageChannels)
    .addChannelOption((o) =>
      o
        .setName("channel")
        .setDescription("Where to post the digest")
        .setRequired(true)
        .addChannelTypes(...DIGEST_CHANNEL_TYPES),
    )
    .addStringOption((o) =>
      o
        .setName("cron")
        .setDescription('Schedule: "daily 08:00", "weekdays 07:30", "every 6h" or cron "0 8 * * *"')
        .setRequired(true),
    )
    .addStringOption((o) =>
      o
        .setName("timezone")
        .setDescription("IANA time zone (default: the channel's, see /settings, else UTC)")
        .setAutocomplete(true),
    )
    .addIntegerOption((o) =>
      o.setName("count").setDescription("Cards per digest (1-10)").setMinValue(1).setMaxValue(10),
    )
    .addStringOption((o) =>
      o
        .setName("include")
        .setDescription("Only cards mentioning one of these words (space-separated)"),
    )
    .addStringOption((o) =>
      o.setName("exclude").setDescription("Leave out cards mentioning any of these words"),
    )
    .addStringOption((o) =>
      o
        .setName("format")
        .setDescription("How stories look (default full cards)")
        .addChoices(...FORMAT_CHOICES),
    )
    .addStringOption((o) =>
      o
        .setName("sources")
        .setDescription("Only these of the channel's sources: numbers or hosts from /sources")
        .setMaxLength(200),
    ),
  command(
    "digest",
    "Post this channel's next digest now (the scheduled one still comes)",
  ).addStringOption((o) =>
    o.setName("id").setDescription("Subscription id from /subscriptions (default: the next due)"),
  ),
  command("format", "Change how a digest shows its stories")
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageChannels)
    .addStringOption((o) =>
      o.setName("id").setDescription("Subscription id from /subscriptions").setRequired(true),
    )
    .addStringOption((o) =>
      o
        .setName("format")
        .setDescription("full, brief or headlines")
        .setRequired(true)
        .addChoices(...FORMAT_CHOICES),
    ),
  command("unsubscribe", "Stop a digest (all digests of this channel without an id)")
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageChannels)
    .addStringOption((o) => o.setName("id").setDescription("Subscription id from /subscriptions")),
  command("subscriptions", "List this server's digests"),
  command("help", "What this bot can do"),
  command("settings", "This channel's time zone, language and quiet hours")
    .addStringOption((o) =>
      o
        .setName("timezone")
        .setDescription("Default time zone for new digests, e.g. Europe/Berlin")
        .setAutocomplete(true),
    )
    .addStringOption((o) =>
      o
        .setName("language")
        .setDescription("Language of the bot's replies")
        .addChoices({ name: "English", value: "en" }, { name: "Deutsch", value: "de" }),
    )
    .addStringOption((o) =>
      o.setName("quiet").setDescription('No digests in this window, e.g. "22:00-07:00", or "off"'),
    ),
  ...sourceCommandBuilders,
].map((builder) => builder.toJSON());
