// C0 and C1 controls (newline, ANSI escape), DEL and the Unicode line separators.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
// A name is quoted when it could be mistaken for more than one field or line.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE_NAME = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]|: |^"|^\s|\s$|^$/;

const escapeControl = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;

/** The name as is when it is safe, else JSON-quoted with every control character escaped. */
export function quoteFileName(name: string): string {
  if (!UNSAFE_NAME.test(name)) return name;
  return JSON.stringify(name).replace(/[\u007f-\u009f\u2028\u2029]/g, escapeControl);
}

/** One `FILE: reason` line, whatever bytes the file name holds. */
export function skipLine(file: string, reason: string): string {
  return `${quoteFileName(file)}: ${reason.replace(CONTROL, escapeControl)}\n`;
}
