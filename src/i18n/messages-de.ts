/** German. A message missing here falls back to English. */
export const MESSAGES_DE = `
language-name = Deutsch
settings-title = Einstellungen von { $chat }
settings-timezone = Zeitzone: { $zone } (neue Abos nutzen sie, wenn sie keine eigene nennen)
settings-timezone-unset = Zeitzone: nicht gesetzt (neue Abos nutzen UTC)
settings-language = Sprache: { $language }
settings-quiet = Ruhezeit: { $window } — dann keine Digests; sie warten bis { $end }
settings-quiet-off = Ruhezeit: aus
settings-saved = Gespeichert.
settings-failed = Einstellung nicht geändert: { $reason }
settings-unknown-language = „{ $given }“ spreche ich nicht; wähle eine von { $choices }
settings-admin-only = Nur Admins können die Einstellungen dieses Chats ändern.
settings-usage-telegram = Ändern mit /settings tz Europe/Berlin · /settings lang en · /settings quiet 22:00-07:00 (oder off)
settings-usage-discord = Ändern mit /settings timezone:Europe/Berlin language:en quiet:22:00-07:00 (oder off)
subscribed = Abonniert{ $into }: { $what }.
for-channel = für { $channel }
subscribe-failed = Abo nicht möglich: { $reason }. Beispiel: { $example }
unsubscribe-hint = Entfernen mit { $command }
unsubscribed = Abbestellt: { $ids }.
unsubscribe-none = { $chat } hat keine Abos. Siehe /subscriptions.
unsubscribe-none-id = { $chat } hat kein Abo { $id }. Siehe /subscriptions.
subscriptions-title = Abos von { $chat }
subscriptions-none = { $chat } hat keine Abos. Lege eines mit /subscribe an, z. B. { $example }
subscriptions-more = …und { $count } weitere
chat-private = Dieser Chat
chat-group = Diese Gruppe
chat-channel = Dieser Kanal
cards = { $count ->
    [one] 1 Karte
   *[other] { $count } Karten
}
next-run = nächstes { $when }
next-run-none = kein weiterer Termin
paused = pausiert
only = nur { $filter }
in-topic = in diesem Thema
digest-title = Dein Digest um { $time }
digest-title-early = Dein Digest um { $time }, vorab gesendet
digest-early-note = Der geplante Digest um { $time } bringt diese Meldungen trotzdem.
digest-stories = { $count ->
    [one] 1 Meldung
   *[other] { $count } Meldungen
}
digest-footer-telegram = Ändern: /subscriptions · beenden: /unsubscribe { $id }
digest-footer-discord = Ändern mit /subscriptions · beenden mit /unsubscribe id:{ $id }
start = Hallo! Ich mache aus Nachrichtenartikeln kurze Faktenkarten: Schlagzeile, Zusammenfassung und die wichtigsten Fakten, jeder mit seinem Quellsatz.

    Probiere /latest für die neuesten Karten oder /help für alle Befehle.
help-title = Befehle
help-latest = /latest [N] — die N neuesten Karten (1–10, Standard 3); mit ◀ ▶ blätterst du zu älteren. Beispiel: { $example }
help-card = /card ID — eine Karte; ihre ID steht unter jeder Karte. Beispiel: { $example }
help-source = /source ID — jeder Fakt einer Karte mit dem Satz, aus dem er stammt. Beispiel: { $example }
help-search = /search WÖRTER — Karten mit allen Wörtern (ganze Wörter; "Anführungszeichen" halten eine Wendung zusammen), beste Treffer zuerst. Beispiel: { $example }
help-subscribe = /subscribe ZEITPLAN [ZEITZONE] [ANZAHL] [+WORT] [-WORT] — ein Digest mit ANZAHL Karten (1–10, Standard 5) nach Zeitplan. ZEITPLAN in Worten (daily 08:00, weekdays 07:30, weekly mon 09:00, every 6h) oder als Cron mit fünf Feldern: Minute Stunde Tag Monat Wochentag. ZEITZONE ist sonst die des Chats (/settings). +WORT behält nur Karten, die eines der +Wörter nennen, -WORT lässt Karten weg, die es nennen. format:brief zeigt Überschrift und Zusammenfassung, format:headlines nur verlinkte Überschriften (Standard: ganze Karten); source:N nimmt nur Quelle N aus /sources (oder source:example.com). Beispiel: { $example }
help-subscribe-channel = /subscribe @kanal ZEITPLAN … — dasselbe für einen Kanal, in dem du Admin bist und ich posten darf. Beispiel: { $example }
help-subscriptions = /subscriptions [@kanal] — die Abos dieses Chats (oder Kanals) mit IDs und nächstem Termin. Beispiel: { $example }
help-unsubscribe = /unsubscribe [@kanal] [ID] — ein Abo über die ID aus /subscriptions entfernen (etwa { $id }), ohne ID alle. Beispiel: { $example }
help-settings = /settings — Zeitzone, Sprache und Ruhezeit dieses Chats; Admins ändern sie mit /settings tz ZONE, /settings lang en|de, /settings quiet 22:00-07:00|off. Beispiel: { $example }
help-footer = /help — diese Nachricht; /start — eine kurze Einführung.

    In Gruppen können nur Admins abonnieren, abbestellen oder Einstellungen ändern. In einem Forum-Thema kommen Digests in dieses Thema.
discord-help-title = News-Digest-Bot
discord-help-intro = Faktenkarten aus Nachrichtenartikeln, auf Abruf oder nach Zeitplan.
discord-help-latest = \`/latest [count]\` die neuesten Meldungen, mit ◀ ▶ zum Blättern
discord-help-card = \`/card id\` eine Karte · \`/source id\` die Sätze hinter ihren Fakten
discord-help-search = \`/search query\` Karten, die jedes Wort enthalten (ganze Wörter; "Anführungszeichen" halten eine Wortgruppe zusammen), beste Treffer zuerst
discord-help-subscribe = \`/subscribe channel cron [timezone] [count] [include] [exclude] [format] [sources]\` ein Digest nach Zeitplan, in Worten (\`daily 08:00\`, \`weekdays 07:30\`, \`weekly mon 09:00\`, \`every 6h\`) oder als Cron (\`0 8 * * *\`), wahlweise nur Karten mit (oder ohne) bestimmte Wörter ("Anführungszeichen" halten eine Wortgruppe zusammen) oder aus bestimmten Quellen (Nummern oder Hosts aus \`/sources\`), z. B. cron \`daily 08:00\`, timezone \`Europe/Berlin\`, include \`budget\`
discord-help-format = \`format\`: ganze Karten (full), Überschrift und Zusammenfassung (brief) oder verlinkte Überschriften (headlines) · \`/format id format\` ändert es später
discord-help-digest = \`/digest [id]\` der nächste Digest dieses Kanals sofort (einmal pro Minute); der geplante kommt trotzdem vollständig
discord-help-unsubscribe = \`/unsubscribe [id]\` einen Digest beenden, oder alle dieses Kanals
discord-help-subscriptions = \`/subscriptions\` die Digests dieses Servers, jeweils mit nächstem Termin
discord-help-settings = \`/settings [timezone] [language] [quiet]\` Standard-Zeitzone, Antwortsprache (English, Deutsch) und Ruhezeit dieses Kanals (z. B. \`22:00-07:00\`: Digests warten, bis das Fenster endet)
discord-help-permission = Zum Abonnieren braucht es die Berechtigung „Kanäle verwalten“.
discord-subscriptions-title = Digests auf diesem Server
discord-subscriptions-none = Noch keine. Ein Mitglied mit „Kanäle verwalten“ kann mit \`/subscribe\` einen anlegen.
discord-subscribed = Abonniert: { $what }. Entfernen mit \`/unsubscribe id:{ $id }\`.
discord-unsubscribed = { $count ->
    [one] 1 Digest
   *[other] { $count } Digests
} entfernt: { $ids }.
discord-paused = nach Fehlern pausiert
discord-needs-manage = Um Digests auf diesem Server zu verwalten, brauchst du die Berechtigung „Kanäle verwalten“.
`;
