export {
  createTelegramBot,
  type PollGate,
  type TelegramBotHandle,
  type TelegramBotOptions,
  type TelegramWebhookOptions,
} from "./create-telegram-bot.js";
export {
  createTelegramChannel,
  type TelegramChannel,
  type TelegramChannelOptions,
} from "./telegram-channel.js";
export {
  renderTelegram,
  renderTelegramBatches,
  renderCardHtml,
  TELEGRAM_TEXT_LIMIT,
  type TelegramMessage,
  type RenderTelegramOptions,
} from "./render-telegram.js";
export { classifyTelegramError } from "./telegram-errors.js";
export { TELEGRAM_DEFAULTS } from "./telegram-defaults.js";
export { BOT_COMMANDS } from "./help-text.js";
export type { UpdateLedger } from "./update-once.js";
export type { WebhookRoute } from "./webhook-handler.js";
export { webhookSecretFor } from "./webhook-secret.js";
