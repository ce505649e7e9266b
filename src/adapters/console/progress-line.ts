import type { Clock } from "../../lib/index.js";
import type { ProgressReport } from "../../pipeline/index.js";

export interface ProgressLine {
  report: ProgressReport;
  /** Erases the line, so what follows starts on a clean row. Idempotent. */
  clear(): void;
}

export interface ProgressLineOptions {
  stream: NodeJS.WritableStream & { isTTY?: boolean };
  clock: Clock;
  /** Nothing is drawn before this much time has passed: short runs stay silent. */
  delayMs?: number;
  /** At most one redraw per this many milliseconds. */
  intervalMs?: number;
}

const VERB = { sources: "reading", files: "reading", articles: "summarizing" } as const;
const ERASE = "\r\x1b[K";

/** "reading 120/5000 files" redrawn in place on a terminal; nothing at all when the stream is not one. */
export function createProgressLine(options: ProgressLineOptions): ProgressLine {
  const { stream, clock, delayMs = 300, intervalMs = 100 } = options;
  if (!stream.isTTY) return { report: () => {}, clear: () => {} };
  const started = clock.now().getTime();
  let last = -Infinity;
  let drawn = false;
  return {
    report({ done, total, unit }) {
      const now = clock.now().getTime();
      if (now - started < delayMs || now - last < intervalMs) return;
      last = now;
      drawn = true;
      stream.write(`${ERASE}${VERB[unit]} ${done}/${total} ${unit}…`);
    },
    clear() {
      if (drawn) stream.write(ERASE);
      drawn = false;
    },
  };
}
