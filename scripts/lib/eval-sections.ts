import { execFileSync } from "node:child_process";
import path from "node:path";
import type { MessyEval } from "../eval-messy.js";
import { markdownTable } from "./markdown-table.js";
import { MESSY_ROWS, type MessyMetric } from "./messy-report.js";
import { evalStorySet } from "./stories-run-eval.js";

/**
 * The figures before the cut check (issue "Fact cards that stay right on messy real-world text"),
 * recorded once: the code that produced them is gone, so they cannot be recomputed.
 */
export const MESSY_BEFORE: Record<"messy" | "bbc", Partial<Record<MessyMetric, string>>> = {
  messy: {
    recall: "85.5%",
    numbersLost: "5.6%",
    badCuts: "1",
    furniture: "26",
    headline: "66.7%",
    date: "78.6%",
    place: "60.7%",
  },
  bbc: { numbersLost: "3.4% (16/465)", badCuts: "7" },
};

/** The messy set and the BBC sample, before the issue and now, one row per metric. */
export function messySection(result: MessyEval): string {
  const { messy, bbc } = result;
  const rows = MESSY_ROWS.map(([key, label, cell]) => [
    label,
    MESSY_BEFORE.messy[key] ?? "—",
    cell(messy.figures),
    MESSY_BEFORE.bbc[key] ?? "—",
    cell(bbc.figures),
  ]);
  const table = markdownTable(
    [
      "metric",
      `messy (${messy.figures.articles}) before`,
      "messy now",
      `BBC (${bbc.figures.articles}) before`,
      "BBC now",
    ],
    rows,
    ["left", "right", "right", "right", "right"],
  );
  return [
    "## Messy real-world text",
    "",
    "Cards for `test/fixtures/messy` (wire copy, press releases, results tables, corrections, briefs; gold facts, headline, date and place per article) and the BBC sample (its gold is the headline only), by `scripts/eval-messy.ts` (`--details` lists the problems per article). A fact _loses a number_ when a number of its source sentence is nowhere on the card; a _bad cut_ is a fact ending in … whose dropped words hold a number or a negation. _Before_ is the summarizer at the start of the issue (no `before` figure was recorded where the cell shows —).",
    "",
    table,
  ].join("\n");
}

/** The web extraction score, as `scripts/eval-web.ts` prints it (its temporary file path left out). */
export function webSection(root: string, dataDir: string): string {
  const out = execFileSync(
    process.execPath,
    ["--import", "tsx", path.join(root, "scripts", "eval-web.ts"), "--data", dataDir],
    { cwd: root, encoding: "utf8" },
  );
  const lines = out
    .trimEnd()
    .split("\n")
    .filter((l) => !l.startsWith("predictions:"));
  return [
    "## Web page extraction",
    "",
    `Page -> article text on \`${path.relative(root, dataDir)}\` (the shared \`score.py\`: token F1 against the hand-cut article text), by \`scripts/eval-web.ts\`:`,
    "",
    "```text",
    ...lines,
    "```",
  ].join("\n");
}

const STORY_SETS = [
  { name: "dev", dir: "../shared/eval/stories" },
  { name: "own", dir: "test/fixtures/stories-2" },
] as const;

/** Story clustering on the shared dev set and our own, as `scripts/eval-stories.ts` reports it. */
export function storiesSection(root: string): string {
  const f = (x: number) => x.toFixed(3);
  const rows = STORY_SETS.map((set) => {
    const { named, averaged } = evalStorySet(
      set.name,
      path.join(root, set.dir),
      path.join(root, ".bench", "stories"),
    );
    return [
      `${set.name} (\`${set.dir}\`)`,
      f(named.pairwiseF1),
      f(named.bcubedF1),
      `${f(averaged.pairwiseF1)} (worst ${f(averaged.worstPairwiseF1)})`,
      f(averaged.bcubedF1),
      String(averaged.orders),
    ];
  });
  return [
    "## Story clustering",
    "",
    "Cards assigned to stories one by one (`createStoryIndex`), scored by the shared `score.py`; in file-name order and averaged over several arrival orders, by `scripts/eval-stories.ts`.",
    "",
    markdownTable(
      [
        "set",
        "pairwise F1",
        "B³ F1",
        "pairwise F1, mean of orders",
        "B³ F1, mean of orders",
        "orders",
      ],
      rows,
      ["left", "right", "right", "right", "right", "right"],
    ),
  ].join("\n");
}
