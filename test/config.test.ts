import { describe, expect, it } from "vitest";
import { configSources, loadConfig } from "../src/config.js";
import { ConfigError } from "../src/lib/errors.js";

describe("loadConfig", () => {
  it("has a working default for everything a local run needs", () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      ARTICLES_DIR: "seeds",
      MAX_ARTICLE_BYTES: 1_048_576,
      DATABASE_PATH: "./data/digest.db",
      CATCHUP_GRACE: 6 * 3_600_000,
      DEACTIVATE_AFTER: 3,
      LEDGER_RETENTION: 30 * 86_400_000,
      TELEGRAM_TEST_ENV: false,
      ALLOW_HARDLINKS: false,
      DISCORD_API_ROOT: "https://discord.com/api",
    });
    expect(c.TELEGRAM_BOT_TOKEN).toBeUndefined();
  });

  it("reads the Discord shard count as a number or auto, and nothing else", () => {
    expect(loadConfig({}).DISCORD_SHARDS).toBe(1);
    expect(loadConfig({ DISCORD_SHARDS: "4" }).DISCORD_SHARDS).toBe(4);
    expect(loadConfig({ DISCORD_SHARDS: " Auto " }).DISCORD_SHARDS).toBe("auto");
    expect(() => loadConfig({ DISCORD_SHARDS: "0" })).toThrow(/DISCORD_SHARDS/);
    expect(() => loadConfig({ DISCORD_SHARDS: "many" })).toThrow(/DISCORD_SHARDS/);
    expect(loadConfig({ BOT_LEASE_TTL: "5s" }).BOT_LEASE_TTL).toBe(5_000);
  });

  it("coerces numbers, booleans and durations; blank strings count as unset", () => {
    const c = loadConfig({
      MAX_ARTICLE_BYTES: "2048",
      TELEGRAM_TEST_ENV: "true",
      CATCHUP_GRACE: "90m",
      TELEGRAM_BOT_TOKEN: "",
    });
    expect(c.MAX_ARTICLE_BYTES).toBe(2048);
    expect(c.TELEGRAM_TEST_ENV).toBe(true);
    expect(c.CATCHUP_GRACE).toBe(90 * 60_000);
    expect(c.TELEGRAM_BOT_TOKEN).toBeUndefined();
  });

  it("lists every problem in one error and never echoes a value", () => {
    const env = {
      MAX_ARTICLE_BYTES: "-1",
      CATCHUP_GRACE: "soon",
      TELEGRAM_API_ROOT: "not a url",
      DISCORD_TOKEN: "tok-abcdef-123456",
    };
    let error: unknown;
    try {
      loadConfig(env);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    for (const field of [
      "MAX_ARTICLE_BYTES",
      "CATCHUP_GRACE",
      "TELEGRAM_API_ROOT",
      "DISCORD_APPLICATION_ID",
    ])
      expect(message).toContain(field);
    expect(message).not.toContain("tok-abcdef-123456");
  });

  it("reads the source settings, with ARTICLES_DIR as the source when SOURCES is unset", () => {
    const defaults = loadConfig({ ARTICLES_DIR: "news" });
    expect(defaults).toMatchObject({
      MAX_SOURCES_PER_CHAT: 50,
      POLL_MIN: 5 * 60_000,
      POLL_MAX: 6 * 3_600_000,
      FETCH_TIMEOUT: 15_000,
      MAX_FETCH_BYTES: 5 * 1024 * 1024,
      ALLOW_PRIVATE_URLS: false,
      FETCH_ARTICLE_PAGES: "auto",
      SOURCE_DISABLE_AFTER: 3 * 86_400_000,
    });
    expect(configSources(defaults)).toEqual(["news"]);
    const set = loadConfig({
      SOURCES: " https://a.example/rss , seeds,,",
      POLL_MIN: "1m",
      FETCH_ARTICLE_PAGES: "never",
      SOURCE_DISABLE_AFTER: "2d",
    });
    expect(configSources(set)).toEqual(["https://a.example/rss", "seeds"]);
    expect(set.POLL_MIN).toBe(60_000);
    expect(set.SOURCE_DISABLE_AFTER).toBe(2 * 86_400_000);
  });

  it("refuses a minimum poll interval longer than the maximum", () => {
    expect(() => loadConfig({ POLL_MIN: "7h" })).toThrow(
      /POLL_MIN must not be longer than POLL_MAX/,
    );
    expect(() => loadConfig({ FETCH_ARTICLE_PAGES: "always" })).toThrow(ConfigError);
  });

  it("bounds every duration and names the variable: no 0, nothing that overflows a timer", () => {
    const problems = (env: Record<string, string>) => {
      try {
        loadConfig(env);
        return "";
      } catch (error) {
        return (error as Error).message;
      }
    };
    expect(problems({ RESCAN_INTERVAL: "30d" })).toContain(
      "RESCAN_INTERVAL must be between 1s and 1d",
    );
    expect(problems({ RESCAN_INTERVAL: "0" })).toContain("RESCAN_INTERVAL must be between");
    expect(problems({ CATCHUP_GRACE: "0s" })).toContain("CATCHUP_GRACE must be between 1s and 7d");
    expect(problems({ LEDGER_RETENTION: "10m" })).toContain(
      "LEDGER_RETENTION must be between 1h and 3650d",
    );
    expect(loadConfig({ RESCAN_INTERVAL: "24h", LEDGER_RETENTION: "90d" })).toMatchObject({
      RESCAN_INTERVAL: 24 * 3_600_000,
      LEDGER_RETENTION: 90 * 86_400_000,
    });
  });
});
