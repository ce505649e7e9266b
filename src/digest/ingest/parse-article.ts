import { findDates, parseDateStamp } from "./find-date.js";
import { findDateline } from "./find-dateline.js";
import { findMasthead } from "./find-masthead.js";
import { isNoiseLine } from "./is-noise-line.js";
import { dropHeadings } from "./drop-headings.js";
import { dropLinkBlocks } from "./drop-link-blocks.js";
import { BULLET, TERMINAL } from "./line-shapes.js";
import { normalizeText } from "./normalize-text.js";

/** A run of prose to be split into sentences (one line, or a hard-wrapped paragraph joined). */
export interface ProseBlock {
  kind: "prose";
  text: string;
  paragraph: number;
  /** A bulleted sentence ("• Parliament passed the bill"): a fact, but never the article's lead. */
  bullet?: true;
}

/** A bullet list, kept together as one fact; `source` is the verbatim lines from intro to last item. */
export interface ListBlock {
  kind: "list";
  intro: string | null;
  items: string[];
  source: string;
  paragraph: number;
}

export type Block = ProseBlock | ListBlock;

export interface ParsedArticle {
  title: string | null;
  date: string | null;
  place: string | null;
  blocks: Block[];
  /** The normalized full text, for provenance and faithfulness checks. */
  text: string;
}

const DATE_PREFIX = /^\s*(?:date|published|updated|posted)?(?: on)?:?\s*/i;
/**
 * How much text at each end a date is looked for in: findDates compares every date with every
 * other, so a paragraph of 50,000 dates would take minutes; a dateline date is near the edge.
 */
const DATE_SEARCH_CHARS = 2_000;

/** Strips "date 2023-12-27 " style stamps from the start of a line; returns the date and the rest. */
function takeDatePrefix(line: string): { date: string; rest: string } | null {
  const prefix = DATE_PREFIX.exec(line)?.[0] ?? "";
  const [first] = findDates(line.slice(prefix.length, prefix.length + DATE_SEARCH_CHARS));
  if (!first || first.index !== 0) return null;
  const rest = line.slice(prefix.length + first.length).replace(/^[\s,|·•–—-]+/, "");
  return { date: first.iso, rest };
}

/** The opening (or closing) characters of a block, where its date would stand. */
function edgeText(block: Block | undefined, side: "start" | "end"): string {
  if (!block) return "";
  const text = block.kind === "prose" ? block.text : block.source;
  return side === "start" ? text.slice(0, DATE_SEARCH_CHARS) : text.slice(-DATE_SEARCH_CHARS);
}

function looksLikeHeadline(line: string, hasMore: boolean): boolean {
  const t = line.trim();
  const words = t.split(/\s+/).length;
  if (!hasMore || t.length > 150 || words > 25 || BULLET.test(t)) return false;
  if (/[!?]$/.test(t)) return t.length <= 100;
  return !TERMINAL.test(t) && !/[,;]$/.test(t);
}

function isHardWrapped(lines: string[]): boolean {
  if (lines.length < 2) return false;
  const open = lines.slice(0, -1).filter((l) => !TERMINAL.test(l.trim())).length;
  return open * 2 >= lines.length - 1;
}

/** A bullet that reads as a sentence: five words or more and no "Label: value" shape. */
function isSentenceItem(item: string): boolean {
  return item.split(/\s+/).length >= 5 && !/^[^:]{1,60}:\s/.test(item);
}

/** Turns any plain-text article layout into title, date, place and ordered blocks. */
export function parseArticle(raw: string): ParsedArticle {
  const text = normalizeText(raw);
  let metaDate: string | null = null;
  let updatedDate: string | null = null;
  const rawLines = text.split("\n");
  const lines: Array<string | null> = rawLines.map((line) => {
    if (isNoiseLine(line)) return null;
    // Only a short line can be nothing but a date; skipping long ones keeps parsing linear and cheap.
    const stamp = line.length <= 80 ? parseDateStamp(line) : null;
    if (stamp) {
      // The first publication is the article's date; an "Updated" stamp only stands in for it.
      if (stamp.updated) updatedDate ??= stamp.iso;
      else metaDate ??= stamp.iso;
      return null;
    }
    return line;
  });
  dropLinkBlocks(rawLines, lines);
  for (const i of findMasthead(lines, (l) => looksLikeHeadline(l, true))) lines[i] = null;
  const contentIdx = lines.flatMap((l, i) => (l !== null && l.trim() !== "" ? [i] : []));
  // A date stamp opening the first content line ("date 2023-12-27 ASTANA – ...") is metadata too.
  const firstIdx = contentIdx[0];
  if (firstIdx !== undefined) {
    const stamped = takeDatePrefix(lines[firstIdx]!);
    if (stamped && stamped.rest.length > 0) {
      metaDate ??= stamped.date;
      lines[firstIdx] = stamped.rest;
    }
  }

  let title: string | null = null;
  if (firstIdx !== undefined && looksLikeHeadline(lines[firstIdx]!, contentIdx.length > 1)) {
    title = lines[firstIdx]!.trim();
    lines[firstIdx] = null;
  }

  dropHeadings(lines);

  const groups: Array<Array<{ line: string; index: number }>> = [];
  let current: Array<{ line: string; index: number }> = [];
  lines.forEach((line, index) => {
    if (line === null) return;
    if (line.trim() === "") {
      if (current.length) groups.push(current);
      current = [];
    } else current.push({ line: line.trim(), index });
  });
  if (current.length) groups.push(current);

  const blocks: Block[] = [];
  groups.forEach((group, paragraph) => {
    let prose: string[] = [];
    const flushProse = () => {
      if (!prose.length) return;
      const chunks = isHardWrapped(prose) ? [prose.join(" ")] : prose;
      for (const chunk of chunks) blocks.push({ kind: "prose", text: chunk, paragraph });
      prose = [];
    };
    for (let i = 0; i < group.length; i++) {
      if (!BULLET.test(group[i]!.line)) {
        prose.push(group[i]!.line);
        continue;
      }
      const start = i;
      while (i + 1 < group.length && BULLET.test(group[i + 1]!.line)) i++;
      const items = group.slice(start, i + 1).map((g) => BULLET.exec(g.line)![1]!.trim());
      // The sentence introducing a list ("A total of 752 ... :") travels with it.
      let intro: string | null = null;
      let fromLine = group[start]!.index;
      const prev = prose.length ? prose[prose.length - 1] : undefined;
      const prevBlock = blocks[blocks.length - 1];
      if (prev?.endsWith(":")) {
        intro = prose.pop()!;
        fromLine = group[start - 1]!.index;
      } else if (
        start === 0 &&
        prevBlock?.kind === "prose" &&
        prevBlock.text.endsWith(":") &&
        !prose.length
      ) {
        intro = prevBlock.text;
        blocks.pop();
        fromLine = rawLines.findIndex((l, idx) => idx < group[start]!.index && l.trim() === intro);
      }
      flushProse();
      // Bullets that are sentences ("• Parliament passed the bill by 312 votes to 210") are
      // separate facts; only a list of parts ("- Armed Forces: 600") is one fact.
      if (intro === null && items.every(isSentenceItem)) {
        for (const item of items)
          blocks.push({ kind: "prose", text: item, paragraph, bullet: true });
        continue;
      }
      const source = rawLines.slice(fromLine, group[i]!.index + 1).join("\n");
      blocks.push({ kind: "list", intro, items, source, paragraph });
    }
    flushProse();
  });

  let place: string | null = null;
  let datelineDate: string | null = null;
  // The dateline opens the lead, or the first paragraph after a standfirst.
  const leads = blocks.filter((b): b is ProseBlock => b.kind === "prose" && !b.bullet).slice(0, 3);
  for (const lead of leads) {
    const dateline = findDateline(lead.text);
    if (!dateline) continue;
    [place, datelineDate] = [dateline.place, dateline.date];
    lead.text = lead.text.slice(dateline.length);
    break;
  }

  // Without a date line, a date in the opening or closing paragraph is the article's ("…, the
  // ministry said on 3 March 2024."); one further in is an event's ("takes effect on 1 March").
  const date =
    metaDate ??
    datelineDate ??
    updatedDate ??
    findDates(edgeText(blocks[0], "start") + "\n" + edgeText(blocks[blocks.length - 1], "end"))[0]
      ?.iso ??
    null;
  return { title, date, place, blocks, text };
}
