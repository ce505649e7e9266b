const NUMBER =
  /(?<![\p{L}\d])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?\s?(%|pct|percent|per cent|bp|basis points|[kmb]n?\b|million|billion)?/giu;

const UNIT: Record<string, string> = {
  pct: "%",
  percent: "%",
  "per cent": "%",
  "basis points": "bp",
  m: "m",
  mn: "m",
  million: "m",
  b: "bn",
  bn: "bn",
  billion: "bn",
  k: "k",
};

const SCORE_LINE = /(?<![\d.,])\d{1,3}[-–]\d{1,3}(?:[ ,]+\d{1,3}[-–]\d{1,3})*(?![\d.,%])/g;

/** Match results and votes ("31-17", "6-3 6-4"): a fixed fact of one event, unlike a toll that rises. */
export function extractScoreLines(text: string): string[] {
  return [...text.matchAll(SCORE_LINE)].map((m) => m[0].replace(/[ ,]+/g, " ").replace(/–/g, "-"));
}

/** Rates and shares ("2.00%", "25 bp"): a figure fixed by the event itself. */
export function extractRates(text: string): string[] {
  return extractNumbers(text).filter((n) => n.endsWith("%"));
}

/** Numbers as comparable tokens ("2.00%" and "2 pct" are both "2%"); years are left out. */
export function extractNumbers(text: string): string[] {
  const out: string[] = [];
  for (const match of text.matchAll(NUMBER)) {
    const whole = match[1]!.replace(/,/g, "");
    const fraction = (match[2] ?? "").replace(/0+$/, "");
    const unitRaw = (match[3] ?? "").toLowerCase();
    const unit = UNIT[unitRaw] ?? unitRaw;
    if (!unit && !fraction && whole.length === 4 && /^(19|20)\d\d$/.test(whole)) continue;
    out.push(`${whole}${fraction ? `.${fraction}` : ""}${unit}`);
  }
  return out;
}
