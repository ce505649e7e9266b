import type { HostLimiter, HttpClient } from "../sources/index.js";
import type { PageExtractor } from "./page-extractor.js";
import type { ProgressReport } from "./read-local-source.js";

export interface ReadSourcesDeps {
  http: HttpClient;
  limiter?: HostLimiter;
  extractPage: PageExtractor;
  fetchPages: "auto" | "never";
  maxBytes: number;
  /** Told after each source and each file of a folder (the CLI's progress line). */
  onProgress?: ProgressReport;
}
