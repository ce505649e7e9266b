import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { dropSchema, freshSchema, postgresUrl } from "../store/postgres-kit.js";

const ROOT = new URL("../..", import.meta.url).pathname;
const TSX = path.join(ROOT, "node_modules/tsx/dist/loader.mjs");

export interface BotProcess {
  child: ChildProcess;
  readonly output: string;
  /** Resolves with the first log line containing `text` (fails after `timeoutMs`). */
  waitFor(text: string | RegExp, timeoutMs?: number): Promise<string>;
  exited: Promise<number | null>;
}

/** `node --import tsx src/main.ts` with only the given environment (and PATH). */
export function spawnBot(env: Record<string, string>, args: string[] = []): BotProcess {
  const child = spawn(
    process.execPath,
    ["--import", TSX, path.join(ROOT, "src/main.ts"), ...args],
    {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? "", LOG_LEVEL: "debug", ...env },
    },
  );
  let output = "";
  const append = (chunk: Buffer) => (output += chunk.toString());
  child.stdout!.on("data", append);
  child.stderr!.on("data", append);
  const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
  return {
    child,
    get output() {
      return output;
    },
    async waitFor(text, timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const line = output
          .split("\n")
          .find((l) => (typeof text === "string" ? l.includes(text) : text.test(l)));
        if (line !== undefined) return line;
        if (Date.now() > deadline || child.exitCode !== null) {
          throw new Error(`process never logged ${String(text)}; output:\n${output.slice(-3000)}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    exited,
  };
}

/** Stops every process still running (SIGKILL: tests leave no child behind). */
export async function killAll(processes: readonly BotProcess[]): Promise<void> {
  for (const p of processes) if (p.child.exitCode === null) p.child.kill("SIGKILL");
  await Promise.all(processes.map((p) => p.exited));
}

/** A DATABASE_URL on a fresh schema of the test Postgres, or undefined when none answers. */
export async function sharedDatabase(): Promise<
  { databaseUrl: string; drop(): Promise<void> } | undefined
> {
  const url = await postgresUrl();
  if (url === undefined) return undefined;
  const schema = freshSchema();
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA "${schema}"`);
  await admin.end();
  const separator = url.includes("?") ? "&" : "?";
  return {
    databaseUrl: `${url}${separator}options=${encodeURIComponent(`-c search_path=${schema}`)}`,
    drop: () => dropSchema(url, schema),
  };
}
