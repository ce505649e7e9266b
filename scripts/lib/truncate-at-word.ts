/** `text` cut to at most `max` characters without splitting a word (the baselines' budget). */
export function truncateAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return "";
  const head = text.slice(0, max);
  // A cut right before whitespace already ends on a whole word.
  if (/\s/.test(text.charAt(max))) return head.trimEnd();
  return head.replace(/\s*\S*$/, "");
}
