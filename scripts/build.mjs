// Builds src/ to dist/ with esbuild (plain JavaScript, so it runs before any TypeScript tooling).
// `npm install` runs it (prepare), `npm start` re-runs it when a source is newer than dist/.
import { existsSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import process from "node:process";
import { fileURLToPath } from "node:url";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const src = path.join(root, "src");
const dist = path.join(root, "dist");
const stamp = path.join(dist, "main.js");

/** Newest modification time under a folder (about 300 stats: a few milliseconds). */
function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    const t = entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs;
    if (t > newest) newest = t;
  }
  return newest;
}

/** True when dist/ is missing or older than a source file (or the build script itself). */
export function isStale() {
  if (!existsSync(src)) return false; // an image that ships dist/ alone
  if (!existsSync(stamp)) return true;
  const built = statSync(stamp).mtimeMs;
  return newestMtime(src) > built || statSync(fileURLToPath(import.meta.url)).mtimeMs > built;
}

/** Lazy `import()`s of the digest CLI that load the other build's entries instead of a copy. */
const LAZY_ENTRIES = {
  "src/app/index.ts": "./app.js",
  "src/sources/index.ts": "./sources.js",
  "src/pipeline/read-url.ts": "./read-url.js",
};

/**
 * Our modules only declare (factories, no work at import), so a module none of whose exports is
 * used is dropped with its package imports; and in the CLI build the lazy imports stay lazy.
 */
const ourModules = (lazy) => ({
  name: "our-modules",
  setup(b) {
    b.onResolve({ filter: /^\.\.?\//, namespace: "file" }, async (args) => {
      if (args.pluginData === "inner") return undefined;
      const resolved = await b.resolve(args.path, {
        kind: args.kind,
        importer: args.importer,
        resolveDir: args.resolveDir,
        pluginData: "inner",
      });
      if (!resolved.path.startsWith(src)) return resolved;
      const entry = LAZY_ENTRIES[path.relative(root, resolved.path).split(path.sep).join("/")];
      if (lazy && args.kind === "dynamic-import" && entry) return { path: entry, external: true };
      return { ...resolved, sideEffects: false };
    });
  },
});

const common = {
  absWorkingDir: root,
  outdir: "dist",
  bundle: true,
  format: "esm",
  platform: "node",
  target: "node20",
  packages: "external",
  sourcemap: true,
  logLevel: "warning",
};

/**
 * Two builds. esbuild's code splitting puts every module a barrel (`index.ts`) re-exports into the
 * chunk of whoever imports the barrel, so one split build would load undici, linkedom and feedsmith
 * for a local digest. The CLI is therefore bundled alone, its lazy imports pointing at the entries
 * of the second build (the bots, the network sources, the card worker), which shares chunks.
 */
export async function build() {
  const esbuild = await import("esbuild");
  rmSync(dist, { recursive: true, force: true }); // chunk names change with content
  await Promise.all([
    esbuild.build({
      ...common,
      entryPoints: { "main-build": "src/main.ts" },
      plugins: [ourModules(true)],
    }),
    esbuild.build({
      ...common,
      // The card worker is an entry: the pool starts it by URL, next to the pool's chunk.
      entryPoints: {
        app: "src/app/index.ts",
        sources: "src/sources/index.ts",
        "read-url": "src/pipeline/read-url.ts",
        "card-worker": "src/pipeline/card-pool/card-worker.ts",
      },
      splitting: true,
      plugins: [ourModules(false)],
    }),
  ]);
  // Written last: its time stamp says the whole of dist/ is complete.
  renameSync(path.join(dist, "main-build.js"), stamp);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (!existsSync(src)) process.exit(0);
  if (process.argv.includes("--if-stale") && !isStale()) process.exit(0);
  await build();
}
