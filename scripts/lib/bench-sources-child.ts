import { spawn } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";

export interface ChildServer {
  port: number;
  stop(): Promise<void>;
}

/** Starts the bench feed server in its own Node process and waits for its port. */
export async function spawnBenchServer(items: number, fresh: number): Promise<ChildServer> {
  const entry = new URL("./bench-sources-server-main.ts", import.meta.url).pathname;
  const child = spawn(process.execPath, ["--import", "tsx", entry, String(items), String(fresh)], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const lines = createInterface({ input: child.stdout });
  const [line] = (await once(lines, "line")) as [string];
  lines.close();
  const { port } = JSON.parse(line) as { port: number };
  return {
    port,
    stop: async () => {
      child.kill("SIGTERM");
      await once(child, "exit");
    },
  };
}
