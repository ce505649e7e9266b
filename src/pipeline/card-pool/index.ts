export {
  createCardPool,
  CARD_POOL_DEFAULTS,
  type CardPool,
  type CardPoolOptions,
} from "./create-card-pool.js";
export { serveDigests, type DigestFn } from "./serve-digests.js";
