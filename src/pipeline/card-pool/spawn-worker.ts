import { Worker } from "node:worker_threads";

/**
 * Starts a worker on `entry`. A TypeScript entry (the app runs from source under tsx, tests under
 * vitest) gets tsx registered inside the worker first, through its API: a worker does not inherit
 * a loader reliably across Node 20, 22 and 24, and tsx's own loader skips worker threads on some.
 */
export function spawnWorker(entry: URL, maxHeapMb: number): Worker {
  const resourceLimits = { maxOldGenerationSizeMb: maxHeapMb };
  if (!entry.pathname.endsWith(".ts")) return new Worker(entry, { resourceLimits });
  const bootstrap = `
    const { workerData } = require("node:worker_threads");
    import(workerData.tsxApi).then((tsx) => {
      tsx.register();
      return import(workerData.entry);
    });`;
  return new Worker(bootstrap, {
    eval: true,
    // The parent's flags may name a loader of its own (tsx's CLI does); the worker brings its own.
    execArgv: [],
    resourceLimits,
    workerData: { tsxApi: import.meta.resolve("tsx/esm/api"), entry: entry.href },
  });
}
