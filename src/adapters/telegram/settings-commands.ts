import { Composer, type Context } from "grammy";
import { formatQuietHours, type BotBackend, type SettingsInput } from "../../delivery/index.js";
import { translator, type Translate } from "../../i18n/index.js";
import type { ChatSettings } from "../../model/index.js";
import { chatLanguage } from "./chat-language.js";
import { canManageChat, checkChannel } from "./check-permission.js";
import { isChannelRef } from "./parse-command-args.js";
import { echoHtml, escapeHtml } from "./escape-html.js";
import { replyHtml } from "./reply-html.js";

/** `tz Europe/Berlin`, `lang de`, `quiet 22:00-07:00`: the setting named first, its value after. */
const KEYS: Record<string, keyof SettingsInput> = {
  tz: "timezone",
  zone: "timezone",
  timezone: "timezone",
  zeitzone: "timezone",
  lang: "language",
  language: "language",
  sprache: "language",
  quiet: "quiet",
  ruhezeit: "quiet",
};

export function renderSettingsHtml(
  settings: ChatSettings | undefined,
  chatName: string,
  t: Translate,
): string {
  const quiet = settings?.quietHours;
  const language = translator(settings?.language ?? "en")("language-name");
  return [
    `<b>${escapeHtml(t("settings-title", { chat: chatName }))}</b>`,
    escapeHtml(
      settings?.timezone
        ? t("settings-timezone", { zone: settings.timezone })
        : t("settings-timezone-unset"),
    ),
    escapeHtml(t("settings-language", { language })),
    escapeHtml(
      quiet
        ? t("settings-quiet", { window: formatQuietHours(quiet), end: quiet.end })
        : t("settings-quiet-off"),
    ),
    `<i>${escapeHtml(t("settings-usage-telegram"))}</i>`,
  ].join("\n");
}

/** /settings shows this chat's settings; /settings tz|lang|quiet VALUE changes one (admins). */
export function settingsCommands(backend: BotBackend): Composer<Context> {
  const composer = new Composer<Context>();
  composer.command("settings", async (ctx) => {
    const { t } = await chatLanguage(ctx, backend);
    const args = ctx.match.trim().split(/\s+/).filter(Boolean);
    let chat = { platform: "telegram" as const, chatId: String(ctx.chat?.id) };
    let chatName = t(ctx.chat?.type === "private" ? "chat-private" : "chat-group");
    // `/settings @channel …`: a channel's digests follow the channel's settings; its admins only.
    if (isChannelRef(args[0])) {
      const channel = args.shift()!;
      const check = await checkChannel(ctx, channel, false);
      if (!check.ok) return void (await replyHtml(ctx, check.reason));
      chat = { platform: "telegram", chatId: String(check.chatId) };
      chatName = channel;
    }
    const channelChosen = chat.chatId !== String(ctx.chat?.id);
    const [word, ...rest] = args;
    if (word === undefined) {
      return void (await replyHtml(
        ctx,
        renderSettingsHtml(await backend.chatSettings(chat), chatName, t),
      ));
    }
    const key = KEYS[word.toLowerCase()];
    if (key === undefined || rest.length === 0) {
      return void (await replyHtml(
        ctx,
        `${escapeHtml(t("settings-failed", { reason: `"${word.slice(0, 20)}"?` }))}\n${escapeHtml(t("settings-usage-telegram"))}`,
      ));
    }
    const permission = channelChosen ? { ok: true } : await canManageChat(ctx);
    if (!permission.ok) return void (await replyHtml(ctx, escapeHtml(t("settings-admin-only"))));
    const result = await backend.changeSettings(chat, { [key]: rest.join(" ") });
    if (!result.ok) {
      return void (await replyHtml(ctx, echoHtml(t("settings-failed", { reason: result.error }))));
    }
    // A new language answers in itself at once.
    const after = translator(result.settings.language ?? "en");
    const now = result.settings.language ? after : t;
    await replyHtml(
      ctx,
      `${escapeHtml(now("settings-saved"))}\n${renderSettingsHtml(result.settings, channelChosen ? chatName : now(ctx.chat?.type === "private" ? "chat-private" : "chat-group"), now)}`,
    );
  });
  return composer;
}
