export { Article } from "./article.js";
export { CardDraft, FactCard, Fact, CARD_LIMITS } from "./card.js";
export {
  DeliveryTarget,
  DigestFormat,
  type NewSubscription,
  Platform,
  Subscription,
  describeFilter,
  describeSources,
  sourceLabel,
} from "./subscription.js";
export {
  LEDGER_STATUSES,
  LedgerRow,
  LedgerStatus,
  emptyCounts,
  type LedgerCounts,
  type LedgerFilter,
  type NewLedgerRow,
  type SettledStatus,
} from "./ledger-row.js";
export {
  FeedState,
  SourceState,
  SourceKind,
  SourceChat,
  SourceRow,
  initialSourceState,
  initialFeedState,
  type NewSource,
} from "./source.js";
export {
  FigureDisagreement,
  FigureReport,
  StoryCards,
  StoryDoc,
  type KeyFigure,
  type Story,
} from "./story.js";
export {
  ChatSettings,
  LANGUAGES,
  Language,
  QuietHours,
  type SettingsPatch,
} from "./chat-settings.js";
