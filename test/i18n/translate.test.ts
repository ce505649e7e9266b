import { describe, expect, it } from "vitest";
import {
  formatWhen,
  languageFrom,
  messageIds,
  pickLanguage,
  translator,
} from "../../src/i18n/index.js";

describe("translator", () => {
  it("has every English message in German too", () => {
    expect(messageIds("de").sort()).toEqual(messageIds("en").sort());
  });

  it("formats plurals and arguments in each language, without bidi isolation marks", () => {
    expect(translator("en")("cards", { count: 1 })).toBe("1 card");
    expect(translator("en")("cards", { count: 5 })).toBe("5 cards");
    expect(translator("de")("cards", { count: 5 })).toBe("5 Karten");
    expect(translator("de")("digest-title", { time: "08:00" })).toBe("Dein Digest um 08:00");
    expect(translator("en")("settings-title", { chat: "This chat" })).not.toMatch(/[\u2068\u2069]/);
  });

  it("keeps the blank line of multi-line messages", () => {
    expect(translator("en")("start")).toContain("sentence.\n\nTry /latest");
  });

  it("answers an unknown id with the id rather than throwing", () => {
    expect(translator("de")("no-such-message")).toBe("no-such-message");
  });
});

describe("pickLanguage", () => {
  it("prefers the chat's setting, then the client's locale, then English", () => {
    expect(pickLanguage("de", "en-US")).toBe("de");
    expect(pickLanguage(null, "de-AT")).toBe("de");
    expect(pickLanguage(null, "de")).toBe("de");
    expect(pickLanguage(undefined, "fr")).toBe("en");
    expect(pickLanguage(null, undefined)).toBe("en");
    expect(languageFrom("Deutsch")).toBe("de");
    expect(languageFrom("klingon")).toBeUndefined();
  });
});

describe("formatWhen", () => {
  it("shows an instant in the chat's zone and language", () => {
    const at = new Date("2025-01-10T07:00:00Z");
    expect(formatWhen(at, "Europe/Berlin", "en")).toMatch(/Fri.*10 Jan.*08:00/);
    expect(formatWhen(at, "Europe/Berlin", "de")).toMatch(/Fr.*10\. Jan.*08:00/);
  });
});
