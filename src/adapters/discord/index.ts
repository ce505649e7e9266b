export {
  createDiscordBot,
  DISCORD_BOT_DEFAULTS,
  type DiscordBot,
  type DiscordBotOptions,
  type DiscordBotTuning,
} from "./create-discord-bot.js";
export { createDiscordChannel, type DiscordChannelOptions } from "./discord-channel.js";
export { renderDiscord, renderCardEmbed, type DiscordMessage } from "./render-discord.js";
export {
  registerCommands,
  registerIfChanged,
  createMemoryKeyValue,
  commandsHash,
  type KeyValue,
  type RegisterCommandsOptions,
  type RegisterResult,
} from "./register-commands.js";
export { commandDefinitions } from "./command-definitions.js";
export { toDeliveryFailure } from "./classify-discord-error.js";
export { DISCORD_LIMITS } from "./discord-limits.js";
