import type { FigureDisagreement, StoryCards } from "../../model/index.js";
import { plainStyle, renderCardText, type TextStyle } from "./render-text.js";

/** "12 dead (Reuters); 15 (AP)": the label once, after the first value. */
export function renderDisagreement(disagreement: FigureDisagreement): string {
  return disagreement.values
    .map((r, i) => `${r.value}${i === 0 ? ` ${disagreement.label}` : ""} (${r.publisher})`)
    .join("; ");
}

/** One story: its best card, who reported it, and the figures its reports disagree on. */
export function renderStoryText(story: StoryCards, style: TextStyle = plainStyle): string {
  const [best] = story.cards;
  const n = story.sources.length;
  return [
    ...(best ? [renderCardText(best, style)] : []),
    style.bold(`reported by ${n} source${n === 1 ? "" : "s"}: ${story.sources.join(", ")}`),
    ...story.disagreements.map((d) => `reports differ: ${renderDisagreement(d)}`),
  ].join("\n");
}

export function renderStoriesText(
  stories: readonly StoryCards[],
  style: TextStyle = plainStyle,
): string {
  if (stories.length === 0) return "No stories.";
  return stories.map((s) => renderStoryText(s, style)).join(`\n\n${style.dim("═".repeat(60))}\n\n`);
}
