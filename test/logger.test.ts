import { describe, expect, it } from "vitest";
import { createLogger, redactSecrets } from "../src/lib/logger.js";

describe("the logger", () => {
  it("never writes a bot token, even inside an error URL or message", () => {
    const lines: string[] = [];
    const token = "123456789:AAH-secret_token_value_abcdefghij";
    const logger = createLogger({
      secrets: [token],
      destination: { write: (l: string) => lines.push(l) },
    });
    logger.error(
      { err: new Error(`request to https://api.telegram.org/bot${token}/sendMessage failed`) },
      "send failed",
    );
    logger.info({ token }, `token is ${token}`);
    logger.warn({ headers: { authorization: "Bot some.discord.token-value-xyz" } }, "discord");
    const out = lines.join("");
    expect(out).not.toContain(token);
    expect(out).not.toContain("AAH-secret");
    expect(out).not.toContain("some.discord.token-value-xyz");
    expect(out).toContain("[redacted]");
  });

  it("redacts token shapes it was not told about", () => {
    expect(redactSecrets("https://x/bot987654321:ABCdefGHIjklMNOpqrSTUvwx/getMe")).toBe(
      "https://x/bot[redacted]/getMe",
    );
  });
});
