export {
  renderCardText,
  renderDigestText,
  plainStyle,
  ansiStyle,
  type TextStyle,
} from "./render-text.js";
export { runDigest, type DigestCommandOptions } from "./run-digest.js";
