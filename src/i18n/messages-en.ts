/** English (the fallback): every message id exists here. Fluent syntax, https://projectfluent.org */
export const MESSAGES_EN = `
language-name = English
settings-title = Settings of { $chat }
settings-timezone = Time zone: { $zone } (new subscriptions use it unless they name one)
settings-timezone-unset = Time zone: not set (new subscriptions use UTC)
settings-language = Language: { $language }
settings-quiet = Quiet hours: { $window } — no digests then; they wait until { $end }
settings-quiet-off = Quiet hours: off
settings-saved = Saved.
settings-failed = Can't change settings: { $reason }
settings-unknown-language = "{ $given }" is not a language I speak; choose one of { $choices }
settings-admin-only = Only admins can change this chat's settings.
settings-usage-telegram = Change with /settings tz Europe/Berlin · /settings lang de · /settings quiet 22:00-07:00 (or off)
settings-usage-discord = Change with /settings timezone:Europe/Berlin language:de quiet:22:00-07:00 (or off)
subscribed = Subscribed{ $into }: { $what }.
for-channel = for { $channel }
subscribe-failed = Can't subscribe: { $reason }. Example: { $example }
unsubscribe-hint = Remove it with { $command }
unsubscribed = Unsubscribed: { $ids }.
unsubscribe-none = { $chat } has no subscriptions. See /subscriptions.
unsubscribe-none-id = { $chat } has no subscription { $id }. See /subscriptions.
subscriptions-title = Subscriptions of { $chat }
subscriptions-none = { $chat } has no subscriptions. Add one with /subscribe, e.g. { $example }
subscriptions-more = …and { $count } more
chat-private = This chat
chat-group = This group
chat-channel = This channel
cards = { $count ->
    [one] 1 card
   *[other] { $count } cards
}
next-run = next { $when }
next-run-none = no further run
paused = paused
only = only { $filter }
in-topic = in this topic
digest-title = Your { $time } digest
digest-title-early = Your { $time } digest, sent early
digest-early-note = The scheduled { $time } digest still brings these stories.
digest-stories = { $count ->
    [one] 1 story
   *[other] { $count } stories
}
digest-footer-telegram = Change it: /subscriptions · stop it: /unsubscribe { $id }
digest-footer-discord = Change it with /subscriptions · stop it with /unsubscribe id:{ $id }
start = Hi! I turn news articles into short fact cards: a headline, a summary and the key facts, each traceable to its source sentence.

    Try /latest for the newest cards, or /help for every command.
help-title = Commands
help-latest = /latest [N] — the N newest cards (1–10, default 3); ◀ ▶ buttons page through older ones. Example: { $example }
help-card = /card ID — one card; its ID is shown under every card. Example: { $example }
help-source = /source ID — each fact of a card with the sentence it came from. Example: { $example }
help-search = /search WORDS — cards containing all the words (whole words; "quotes" keep a phrase together), best matches first. Example: { $example }
help-subscribe = /subscribe SCHEDULE [TIMEZONE] [COUNT] [+WORD] [-WORD] — a digest of COUNT cards (1–10, default 5) on a schedule. SCHEDULE is in words (daily 08:00, weekdays 07:30, weekly mon 09:00, every 6h) or cron, five fields: minute hour day month weekday. TIMEZONE defaults to the chat's (/settings). +WORD keeps only cards that mention one of the +words, -WORD leaves out cards that mention it. format:brief shows headline and summary, format:headlines only linked headlines (default: full cards); source:N takes only source N of /sources (or source:example.com). Example: { $example }
help-subscribe-channel = /subscribe @channel SCHEDULE … — the same for a channel where you are an admin and I can post. Example: { $example }
help-subscriptions = /subscriptions [@channel] — the subscriptions of this chat (or channel), with their IDs and next run. Example: { $example }
help-unsubscribe = /unsubscribe [@channel] [ID] — remove one subscription by the ID /subscriptions shows (like { $id }), or all of them without an ID. Example: { $example }
help-settings = /settings — this chat's time zone, language and quiet hours; admins change them with /settings tz ZONE, /settings lang en|de, /settings quiet 22:00-07:00|off. Example: { $example }
help-footer = /help — this message; /start — a short introduction.

    In groups, only admins can subscribe, unsubscribe or change settings. In a forum topic, digests go to that topic.
discord-help-title = News digest bot
discord-help-intro = Fact cards distilled from news articles, on demand or on a schedule.
discord-help-latest = \`/latest [count]\` newest stories, with ◀ ▶ to page
discord-help-card = \`/card id\` one card · \`/source id\` the sentences behind its facts
discord-help-search = \`/search query\` cards containing every word (whole words; "quotes" keep a phrase), best matches first
discord-help-subscribe = \`/subscribe channel cron [timezone] [count] [include] [exclude] [format] [sources]\` post a digest on a schedule, in words (\`daily 08:00\`, \`weekdays 07:30\`, \`weekly mon 09:00\`, \`every 6h\`) or cron (\`0 8 * * *\`), optionally only cards with (or without) some words ("quotes" keep a phrase) or from some sources (numbers or hosts from \`/sources\`), e.g. cron \`daily 08:00\`, timezone \`Europe/Berlin\`, include \`budget\`
discord-help-format = \`format\`: full cards, brief (headline and summary) or headlines with links · \`/format id format\` changes it later
discord-help-digest = \`/digest [id]\` this channel's next digest right now (once a minute); the scheduled one still comes complete
discord-help-unsubscribe = \`/unsubscribe [id]\` stop one digest, or every digest of this channel
discord-help-subscriptions = \`/subscriptions\` this server's digests, each with its next run
discord-help-settings = \`/settings [timezone] [language] [quiet]\` this channel's default time zone, reply language (English, Deutsch) and quiet hours (e.g. \`22:00-07:00\`: digests wait until the window opens)
discord-help-permission = Subscribing needs the Manage Channels permission.
discord-subscriptions-title = Digests in this server
discord-subscriptions-none = None yet. A member with Manage Channels can add one with \`/subscribe\`.
discord-subscribed = Subscribed: { $what }. Remove it with \`/unsubscribe id:{ $id }\`.
discord-unsubscribed = Removed { $count ->
    [one] 1 digest
   *[other] { $count } digests
}: { $ids }.
discord-paused = paused after failures
discord-needs-manage = You need the Manage Channels permission to manage digests in this server.
`;
