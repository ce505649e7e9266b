import { FormErrors, type ApiErrorBody } from "./fake-limits.js";
import { snowflake, type FakeState, type Json } from "./fake-discord-state.js";

const NAME = /^[-_'\p{L}\p{N}]{1,32}$/u;

function checkNamed(item: Json, path: Array<string | number>, errors: FormErrors): void {
  const name = typeof item.name === "string" ? item.name : "";
  if (!NAME.test(name) || name !== name.toLowerCase()) {
    errors.add([...path, "name"], "APPLICATION_COMMAND_INVALID_NAME", "Command name is invalid");
  }
  const description = typeof item.description === "string" ? item.description : "";
  if (description.length < 1 || description.length > 100) {
    errors.add(
      [...path, "description"],
      "BASE_TYPE_BAD_LENGTH",
      "Must be between 1 and 100 in length.",
    );
  }
}

/** The checks Discord makes on a bulk overwrite (PUT .../commands) that a bot is likely to trip. */
export function validateCommands(body: unknown): ApiErrorBody | null {
  const errors = new FormErrors();
  if (!Array.isArray(body)) {
    errors.add([], "BASE_TYPE_ARRAY", "Must be an array.");
    return errors.body();
  }
  const names = new Set<string>();
  (body as Json[]).forEach((command, i) => {
    checkNamed(command, [i], errors);
    if (names.has(String(command.name))) {
      errors.add(
        [i, "name"],
        "APPLICATION_COMMANDS_DUPLICATE_NAME",
        "Application command names must be unique",
      );
    }
    names.add(String(command.name));
    const options = Array.isArray(command.options) ? (command.options as Json[]) : [];
    if (options.length > 25) {
      errors.add([i, "options"], "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.");
    }
    let seenOptional = false;
    options.forEach((option, j) => {
      checkNamed(option, [i, "options", j], errors);
      if (option.required === true && seenOptional) {
        errors.add(
          [i, "options", j, "required"],
          "APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID",
          "Required options must be placed before non-required options",
        );
      }
      if (option.required !== true) seenOptional = true;
      if (option.autocomplete === true && Array.isArray(option.choices) && option.choices.length) {
        errors.add(
          [i, "options", j, "autocomplete"],
          "AUTOCOMPLETE_CHOICES_INVALID",
          "Autocomplete cannot be enabled on options with choices",
        );
      }
    });
  });
  return errors.empty ? null : errors.body();
}

/** Stores a bulk overwrite the way Discord does: ids kept for unchanged names, version bumped. */
export function overwriteCommands(state: FakeState, body: Json[], guildId: string | null): Json[] {
  const previous = guildId ? (state.commands.guild.get(guildId) ?? []) : state.commands.global;
  const stored = body.map((command) => ({
    id: (previous.find((p) => p.name === command.name)?.id as string | undefined) ?? snowflake(),
    application_id: state.applicationId,
    version: snowflake(),
    type: 1,
    default_member_permissions: null,
    nsfw: false,
    ...(guildId ? { guild_id: guildId } : {}),
    ...command,
  }));
  if (guildId) state.commands.guild.set(guildId, stored);
  else state.commands.global = stored;
  return stored;
}

/** The registered definition a user would be invoking in this guild (guild commands shadow global). */
export function findCommand(state: FakeState, name: string, guildId: string | null): Json {
  const guildCommands = guildId ? (state.commands.guild.get(guildId) ?? []) : [];
  const found = [...guildCommands, ...state.commands.global].find((c) => c.name === name);
  if (!found) throw new Error(`/${name} is not registered, so Discord would not offer it`);
  return found;
}
