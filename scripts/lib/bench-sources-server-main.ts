/** Child-process entry: the bench feed server runs apart so its timestamps see no parser stalls. */
import { startBenchFeedServer } from "./bench-sources-server.js";

const [items = "20", fresh = "5"] = process.argv.slice(2);
const server = await startBenchFeedServer(Number(items), Number(fresh));
process.stdout.write(`${JSON.stringify({ port: server.port })}\n`);
process.on("SIGTERM", () => void server.close().then(() => process.exit(0)));
