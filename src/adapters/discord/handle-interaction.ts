import {
  MessageFlags,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
} from "discord.js";
import { autocompleteChoices } from "./autocomplete.js";
import { runCard, runHelp, runSearch, runSource } from "./command-cards.js";
import { handlePageButton, isPageButton, runLatest } from "./command-latest.js";
import { describeError } from "./describe-error.js";
import { runSettings } from "./command-settings.js";
import { runDigest, runFormat } from "./command-digest.js";
import { runSubscribe, runSubscriptions, runUnsubscribe } from "./command-subscriptions.js";
import { SOURCE_COMMANDS } from "./command-sources.js";
import {
  deliverResult,
  refuse,
  replyError,
  type CommandContext,
  type CommandResult,
} from "./interaction-reply.js";

interface SlashCommand {
  /** Subscription management answers only the caller. */
  ephemeral: boolean;
  run(i: ChatInputCommandInteraction, ctx: CommandContext): CommandResult | Promise<CommandResult>;
}

const COMMANDS: Record<string, SlashCommand> = {
  latest: { ephemeral: false, run: runLatest },
  card: { ephemeral: false, run: runCard },
  source: { ephemeral: false, run: runSource },
  search: { ephemeral: false, run: runSearch },
  help: { ephemeral: false, run: runHelp },
  subscribe: { ephemeral: true, run: runSubscribe },
  unsubscribe: { ephemeral: true, run: runUnsubscribe },
  subscriptions: { ephemeral: true, run: runSubscriptions },
  settings: { ephemeral: true, run: runSettings },
  digest: { ephemeral: false, run: runDigest },
  format: { ephemeral: true, run: runFormat },
  ...SOURCE_COMMANDS,
};

const FAILURE = "Something went wrong on our side; please try again in a moment.";

async function runCommand(i: ChatInputCommandInteraction, ctx: CommandContext): Promise<void> {
  const command = COMMANDS[i.commandName];
  // Acknowledge before any work so Discord's 3-second deadline is never missed.
  await i.deferReply(command?.ephemeral === false ? {} : { flags: MessageFlags.Ephemeral });
  const result = command ? await command.run(i, ctx) : refuse(`Unknown command /${i.commandName}.`);
  await deliverResult(i, result);
}

async function runButton(i: ButtonInteraction, ctx: CommandContext): Promise<void> {
  if (isPageButton(i.customId)) return handlePageButton(i, ctx);
  await i.deferUpdate();
  await replyError(i, "This button is no longer supported.");
}

function describe(i: Interaction) {
  return {
    interactionId: i.id,
    type: i.type,
    command: i.isCommand() || i.isAutocomplete() ? i.commandName : undefined,
    customId: i.isMessageComponent() ? i.customId : undefined,
    guildId: i.guildId,
    channelId: i.channelId,
    userId: i.user.id,
  };
}

/**
 * The adapter's error boundary: every interaction is handled inside one try/catch, so a failure
 * answers the user (ephemerally) and is logged, and the bot goes on with the next interaction.
 */
export function createInteractionHandler(
  ctx: CommandContext & { secrets?: readonly string[] },
): (interaction: Interaction) => Promise<void> {
  const scrub = (error: unknown) => describeError(error, ctx.secrets);
  return async (interaction) => {
    try {
      if (interaction.isChatInputCommand()) await runCommand(interaction, ctx);
      else if (interaction.isAutocomplete()) {
        await interaction.respond(await autocompleteChoices(interaction, ctx.backend));
      } else if (interaction.isButton()) await runButton(interaction, ctx);
    } catch (error) {
      ctx.logger.error(
        { ...describe(interaction), error: scrub(error) },
        "discord interaction failed",
      );
      try {
        if (interaction.isAutocomplete()) {
          if (!interaction.responded) await interaction.respond([]);
        } else if (interaction.isRepliable()) {
          await replyError(interaction, FAILURE);
        }
      } catch (second) {
        ctx.logger.warn(
          { ...describe(interaction), error: scrub(second) },
          "discord: could not report a failure",
        );
      }
    }
  };
}
