import { describe, expect, it } from "vitest";
import { createPacer } from "../../src/delivery/index.js";

describe("createPacer", () => {
  it("allows at most the global rate in any one-second window", () => {
    const pacer = createPacer({ globalPerSecond: 3, concurrency: 10 });
    for (let i = 0; i < 3; i++) {
      expect(pacer.delay(`c${i}`, 0).global).toBe(0);
      pacer.record(`c${i}`, i * 10);
    }
    expect(pacer.delay("c9", 500).global).toBe(500);
    expect(pacer.delay("c9", 1_000).global).toBe(0);
  });

  it("spaces sends into one chat without holding up other chats", () => {
    const pacer = createPacer({ perChatPerSecond: 1, perGroupPerMinute: 20, concurrency: 10 });
    pacer.record("a", 0);
    expect(pacer.delay("a", 400)).toEqual({ global: 0, chat: 600 });
    expect(pacer.delay("b", 400)).toEqual({ global: 0, chat: 0 });
  });

  it("limits a chat to its per-minute budget", () => {
    const pacer = createPacer({ perGroupPerMinute: 20, concurrency: 10 });
    for (let i = 0; i < 20; i++) pacer.record("g", i * 1_000);
    expect(pacer.delay("g", 20_000).chat).toBe(40_000);
    expect(pacer.delay("g", 60_000).chat).toBe(0);
  });

  it("supports fractional rates", () => {
    const pacer = createPacer({ globalPerSecond: 0.5, concurrency: 1 });
    pacer.record("a", 0);
    expect(pacer.delay("a", 1_000).global).toBe(1_000);
  });
});

describe("restamping", () => {
  it("counts sends from when they really started, not when they were chosen", () => {
    const pacer = createPacer({ globalPerSecond: 2, perChatPerSecond: 1, concurrency: 10 });
    pacer.record("a", 0);
    pacer.record("b", 0);
    pacer.restamp(["a", "b"], 0, 40); // the claim took 40 ms to commit
    expect(pacer.delay("c", 1_000).global).toBe(40);
    expect(pacer.delay("a", 1_000).chat).toBe(40);
  });
});
