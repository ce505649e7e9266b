import { readFile, writeFile } from "node:fs/promises";

/**
 * Replaces the block between `<!-- name:start -->` and `<!-- name:end -->` in a shared doc, leaving
 * every other byte alone (other sections belong to other scripts); appends it when missing.
 */
export function spliceSection(doc: string, name: string, body: string): string {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const block = `${start}\n\n${body.trim()}\n\n${end}`;
  const from = doc.indexOf(start);
  const to = doc.indexOf(end, from);
  if (from >= 0 && to >= 0) return doc.slice(0, from) + block + doc.slice(to + end.length);
  return `${doc.trimEnd()}\n\n${block}\n`;
}

/** Reads, splices and writes at once so a concurrent writer of another section is rarely lost. */
export async function writeSection(
  file: string,
  title: string,
  name: string,
  body: string,
): Promise<void> {
  let doc: string;
  try {
    doc = await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    doc = `# ${title}\n`;
  }
  await writeFile(file, spliceSection(doc, name, body));
}
