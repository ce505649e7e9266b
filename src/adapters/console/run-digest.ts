import { digestDirectory } from "../../pipeline/index.js";
import { ansiStyle, plainStyle, renderDigestText } from "./render-text.js";
import { skipLine } from "./skip-line.js";

export interface DigestCommandOptions {
  articles: string;
  format: "text" | "json";
  maxBytes: number;
  allowHardlinks?: boolean;
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
}

/**
 * The CLI contract: cards on stdout, one `FILE: reason` line per bad file on stderr (names with
 * control characters, `": "` or edge spaces JSON-quoted); exit 0, or 1 when any was skipped.
 */
export async function runDigest(options: DigestCommandOptions): Promise<number> {
  const { stdout, stderr } = options;
  const showProgress = stderr.isTTY === true;
  const result = await digestDirectory(options.articles, {
    maxBytes: options.maxBytes,
    allowHardlinks: options.allowHardlinks === true,
    onProgress: (done, total) => {
      if (showProgress && total >= 50 && (done % 25 === 0 || done === total)) {
        stderr.write(`\rdigesting ${done}/${total}${done === total ? "\n" : ""}`);
      }
    },
  });
  for (const error of result.errors) stderr.write(skipLine(error.file, error.reason));
  if (options.format === "json") stdout.write(`${JSON.stringify(result.cards, null, 2)}\n`);
  else stdout.write(`${renderDigestText(result.cards, stdout.isTTY ? ansiStyle : plainStyle)}\n`);
  return result.errors.length ? 1 : 0;
}
