import { createQueries, type Queries } from "../queries/index.js";
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
  SourceCommands & {
    /** /latest as stories for one chat; absent when the bot lists cards. */
    latestStories?: LatestStories;
  };

export function createBotBackend(
  deps: SubscriptionCommandsDeps & { sources?: SourceCommands; stories?: boolean },
): BotBackend {
  return {
    ...(deps.stories ? { latestStories: createLatestStories(deps) } : {}),
    ...createQueries(deps),
    ...createSubscriptionCommands(deps),
    ...(deps.sources ?? noSourceCommands),
  };
}
