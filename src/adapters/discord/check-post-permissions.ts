import { PermissionFlagsBits, type ChatInputCommandInteraction } from "discord.js";

const P = PermissionFlagsBits;

/**
 * The permissions the bot lacks to post digests (embeds) into a channel, by their names in
 * Discord's settings; empty when it has them all, or when the server is not cached (not known).
 */
export async function missingPostPermissions(
  i: ChatInputCommandInteraction,
  channelId: string,
): Promise<string[]> {
  if (!i.inCachedGuild()) return [];
  const me = i.guild.members.me ?? (await i.guild.members.fetchMe().catch(() => null));
  const channel = i.guild.channels.cache.get(channelId);
  if (me === null || channel === undefined) return [];
  const permissions = channel.permissionsFor(me);
  const needed: Array<[string, bigint]> = [
    ["View Channel", P.ViewChannel],
    channel.isThread()
      ? ["Send Messages in Threads", P.SendMessagesInThreads]
      : ["Send Messages", P.SendMessages],
    ["Embed Links", P.EmbedLinks],
  ];
  return needed.filter(([, flag]) => !permissions.has(flag)).map(([name]) => name);
}
