export {
  renderCardText,
  renderDigestText,
  plainStyle,
  ansiStyle,
  type TextStyle,
} from "./render-text.js";
export { renderStoriesText, renderStoryText, renderDisagreement } from "./render-stories-text.js";
export {
  runDigest,
  isDigestFormat,
  DIGEST_FORMATS,
  type DigestFormat,
  type DigestCommandOptions,
} from "./run-digest.js";
