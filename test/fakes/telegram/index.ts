export {
  startFakeTelegram,
  FAKE_BOT,
  FAKE_TOKEN,
  type FakeTelegram,
  type ApiCall,
} from "./fake-telegram-server.js";
export { faults, type Fault, type FaultRule } from "./faults.js";
export { ANONYMOUS_ADMIN, botCommandEntities, type SendTextInput } from "./user-actions.js";
export { parseTelegramHtml, type ParsedText } from "./parse-html.js";
export { ApiError } from "./api-error.js";
export type { ChatInput, ChatType, MemberStatus, SentMessage } from "./fake-state.js";
