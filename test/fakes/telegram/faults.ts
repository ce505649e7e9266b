import { ApiError } from "./api-error.js";

/** What the fake does instead of answering: an error envelope, a destroyed socket, or no answer at all. */
export type Fault =
  | { kind: "error"; error: ApiError }
  | { kind: "drop" }
  | { kind: "hang" }
  /** Answers normally, but only after `ms` (a slow network or a slow Telegram). */
  | { kind: "delay"; ms: number }
  /** A body that is not a Bot API envelope, as reverse proxies send (HTML error pages, `{}`). */
  | { kind: "raw"; status: number; contentType: string; body: string };

export interface FaultRule {
  /** Bot API method, e.g. "sendMessage"; omitted = every method. */
  method?: string;
  /** Matches the request's chat_id (number, numeric string or @username). */
  chatId?: number | string;
  /** How many requests to fail; default 1, `Infinity` for all. */
  times?: number;
  fault: Fault;
}

const error = (code: number, description: string, parameters?: ApiError["parameters"]): Fault => ({
  kind: "error",
  error: new ApiError(code, description, parameters),
});

/** The failures real Telegram produces, with its exact descriptions. */
export const faults = {
  rateLimited: (retryAfter: number) =>
    error(429, `Too Many Requests: retry after ${retryAfter}`, { retry_after: retryAfter }),
  blocked: () => error(403, "Forbidden: bot was blocked by the user"),
  kicked: () => error(403, "Forbidden: bot was kicked from the group chat"),
  deactivated: () => error(403, "Forbidden: user is deactivated"),
  chatNotFound: () => error(400, "Bad Request: chat not found"),
  migrated: (newChatId: number) =>
    error(400, "Bad Request: group chat was upgraded to a supergroup chat", {
      migrate_to_chat_id: newChatId,
    }),
  serverError: (code = 500) => error(code, code === 502 ? "Bad Gateway" : "Internal Server Error"),
  unauthorized: () => error(401, "Unauthorized"),
  conflict: () =>
    error(
      409,
      "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running",
    ),
  drop: (): Fault => ({ kind: "drop" }),
  /** nginx in front of the Bot API: its own HTML error page. */
  proxyErrorPage: (status = 502): Fault => ({
    kind: "raw",
    status,
    contentType: "text/html",
    body: `<html><head><title>${status} Bad Gateway</title></head><body><center><h1>${status} Bad Gateway</h1></center></body></html>`,
  }),
  /** A proxy answering JSON that is not a Bot API envelope. */
  bareJson: (status = 502, body = "{}"): Fault => ({
    kind: "raw",
    status,
    contentType: "application/json",
    body,
  }),
  hang: (): Fault => ({ kind: "hang" }),
  delay: (ms: number): Fault => ({ kind: "delay", ms }),
};

/** Rules are consumed in the order they were added; a rule with `times` left 0 is gone. */
export function createFaultRules() {
  const rules: Array<FaultRule & { left: number }> = [];
  return {
    add(rule: FaultRule): void {
      rules.push({ ...rule, left: rule.times ?? 1 });
    },
    clear(): void {
      rules.length = 0;
    },
    take(method: string, chatId: unknown): Fault | undefined {
      const rule = rules.find(
        (r) =>
          r.left > 0 &&
          (r.method === undefined || r.method === method) &&
          (r.chatId === undefined || String(r.chatId) === String(chatId)),
      );
      if (!rule) return undefined;
      rule.left -= 1;
      return rule.fault;
    },
  };
}
