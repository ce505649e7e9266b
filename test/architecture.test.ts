import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const SRC = new URL("../src/", import.meta.url).pathname;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : name.endsWith(".ts") ? [full] : [];
  });
}

/** Relative imports of every source file, resolved to source paths (type-only imports included). */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of files(SRC)) {
    const text = readFileSync(file, "utf8");
    const targets = [...text.matchAll(/(?:\bfrom\s+|\bimport\s+)"(\.{1,2}\/[^"]+)"/gm)].map((m) =>
      path.resolve(path.dirname(file), m[1]!.replace(/\.js$/, ".ts")),
    );
    graph.set(file, targets);
  }
  return graph;
}

const rel = (f: string) => path.relative(SRC, f);

describe("architecture", () => {
  const graph = importGraph();

  it("has no import cycles", () => {
    const cycles: string[] = [];
    const state = new Map<string, "visiting" | "done">();
    const stack: string[] = [];
    const visit = (file: string) => {
      if (state.get(file) === "done") return;
      if (state.get(file) === "visiting") {
        cycles.push([...stack.slice(stack.indexOf(file)), file].map(rel).join(" -> "));
        return;
      }
      state.set(file, "visiting");
      stack.push(file);
      for (const next of graph.get(file) ?? []) visit(next);
      stack.pop();
      state.set(file, "done");
    };
    for (const file of graph.keys()) visit(file);
    expect(cycles).toEqual([]);
  });

  it("keeps the core free of adapters, config and the composition root", () => {
    const offenders = [...graph.entries()].flatMap(([file, targets]) =>
      /^(digest|delivery|store)\//.test(rel(file))
        ? targets
            .map(rel)
            .filter(
              (t) =>
                t.startsWith("adapters/") || t === "config.ts" || t === "app.ts" || t === "main.ts",
            )
            .map((t) => `${rel(file)} -> ${t}`)
        : [],
    );
    expect(offenders).toEqual([]);
  });

  it("lets only app.ts and main.ts reach into the adapters, which never import each other", () => {
    const offenders = [...graph.entries()].flatMap(([file, targets]) => {
      const from = rel(file);
      return targets.map(rel).flatMap((to) => {
        const platform = /^adapters\/(\w+)\//.exec(to)?.[1];
        if (!platform) return [];
        const own = from.startsWith(`adapters/${platform}/`);
        const allowed = own || from === "app.ts" || from === "main.ts";
        return allowed ? [] : [`${from} -> ${to}`];
      });
    });
    expect(offenders).toEqual([]);
  });
});
