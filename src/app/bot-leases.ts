import type { DiscordBot } from "../adapters/discord/index.js";
import type { TelegramBotHandle } from "../adapters/telegram/index.js";
import type { Clock, Logger } from "../lib/index.js";
import type { Store } from "../store/index.js";
import { isLeaseHolderGone } from "../delivery/index.js";
import { createLeaseKeeper, type LeaseKeeper } from "./lease-keeper.js";

export interface BotLeaseDeps {
  store: Store;
  clock: Clock;
  logger: Logger;
  holder: string;
  ttlMs: number;
}

/** Lease names: one Telegram poller per bot, one connection per Discord shard. */
export const TELEGRAM_POLL_LEASE = "telegram:poll";
export const discordShardLease = (id: number) => `discord:shard:${id}`;

const keeper = (
  deps: BotLeaseDeps,
  name: string,
  work: { onAcquired(): Promise<void>; onLost(): Promise<void> },
) =>
  createLeaseKeeper({
    ...deps,
    logger: deps.logger.child({ part: "leases" }),
    name,
    isHolderGone: isLeaseHolderGone,
    ...work,
  });

/** Exactly one process long-polls Telegram (a second poller gets 409 Conflict). */
export function telegramPollLease(deps: BotLeaseDeps, telegram: TelegramBotHandle): LeaseKeeper {
  return keeper(deps, TELEGRAM_POLL_LEASE, {
    onAcquired: () => telegram.startPolling(),
    onLost: () => telegram.stopPolling(),
  });
}

/** One lease per shard: each shard is connected by exactly one process, taken over when it dies. */
export function discordShardLeases(
  deps: BotLeaseDeps,
  discord: DiscordBot,
  count: number,
): LeaseKeeper[] {
  return Array.from({ length: count }, (_, id) =>
    keeper(deps, discordShardLease(id), {
      onAcquired: () => discord.connectShard(id, count),
      onLost: () => discord.disconnectShard(id),
    }),
  );
}
