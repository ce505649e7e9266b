import path from "node:path";

/**
 * The dependency rule of ADR 0007 as data: which modules each module may import (besides itself).
 * A module is a top-level folder of src/ (each platform adapter is its own), or a root file.
 */
export const ALLOWED: Record<string, readonly string[]> = {
  model: [],
  lib: [],
  // The bot's own words in each language (Fluent); article text never goes through it.
  i18n: ["model", "lib"],
  "config.ts": ["lib"],
  digest: ["model", "lib"],
  sources: ["model", "lib"],
  stories: ["model", "lib"],
  store: ["model", "lib"],
  queries: ["store", "stories", "model", "lib"],
  // delivery groups a digest's cards into stories (ADR 0012).
  delivery: ["queries", "stories", "store", "i18n", "model", "lib"],
  // pipeline implements the source commands delivery's adapters call (types only).
  pipeline: ["sources", "digest", "stories", "store", "delivery", "model", "lib"],
  "adapters/console": ["pipeline", "sources", "queries", "model", "lib"],
  "adapters/telegram": ["delivery", "queries", "i18n", "model", "lib"],
  "adapters/discord": ["delivery", "queries", "i18n", "model", "lib"],
  "adapters/http": ["delivery", "queries", "pipeline", "sources", "store", "model", "lib"],
  app: ["*"],
  "main.ts": ["app", "adapters/console", "config.ts", "lib"],
};

/** Files that may reach the network themselves: the one guarded door. */
const NETWORK_DOOR = /^sources\/http\//;
const NETWORK_USE = [
  /\bfrom\s+"undici"/,
  /\bimport\s*\(\s*"undici"\s*\)/,
  /(?:await|return|=|\(|,|globalThis\.)[ \t]*fetch[ \t]*\(/,
  /(?<![.\w])https?\.(request|get)\s*\(/,
  /\bfrom\s+"node:https?"[^;]*\b(request|get)\b/,
];

export function moduleOf(rel: string): string {
  const parts = rel.split("/");
  if (parts.length === 1) return parts[0]!;
  if (parts[0] === "adapters" && parts.length > 2) return `adapters/${parts[1]}`;
  return parts[0]!;
}

/** Relative import specifiers of a file, resolved to paths relative to src/. */
export function importsOf(rel: string, text: string): string[] {
  return [...text.matchAll(/(?:\bfrom\s+|\bimport\s*\(?\s*)"(\.{1,2}\/[^"]+)"/gm)].map((m) =>
    path.posix.normalize(path.posix.join(path.posix.dirname(rel), m[1]!.replace(/\.js$/, ".ts"))),
  );
}

/** Every broken rule in a set of source files (`rel` path under src/ -> text). */
export function checkArchitecture(files: ReadonlyMap<string, string>): string[] {
  const problems: string[] = [];
  for (const [rel, text] of files) {
    const from = moduleOf(rel);
    const allowed = ALLOWED[from];
    if (allowed === undefined) problems.push(`${rel}: module "${from}" has no rule in ALLOWED`);
    for (const target of importsOf(rel, text)) {
      if (target.startsWith("..")) continue; // package.json and the like
      const to = moduleOf(target);
      if (to === from) continue;
      if (allowed && !allowed.includes("*") && !allowed.includes(to)) {
        problems.push(`${rel} -> ${target}: "${from}" may not import "${to}"`);
      }
      if (target.includes("/") && target !== `${to}/index.ts`) {
        problems.push(`${rel} -> ${target}: enter "${to}" through ${to}/index.ts`);
      }
    }
    if (!NETWORK_DOOR.test(rel) && NETWORK_USE.some((re) => re.test(text))) {
      problems.push(`${rel}: reaches the network outside sources/http`);
    }
  }
  return problems;
}

/** Import cycles in the file graph, each as "a -> b -> a". */
export function findCycles(files: ReadonlyMap<string, string>): string[] {
  const graph = new Map([...files].map(([rel, text]) => [rel, importsOf(rel, text)]));
  const cycles: string[] = [];
  const state = new Map<string, "visiting" | "done">();
  const stack: string[] = [];
  const visit = (file: string) => {
    if (state.get(file) === "done") return;
    if (state.get(file) === "visiting") {
      cycles.push([...stack.slice(stack.indexOf(file)), file].join(" -> "));
      return;
    }
    state.set(file, "visiting");
    stack.push(file);
    for (const next of graph.get(file) ?? []) if (graph.has(next)) visit(next);
    stack.pop();
    state.set(file, "done");
  };
  for (const file of graph.keys()) visit(file);
  return cycles;
}
