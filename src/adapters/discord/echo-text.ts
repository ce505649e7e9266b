import { escapeText } from "./render-discord.js";

/** Most characters of user input a reply repeats: a long paste must not push a reply past 2000. */
export const ECHO_MAX_CHARS = 100;

/** User input to repeat in a reply, clipped to `ECHO_MAX_CHARS` with "…" (for `refuse`, which escapes). */
export function clipInput(text: string): string {
  const trimmed = text.trim();
  const chars = [...trimmed];
  return chars.length > ECHO_MAX_CHARS
    ? `${chars.slice(0, ECHO_MAX_CHARS - 1).join("")}…`
    : trimmed;
}

/** Clipped user input, escaped for message content. */
export const echoText = (text: string): string => escapeText(clipInput(text));
