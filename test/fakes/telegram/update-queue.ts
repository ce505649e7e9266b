import type { Update, WebhookInfo } from "grammy/types";
import { ApiError, badRequest } from "./api-error.js";

export type NewUpdate = Omit<Update, "update_id">;

interface Webhook {
  url: string;
  secretToken?: string;
  lastErrorDate?: number;
  lastErrorMessage?: string;
}

interface Waiter {
  wake(): void;
  fail(error: ApiError): void;
}

const conflict = (what: string) => new ApiError(409, `Conflict: ${what}`);

/** Pending updates, served by long polling (`getUpdates`) or pushed to a webhook, never both. */
export function createUpdateQueue() {
  let nextId = 1;
  const pending: Update[] = [];
  const timers = new Set<NodeJS.Timeout>();
  let waiter: Waiter | undefined;
  let webhook: Webhook | undefined;
  let delivering = false;
  let closed = false;

  const later = (ms: number, fn: () => void) => {
    const t = setTimeout(() => {
      timers.delete(t);
      fn();
    }, ms);
    timers.add(t);
    return t;
  };

  const deliver = async (): Promise<void> => {
    if (delivering || closed) return;
    delivering = true;
    try {
      while (webhook && pending.length > 0 && !closed) {
        const hook = webhook;
        const update = pending[0]!;
        const error = await post(hook, update);
        if (error === undefined) {
          pending.shift();
          continue;
        }
        hook.lastErrorDate = Math.floor(Date.now() / 1000);
        hook.lastErrorMessage = error;
        // Telegram retries a failed delivery later; a short delay keeps tests quick.
        later(100, () => void deliver());
        return;
      }
    } finally {
      delivering = false;
    }
  };

  return {
    push(update: NewUpdate): Update {
      const full = { update_id: nextId++, ...update } as Update;
      pending.push(full);
      waiter?.wake();
      void deliver();
      return full;
    },

    pendingCount: () => pending.length,

    async getUpdates(
      options: { offset?: number; limit?: number; timeout?: number },
      signal: AbortSignal,
    ): Promise<Update[]> {
      if (webhook) {
        throw conflict(
          "can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
        );
      }
      const { offset, limit = 100, timeout = 0 } = options;
      if (offset !== undefined && offset > 0) {
        while (pending.length > 0 && pending[0]!.update_id < offset) pending.shift();
      } else if (offset !== undefined && offset < 0) {
        pending.splice(0, Math.max(0, pending.length + offset));
      }
      // A newer getUpdates ends the one still waiting, as on the real server.
      waiter?.fail(
        conflict(
          "terminated by other getUpdates request; make sure that only one bot instance is running",
        ),
      );
      if (pending.length === 0 && timeout > 0 && !closed) {
        await new Promise<void>((resolve, reject) => {
          const done = () => {
            clearTimeout(timer);
            signal.removeEventListener("abort", done);
            if (waiter === self) waiter = undefined;
          };
          const self: Waiter = {
            wake: () => (done(), resolve()),
            fail: (error) => (done(), reject(error)),
          };
          const timer = later(timeout * 1000, self.wake);
          waiter = self;
          if (signal.aborted) self.wake();
          else signal.addEventListener("abort", self.wake);
        });
      }
      return pending.slice(0, Math.min(Math.max(limit, 1), 100));
    },

    setWebhook(url: string, secretToken: string | undefined, dropPending: boolean): void {
      if (url === "") {
        webhook = undefined;
        return;
      }
      if (secretToken !== undefined && !/^[A-Za-z0-9_-]{1,256}$/.test(secretToken)) {
        throw badRequest("secret token contains unallowed characters");
      }
      if (dropPending) pending.length = 0;
      webhook = { url, secretToken };
      waiter?.fail(conflict("terminated by setWebhook request"));
      void deliver();
    },

    deleteWebhook(dropPending: boolean): void {
      webhook = undefined;
      if (dropPending) pending.length = 0;
    },

    webhookInfo(): WebhookInfo {
      return {
        url: webhook?.url ?? "",
        has_custom_certificate: false,
        pending_update_count: pending.length,
        ...(webhook?.lastErrorDate !== undefined
          ? { last_error_date: webhook.lastErrorDate, last_error_message: webhook.lastErrorMessage }
          : {}),
      };
    },

    close(): void {
      closed = true;
      waiter?.wake();
      for (const t of timers) clearTimeout(t);
      timers.clear();
    },
  };
}

export type UpdateQueue = ReturnType<typeof createUpdateQueue>;

async function post(hook: Webhook, update: Update): Promise<string | undefined> {
  try {
    const res = await fetch(hook.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...(hook.secretToken ? { "x-telegram-bot-api-secret-token": hook.secretToken } : {}),
      },
      body: JSON.stringify(update),
    });
    await res.arrayBuffer();
    return res.ok ? undefined : `Wrong response from the webhook: ${res.status} ${res.statusText}`;
  } catch (error) {
    return `Connection failed: ${(error as Error).message}`;
  }
}
