import { createQueries, type Queries } from "../queries/index.js";
import { createSettingsCommands, type SettingsCommands } from "./settings-commands.js";
import type { ChatRef } from "../store/index.js";
import { createDigestNow, type DigestNowDeps, type DigestNowResult } from "./digest-now.js";
import { createLatestStories, type LatestStories } from "./latest-stories.js";
import { noSourceCommands, type SourceCommands } from "./source-commands.js";
import {
  createSubscriptionCommands,
  type SubscriptionCommands,
  type SubscriptionCommandsDeps,
} from "./subscription-commands.js";

export type { SubscribeResult } from "./subscription-commands.js";

/**
 * Everything a chat command needs, platform-neutral: the shared read side plus the subscription
 * and source commands. Adapters translate commands into these calls and render the results.
 */
export type BotBackend = Queries &
  SubscriptionCommands &
  SourceCommands &
  SettingsCommands &
  DigestCommands & {
    /** /latest as stories for one chat; absent when the bot lists cards. */
    latestStories?: LatestStories;
  };

export interface DigestCommands {
  /** /digest: this chat's next digest (or subscription `id`'s) as it would go out now. */
  digestNow(chat: ChatRef, id?: string): Promise<DigestNowResult>;
}

export function createBotBackend(
  deps: SubscriptionCommandsDeps & DigestNowDeps & { sources?: SourceCommands; stories?: boolean },
): BotBackend {
  return {
    ...(deps.stories ? { latestStories: createLatestStories(deps) } : {}),
    ...createQueries(deps),
    ...createSubscriptionCommands(deps),
    ...createSettingsCommands(deps),
    digestNow: createDigestNow(deps),
    ...(deps.sources ?? noSourceCommands),
  };
}
