export {
  DeliveryTarget,
  DigestFormat,
  Platform,
  Subscription,
  describeFilter,
  describeSources,
  type NewSubscription,
} from "../model/index.js";
export {
  DeliveryError,
  type ChannelLimits,
  type DeliveryChannel,
  type DeliveryFailure,
  type MessagePart,
  type RenderContext,
  type SendOptions,
  type SendReceipt,
} from "./channel.js";
export { storyNote, type StoryNote } from "../stories/index.js";
export type { LatestStories, StoryPage } from "./latest-stories.js";
export { digestHeading, type DigestHeading } from "./digest-heading.js";
export {
  createBotBackend,
  type BotBackend,
  type DigestCommands,
  type SubscribeResult,
} from "./bot-backend.js";
export type { DigestNowResult } from "./digest-now.js";
export {
  createSubscriptionCommands,
  parseDigestFormat,
  type SetFormatResult,
  type SubscribeInput,
  type SubscriptionCommands,
  type SubscriptionCommandsDeps,
} from "./subscription-commands.js";
export {
  createDeliveryEngine,
  type DeliveryEngine,
  type DeliveryEngineDeps,
} from "./delivery-engine.js";
export { DELIVERY_DEFAULTS, deliveryOptions, type DeliveryOptions } from "./delivery-options.js";
export { DeliveryFatalError } from "./delivery-fatal-error.js";
export type { DeliveryStats } from "./delivery-stats.js";
export type { EnqueueResult, SlotInfo } from "./slot-handler.js";
export { composeDigest, subscriptionSourceIds } from "./compose-digest.js";
export { matchesFilter } from "./matches-filter.js";
export { ledgerRowId } from "./ledger-row-id.js";
export { createPacer, type Pacer, type PacerDelay } from "./pacer.js";
export { classifyFailure } from "./classify-failure.js";
export { createLeaseHolder, isLeaseHolderGone } from "./lease-holder.js";
export { createDeliveryLease, type DeliveryLease } from "./delivery-lease.js";
export { sleep, type Sleep } from "./sleep.js";
export * from "./schedule/index.js";
export { chatSourceIds } from "./chat-source-ids.js";
export {
  noSourceCommands,
  describeSourceState,
  type AddSourceResult,
  type RemoveSourceResult,
  type SourceCommands,
  type SourceView,
} from "./source-commands.js";
export {
  formatQuietHours,
  parseQuietHours,
  quietUntil,
  type QuietHoursResult,
} from "./quiet-hours.js";
export {
  createSettingsCommands,
  type SettingsCommands,
  type SettingsInput,
  type SettingsResult,
} from "./settings-commands.js";
export { createPruner, type Pruner, type PrunerDeps } from "./ledger-pruner.js";
