/** Lines that are page furniture, not article text: the second figure `eval:web` prints. */
const FURNITURE_LINE =
  /^(?:advertisement|advertising|sponsored|share this\b|share on\b|read more\b|sign up\b|subscribe to\b|.*\bcookies?\b.*\b(?:accept|consent|use|policy)\b)/i;

export function furnitureLines(text: string): string[] {
  return text
    .split(/\n+/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0 && line.length < 200 && FURNITURE_LINE.test(line));
}
