import { describe, expect, it } from "vitest";
import { classifyFailure, DeliveryError, ledgerRowId } from "../../src/delivery/index.js";

describe("ledgerRowId", () => {
  it("is readable, deterministic and at most 25 characters (a Discord nonce)", () => {
    const id = ledgerRowId("k7m2qa", "2024-03-01T08:00:00.000Z", 2);
    expect(id).toBe(`k7m2qa.${Date.parse("2024-03-01T08:00:00.000Z").toString(36)}.2`);
    expect(ledgerRowId("k7m2qa", "2024-03-01T08:00:00.000Z", 2)).toBe(id);
    expect(ledgerRowId("k7m2qa", "2024-03-01T08:01:00.000Z", 2)).not.toBe(id);
  });

  it("falls back to a hash for long or unusual subscription ids", () => {
    const long = ledgerRowId("a-very-long-subscription-identifier", "2024-03-01T08:00:00.000Z", 10);
    const odd = ledgerRowId("sub/with spaces", "2024-03-01T08:00:00.000Z", 0);
    for (const id of [long, odd]) {
      expect(id.length).toBeLessThanOrEqual(25);
      expect(id).toMatch(/^h[0-9a-f]{20}\.\d+$/);
    }
  });
});

describe("classifyFailure", () => {
  it("keeps an adapter's classification and treats anything else as ambiguous", () => {
    const gone = new DeliveryError({ kind: "chat_gone", permanent: true }, "403");
    expect(classifyFailure(gone)).toEqual({ kind: "chat_gone", permanent: true });
    expect(classifyFailure(new TypeError("fetch failed"))).toEqual({ kind: "ambiguous" });
    expect(classifyFailure("weird")).toEqual({ kind: "ambiguous" });
  });
});
