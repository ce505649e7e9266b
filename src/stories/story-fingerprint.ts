import { storyKeyFigures } from "./key-figures.js";
import type { KeyFigure, StoryDoc } from "../model/index.js";

/** FNV-1a, 32 bits, as 8 hex digits: enough to notice a change, no crypto needed. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, "0");
}

export function fingerprintOf(figures: readonly KeyFigure[]): string {
  return fnv1a(figures.map((f) => `${f.label}=${f.value}`).join("|"));
}

/** Changes exactly when the story's key figures change (a toll rising), not when a report joins. */
export function storyFingerprint(members: readonly StoryDoc[]): string {
  return fingerprintOf(storyKeyFigures(members));
}
