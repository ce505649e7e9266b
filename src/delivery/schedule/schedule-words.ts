/**
 * Schedules in words beside cron: "daily 08:00", "weekdays 07:30", "weekends 10:00",
 * "weekly mon 09:00", "every 6h", "every 30m", "hourly". Words are parsed to a 5-field cron
 * (what is stored and scheduled) and stored crons of these shapes are shown back in words.
 */
export type WordsResult = { ok: true; cron: string } | { ok: false; error: string };

const DAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] as const;
const DAY_WORDS: Record<string, number> = Object.fromEntries(
  ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"].flatMap(
    (name, i) => [
      [name, i],
      [name.slice(0, 3), i],
    ],
  ),
);
const HOUR_STEPS = [1, 2, 3, 4, 6, 8, 12];
const MINUTE_STEPS = [5, 10, 15, 20, 30];
const EXAMPLES = `e.g. "daily 08:00", "weekdays 07:30", "weekly mon 09:00", "every 6h" or five cron fields such as "0 8 * * *"`;
/** First words that make the rest a schedule in words (anything else is read as cron). */
const STARTS = new Set(["daily", "weekdays", "weekends", "weekly", "every", "hourly"]);

const pad = (n: number) => String(n).padStart(2, "0");

/** "8:00", "08:00", "8am", "8:30pm", "20.15" -> hour and minute. */
function parseTime(word: string | undefined): { hour: number; minute: number } | undefined {
  const m = /^(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm)?$/i.exec(word ?? "");
  if (!m || (m[2] === undefined && m[3] === undefined)) return undefined;
  let hour = Number(m[1]);
  const minute = Number(m[2] ?? 0);
  const half = m[3]?.toLowerCase();
  if (half !== undefined) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (half === "pm" ? 12 : 0);
  }
  return hour <= 23 && minute <= 59 ? { hour, minute } : undefined;
}

const timeProblem = (word: string | undefined) =>
  word === undefined
    ? `the time is missing; ${EXAMPLES}`
    : `"${word.slice(0, 20)}" is not a time of day; write it as HH:MM, e.g. 08:00 or 18:30`;

/** How many leading words of `args` are a schedule in words (0: none, read them as cron). */
export function scheduleWordCount(args: readonly string[]): number {
  const first = args[0]?.toLowerCase();
  if (first === undefined || !STARTS.has(first)) return 0;
  if (first === "hourly") return 1;
  if (first === "weekly") return Math.min(3, args.length);
  // "every 6h" or "every 6 hours"
  if (first === "every" && /^\d+$/.test(args[1] ?? "") && /^[a-z]/i.test(args[2] ?? "")) return 3;
  return Math.min(2, args.length);
}

/** Is `text` meant as words (then `scheduleFromWords` decides), rather than cron? */
export function looksLikeWords(text: string): boolean {
  return STARTS.has(text.trim().split(/\s+/)[0]?.toLowerCase() ?? "");
}

function every(amount: number, unit: string): WordsResult {
  if (/^(h|hr|hrs|hour|hours)$/.test(unit)) {
    if (amount === 24) return { ok: true, cron: "0 0 * * *" };
    if (!HOUR_STEPS.includes(amount)) {
      return {
        ok: false,
        error: `every ${amount}h does not divide a day evenly; use ${HOUR_STEPS.join(", ")} or 24 hours`,
      };
    }
    return { ok: true, cron: amount === 1 ? "0 * * * *" : `0 */${amount} * * *` };
  }
  if (/^(m|min|mins|minute|minutes)$/.test(unit)) {
    if (!MINUTE_STEPS.includes(amount)) {
      return {
        ok: false,
        error: `every ${amount}m does not divide an hour evenly; use ${MINUTE_STEPS.join(", ")} minutes`,
      };
    }
    return { ok: true, cron: `*/${amount} * * * *` };
  }
  return { ok: false, error: `"${unit.slice(0, 20)}" is not a unit; use h or m, e.g. "every 6h"` };
}

/** Words to cron; an error names what is wrong and shows examples. */
export function scheduleFromWords(text: string): WordsResult {
  const words = text.trim().toLowerCase().split(/\s+/);
  const [first, second, third] = words;
  const expected = scheduleWordCount(words);
  if (expected === 0 || words.length > Math.max(expected, 1)) {
    return { ok: false, error: `"${text.trim().slice(0, 40)}" is not a schedule; ${EXAMPLES}` };
  }
  if (first === "hourly") return { ok: true, cron: "0 * * * *" };
  if (first === "every") {
    const m = /^(\d+)\s*([a-z]*)$/.exec(`${second ?? ""}${third ?? ""}`);
    if (!m || m[2] === "") return { ok: false, error: `how often? ${EXAMPLES}` };
    return every(Number(m[1]), m[2]!);
  }
  if (first === "weekly") {
    const day = DAY_WORDS[second ?? ""];
    if (day === undefined) {
      return {
        ok: false,
        error: `"weekly" needs a day and a time, e.g. "weekly mon 09:00" (days: ${DAYS.join(", ")})`,
      };
    }
    const time = parseTime(third);
    if (!time) return { ok: false, error: timeProblem(third) };
    return { ok: true, cron: `${time.minute} ${time.hour} * * ${day}` };
  }
  const time = parseTime(second);
  if (!time) return { ok: false, error: timeProblem(second) };
  const days = first === "weekdays" ? "1-5" : first === "weekends" ? "0,6" : "*";
  return { ok: true, cron: `${time.minute} ${time.hour} * * ${days}` };
}

/** A stored cron in words when it has one of the shapes above ("daily 08:00"); else undefined. */
export function describeCron(cron: string): string | undefined {
  const f = cron.trim().split(/\s+/);
  if (f.length !== 5 || f[2] !== "*" || f[3] !== "*") return undefined;
  const [minute, hour, , , weekday] = f as [string, string, string, string, string];
  if (minute === "0" && weekday === "*") {
    if (hour === "*") return "hourly";
    const step = /^\*\/(\d+)$/.exec(hour);
    if (step) return `every ${step[1]}h`;
  }
  const minuteStep = /^\*\/(\d+)$/.exec(minute);
  if (minuteStep && hour === "*" && weekday === "*") return `every ${minuteStep[1]}m`;
  if (!/^\d+$/.test(minute) || !/^\d+$/.test(hour)) return undefined;
  const at = `${pad(Number(hour))}:${pad(Number(minute))}`;
  if (Number(hour) > 23 || Number(minute) > 59) return undefined;
  if (weekday === "*") return `daily ${at}`;
  if (weekday === "1-5") return `weekdays ${at}`;
  if (weekday === "0,6" || weekday === "6,0") return `weekends ${at}`;
  if (/^[0-7]$/.test(weekday)) return `weekly ${DAYS[Number(weekday) % 7]} ${at}`;
  return undefined;
}
