import { describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.js";
import { chooseLogFormat, createLogger, loadPrettifier } from "../src/lib/index.js";

describe("log format", () => {
  it("is readable on a terminal and JSON lines when piped, unless LOG_FORMAT says otherwise", () => {
    expect(chooseLogFormat("auto", { isTTY: true })).toBe("pretty");
    expect(chooseLogFormat("auto", { isTTY: false })).toBe("json");
    expect(chooseLogFormat("auto", {})).toBe("json");
    expect(chooseLogFormat("json", { isTTY: true })).toBe("json");
    expect(chooseLogFormat("pretty", { isTTY: false })).toBe("pretty");
  });

  it("reads LOG_FORMAT from the environment (auto by default) and rejects other values", () => {
    expect(loadConfig({}).LOG_FORMAT).toBe("auto");
    expect(loadConfig({ LOG_FORMAT: "pretty" }).LOG_FORMAT).toBe("pretty");
    expect(() => loadConfig({ LOG_FORMAT: "yaml" })).toThrow(/LOG_FORMAT/);
  });

  it("writes one readable line per entry in pretty mode, still without secrets", async () => {
    const lines: string[] = [];
    const token = "123456789:AAH-secret_token_value_abcdefghij";
    const logger = createLogger({
      secrets: [token],
      destination: { write: (l: string) => lines.push(l) },
      prettify: await loadPrettifier({ colors: false }),
    });
    logger.warn({ chat: 42, url: `https://api.telegram.org/bot${token}/x` }, "send failed");
    expect(lines).toHaveLength(1);
    const line = lines[0]!;
    expect(line).toMatch(/^\[\d\d:\d\d:\d\d\.\d{3}\] WARN: send failed/);
    expect(line).toContain("chat");
    expect(line).not.toContain(token);
    expect(() => JSON.parse(line)).toThrow(); // not a JSON line
    expect(line.endsWith("\n")).toBe(true);
  });

  it("writes JSON lines when no prettifier is given", () => {
    const lines: string[] = [];
    createLogger({ destination: { write: (l: string) => lines.push(l) } }).info("hello");
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 30, msg: "hello" });
  });
});
