import { markdownTable, percent } from "./markdown-table.js";
import type { CardCheck } from "./messy-metrics.js";

export interface MessyFigures {
  articles: number;
  cards: number;
  factsFound: number;
  factsTotal: number;
  factsShown: number;
  factsLosingNumbers: number;
  badCuts: number;
  furniture: number;
  titles: [ok: number, of: number];
  dates: [ok: number, of: number];
  places: [ok: number, of: number];
  titleEllipses: number;
  unfaithful: number;
}

function tally(checks: readonly CardCheck[], pick: (c: CardCheck) => boolean | null) {
  const judged = checks.map(pick).filter((v): v is boolean => v !== null);
  return [judged.filter(Boolean).length, judged.length] as [number, number];
}

export function aggregateChecks(checks: readonly CardCheck[]): MessyFigures {
  const sum = (f: (c: CardCheck) => number) => checks.reduce((n, c) => n + f(c), 0);
  return {
    articles: checks.length,
    cards: checks.filter((c) => c.card).length,
    factsFound: sum((c) => c.factsFound),
    factsTotal: sum((c) => c.factsTotal),
    factsShown: sum((c) => c.card?.facts.length ?? 0),
    factsLosingNumbers: sum((c) => c.factsLosingNumbers),
    badCuts: sum((c) => c.badCuts),
    furniture: sum((c) => c.furniture.length),
    titles: tally(checks, (c) => c.titleOk),
    dates: tally(checks, (c) => c.dateOk),
    places: tally(checks, (c) => c.placeOk),
    titleEllipses: checks.filter((c) => c.titleEllipsis).length,
    unfaithful: checks.filter((c) => c.violations.length > 0).length,
  };
}

const share = ([ok, of]: [number, number]) =>
  of === 0 ? "n/a" : `${percent(ok, of)} (${ok}/${of})`;

export type MessyMetric =
  | "cards"
  | "recall"
  | "numbersLost"
  | "badCuts"
  | "furniture"
  | "headline"
  | "headlineEllipses"
  | "date"
  | "place"
  | "unfaithful";

/** The table's rows in order: a key (for figures recorded elsewhere), a label and the cell. */
export const MESSY_ROWS: ReadonlyArray<[MessyMetric, string, (f: MessyFigures) => string]> = [
  ["cards", "cards / articles", (f) => `${f.cards}/${f.articles}`],
  ["recall", "gold fact recall", (f) => share([f.factsFound, f.factsTotal])],
  [
    "numbersLost",
    "facts losing a number of their sentence",
    (f) => share([f.factsLosingNumbers, f.factsShown]),
  ],
  ["badCuts", "bad cuts (… drops a number or negation)", (f) => String(f.badCuts)],
  ["furniture", "furniture strings in cards", (f) => String(f.furniture)],
  ["headline", "headline accuracy", (f) => share(f.titles)],
  ["headlineEllipses", "headlines ending in …", (f) => String(f.titleEllipses)],
  ["date", "date accuracy", (f) => share(f.dates)],
  ["place", "place accuracy", (f) => share(f.places)],
  ["unfaithful", "unfaithful cards", (f) => String(f.unfaithful)],
];

/** One column per set, one row per metric: paste two runs side by side for before/after. */
export function renderMessyTable(
  sets: ReadonlyArray<{ label: string; figures: MessyFigures }>,
): string {
  return markdownTable(
    ["metric", ...sets.map((s) => s.label)],
    MESSY_ROWS.map(([, name, cell]) => [name, ...sets.map((s) => cell(s.figures))]),
    ["left", ...sets.map(() => "right" as const)],
  );
}

/** Per-article problems, one line each, for finding what to fix next. */
export function renderProblems(checks: readonly CardCheck[]): string {
  const lines: string[] = [];
  for (const c of checks) {
    const issues: string[] = [];
    if (c.error) issues.push(`no card: ${c.error}`);
    if (c.missedFacts.length)
      issues.push(`missed ${c.missedFacts.map((m) => `"${m}"`).join(", ")}`);
    if (c.factsLosingNumbers) issues.push(`${c.factsLosingNumbers} fact(s) lose numbers`);
    if (c.badCuts) issues.push(`${c.badCuts} bad cut(s)`);
    for (const f of c.furniture) issues.push(`furniture ${f}`);
    if (c.titleOk === false || c.titleEllipsis) issues.push(`title "${c.card?.title ?? ""}"`);
    if (c.dateOk === false) issues.push(`date ${c.card?.date ?? "null"}`);
    for (const v of c.violations) issues.push(`unfaithful: ${v}`);
    if (c.placeOk === false) issues.push(`place ${c.card?.place ?? "null"}`);
    if (issues.length) lines.push(`- ${c.id}: ${issues.join("; ")}`);
  }
  return lines.join("\n");
}
