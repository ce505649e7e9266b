import { createQueries, type Queries } from "../queries/index.js";
import { createSettingsCommands, type SettingsCommands } from "./settings-commands.js";
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
export type BotBackend = Queries & SubscriptionCommands & SourceCommands & SettingsCommands;

export function createBotBackend(
  deps: SubscriptionCommandsDeps & { sources?: SourceCommands },
): BotBackend {
  return {
    ...createQueries(deps),
    ...createSubscriptionCommands(deps),
    ...createSettingsCommands(deps),
    ...(deps.sources ?? noSourceCommands),
  };
}
