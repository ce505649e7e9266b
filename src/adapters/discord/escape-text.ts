import { escapeMarkdown } from "discord.js";

/** Escapes everything Discord would render: emphasis, code, spoilers, headings, lists, masked links. */
export function escapeText(text: string): string {
  return escapeMarkdown(text, {
    heading: true,
    bulletedList: true,
    numberedList: true,
    maskedLink: true,
  });
}
