export {
  startFakeHttpServer,
  type FakeHttpServer,
  type RecordedRequest,
  type Route,
} from "./fake-http-server.js";
export { feedRoutes, fixture, CONDITIONAL_LAST_MODIFIED } from "./feed-routes.js";
