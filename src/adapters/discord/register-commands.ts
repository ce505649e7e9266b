import { createHash } from "node:crypto";
import {
  REST,
  Routes,
  type RESTPostAPIChatInputApplicationCommandsJSONBody as CommandJson,
} from "discord.js";
import type { Logger } from "../../lib/index.js";
import { commandDefinitions } from "./command-definitions.js";

/** Where the hash of the last registered definitions is kept (a store table, or memory). */
export interface KeyValue {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string): Promise<void>;
}

export function createMemoryKeyValue(): KeyValue {
  const map = new Map<string, string>();
  return {
    get: async (key) => map.get(key),
    set: async (key, value) => void map.set(key, value),
  };
}

export type RegisterCommandsOptions = {
  applicationId: string;
  /** Register in this guild only (changes show instantly); global otherwise (Discord propagates them). */
  guildId?: string;
  definitions?: readonly CommandJson[];
} & (
  | { rest: REST }
  /** For the `register-commands` CLI: a one-off REST client (apiRoot defaults to discord.com). */
  | { token: string; apiRoot?: string }
);

export interface RegisterResult {
  scope: "guild" | "global";
  count: number;
}

/** Bulk-overwrites the bot's commands (PUT), so removed commands disappear too. */
export async function registerCommands(options: RegisterCommandsOptions): Promise<RegisterResult> {
  const definitions = options.definitions ?? commandDefinitions;
  const route = options.guildId
    ? Routes.applicationGuildCommands(options.applicationId, options.guildId)
    : Routes.applicationCommands(options.applicationId);
  const rest =
    "rest" in options
      ? options.rest
      : new REST({ ...(options.apiRoot ? { api: options.apiRoot } : {}) }).setToken(options.token);
  const stored = (await rest.put(route, { body: definitions })) as unknown[];
  return { scope: options.guildId ? "guild" : "global", count: stored.length };
}

export function commandsHash(definitions: readonly CommandJson[]): string {
  return createHash("sha256").update(JSON.stringify(definitions)).digest("hex");
}

/**
 * Registers only when the definitions differ from the last registration recorded in `kv`.
 * A hash in our own store was chosen over GET-and-compare because Discord returns commands
 * with server-side defaults filled in, which makes a structural comparison brittle.
 * Returns the result when it registered, or null when nothing changed.
 */
export async function registerIfChanged(
  options: RegisterCommandsOptions & { kv: KeyValue; logger?: Logger },
): Promise<RegisterResult | null> {
  const definitions = options.definitions ?? commandDefinitions;
  const key = `discord.commands.${options.applicationId}.${options.guildId ?? "global"}`;
  const hash = commandsHash(definitions);
  if ((await options.kv.get(key)) === hash) {
    options.logger?.debug({ key }, "discord commands unchanged; not registering");
    return null;
  }
  const result = await registerCommands({ ...options, definitions });
  await options.kv.set(key, hash);
  options.logger?.info(result, "discord commands registered");
  return result;
}
