export type Align = "left" | "right";

/**
 * A markdown table laid out exactly as Prettier would (padded cells, matching delimiter row), so
 * generated docs pass `prettier --check` without a formatting pass. Cells must be single-width text.
 */
export function markdownTable(
  header: readonly string[],
  rows: ReadonlyArray<readonly string[]>,
  align: readonly Align[] = [],
): string {
  const clean = (cell: string) => cell.replace(/\|/g, "\\|").replace(/\s+/g, " ").trim();
  const all = [header, ...rows].map((row) => header.map((_, i) => clean(row[i] ?? "")));
  const widths = header.map((_, i) => Math.max(3, ...all.map((row) => row[i]!.length)));
  const line = (cells: readonly string[]) =>
    `| ${cells
      .map((c, i) => (align[i] === "right" ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join(" | ")} |`;
  const delimiter = `| ${widths
    .map((w, i) => (align[i] === "right" ? `${"-".repeat(w - 1)}:` : "-".repeat(w)))
    .join(" | ")} |`;
  const [head, ...body] = all;
  return [line(head!), delimiter, ...body.map(line)].join("\n");
}

/** A share as a fixed three-decimal figure, so tables stay byte-identical between runs. */
export function fixed(value: number, digits = 3): string {
  return value.toFixed(digits);
}

export function percent(part: number, whole: number): string {
  return whole === 0 ? "n/a" : `${((100 * part) / whole).toFixed(1)}%`;
}
