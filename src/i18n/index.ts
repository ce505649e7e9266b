export { localeOf, messageIds, translator, type MessageArgs, type Translate } from "./translate.js";
export { languageFrom, pickLanguage, SUPPORTED_LANGUAGES } from "./pick-language.js";
export { formatWhen } from "./format-when.js";
