export {
  createHttpServer,
  HTTP_DEFAULTS,
  type HttpServer,
  type HttpServerDeps,
} from "./create-http-server.js";
export type { Readiness, WebhookMount } from "./http-routes.js";
export type { CardRenderers } from "./render-card-view.js";
export type { EmbedView } from "./discord-embed-to-web.js";
export { telegramHtmlToWeb } from "./telegram-html-to-web.js";
export {
  createMetrics,
  type Metrics,
  type MetricsOptions,
  type MetricsStore,
  type SendOutcome,
} from "./create-metrics.js";
export { instrumentChannel } from "./instrument-channel.js";
export { escapeHtml } from "./escape-html.js";
export { isLoopbackHost } from "./auth.js";
export { renderStatusPage } from "./render-status-page.js";
export type { StatusData, SubscriptionStatus } from "./status-data.js";
