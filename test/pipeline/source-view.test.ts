import { describe, expect, it } from "vitest";
import { describeSourceState } from "../../src/delivery/index.js";
import { initialSourceState, type SourceRow } from "../../src/model/index.js";
import { sourceView } from "../../src/pipeline/index.js";

const row = (overrides: Partial<SourceRow> = {}, state = {}): SourceRow => ({
  id: "feed:https://a.example/rss",
  url: "https://a.example/rss",
  kind: "feed",
  title: "A",
  addedBy: null,
  active: true,
  createdAt: "2025-06-01T00:00:00.000Z",
  ...overrides,
  state: { ...initialSourceState("https://a.example/rss"), ...state },
});

describe("a source as /sources shows it", () => {
  it("says ok with the newest item, not read yet, failing since when and why, or turned off", () => {
    const ok = row(
      {},
      {
        lastSuccessAt: "2025-06-10T12:00:00.000Z",
        newestTitle: "Bridge reopens",
        newestAt: "2025-06-10T12:00:00.000Z",
      },
    );
    expect(describeSourceState(sourceView(ok, 1))).toBe(
      'ok, newest: "Bridge reopens" (2025-06-10)',
    );
    expect(describeSourceState(sourceView(row(), 1))).toBe("not read yet");
    const failing = {
      failingSince: "2025-06-09T08:00:00.000Z",
      lastError: "http-status: HTTP 503",
    };
    expect(describeSourceState(sourceView(row({}, failing), 2))).toBe(
      "failing since 2025-06-09: http-status: HTTP 503",
    );
    expect(describeSourceState(sourceView(row({ active: false }, failing), 2))).toBe(
      "turned off after failing since 2025-06-09: http-status: HTTP 503",
    );
  });
});
