import type { FactCard } from "../../model/index.js";

export interface TextStyle {
  bold(s: string): string;
  dim(s: string): string;
}

export const plainStyle: TextStyle = { bold: (s) => s, dim: (s) => s };
export const ansiStyle: TextStyle = {
  bold: (s) => `\u001b[1m${s}\u001b[22m`,
  dim: (s) => `\u001b[2m${s}\u001b[22m`,
};

/** One card as terminal text: headline, date and place, summary, numbered-free bullet facts, source. */
export function renderCardText(card: FactCard, style: TextStyle = plainStyle): string {
  const meta = [card.date ?? "undated", card.place].filter(Boolean).join(" · ");
  return [
    style.bold(card.title),
    style.dim(meta),
    "",
    card.summary,
    "",
    ...card.facts.map((f) => `  • ${f.text}`),
    "",
    style.dim(
      `source: ${card.source} · id ${card.id}${card.tags.length ? ` · ${card.tags.map((t) => `#${t}`).join(" ")}` : ""}`,
    ),
  ].join("\n");
}

export function renderDigestText(
  cards: readonly FactCard[],
  style: TextStyle = plainStyle,
): string {
  if (cards.length === 0) return "No cards.";
  return cards.map((c) => renderCardText(c, style)).join(`\n\n${style.dim("─".repeat(60))}\n\n`);
}
