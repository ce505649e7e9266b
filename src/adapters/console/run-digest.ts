import { systemClock, type Clock } from "../../lib/index.js";
import { buildStories, digestDirectory } from "../../pipeline/index.js";
import { ansiStyle, plainStyle, renderDigestText } from "./render-text.js";
import { renderStoriesText } from "./render-stories-text.js";

/** Cards as text or JSON, or grouped into stories as JSON or text. */
export const DIGEST_FORMATS = ["text", "json", "stories", "stories-text"] as const;
export type DigestFormat = (typeof DIGEST_FORMATS)[number];

export function isDigestFormat(format: string): format is DigestFormat {
  return (DIGEST_FORMATS as readonly string[]).includes(format);
}

export interface DigestCommandOptions {
  articles: string;
  format: DigestFormat;
  maxBytes: number;
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  clock?: Clock;
}

/** The CLI contract: cards on stdout, one `FILE: reason` line per bad file on stderr; exit 0, or 1 when any was skipped. */
export async function runDigest(options: DigestCommandOptions): Promise<number> {
  const { stdout, stderr, format } = options;
  const showProgress = stderr.isTTY === true;
  const result = await digestDirectory(options.articles, {
    maxBytes: options.maxBytes,
    onProgress: (done, total) => {
      if (showProgress && total >= 50 && (done % 25 === 0 || done === total)) {
        stderr.write(`\rdigesting ${done}/${total}${done === total ? "\n" : ""}`);
      }
    },
  });
  for (const error of result.errors) stderr.write(`${error.file}: ${error.reason}\n`);
  const style = stdout.isTTY ? ansiStyle : plainStyle;
  const clock = options.clock ?? systemClock;
  if (format === "json") stdout.write(`${JSON.stringify(result.cards, null, 2)}\n`);
  else if (format === "stories")
    stdout.write(`${JSON.stringify(buildStories(result, { clock }), null, 2)}\n`);
  else if (format === "stories-text")
    stdout.write(`${renderStoriesText(buildStories(result, { clock }), style)}\n`);
  else stdout.write(`${renderDigestText(result.cards, style)}\n`);
  return result.errors.length ? 1 : 0;
}
