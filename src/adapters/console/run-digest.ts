import { systemClock, type Clock } from "../../lib/index.js";
import type { Article } from "../../model/index.js";
import { buildStories, digestArticles, readSources } from "../../pipeline/index.js";
import type { HttpClient } from "../../sources/index.js";
import type * as Web from "../../sources/index.js";
import { createProgressLine } from "./progress-line.js";
import { ansiStyle, plainStyle, renderDigestText } from "./render-text.js";
import { renderStoriesText } from "./render-stories-text.js";

/** Cards as text or JSON, or grouped into stories as JSON or text. */
export const DIGEST_FORMATS = ["text", "json", "articles", "stories", "stories-text"] as const;
export type DigestFormat = (typeof DIGEST_FORMATS)[number];

export function isDigestFormat(format: string): format is DigestFormat {
  return (DIGEST_FORMATS as readonly string[]).includes(format);
}
import { skipLine } from "./skip-line.js";

export interface DigestCommandOptions {
  /** URLs (feeds, sites, article pages), folders and files, read in this order. */
  sources: readonly string[];
  format: DigestFormat;
  maxBytes: number;
  /** How URLs are fetched (the guarded client; private addresses only when allowed). */
  fetch?: {
    allowPrivate: boolean;
    timeoutMs: number;
    maxBytes: number;
    pages: "auto" | "never";
  };
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  clock?: Clock;
}

/** The fields `--format articles` prints, in this order. */
const articleOut = (a: Article) => ({
  source: a.source,
  sourceId: a.sourceId,
  feed: a.feed,
  url: a.url,
  title: a.title,
  date: a.date,
  place: a.place,
  publisher: a.publisher,
  text: a.text,
});

/** The CLI contract: output on stdout, one `SOURCE: reason` line per unusable item on stderr; exit 0, or 1 when any was skipped. */
export async function runDigest(options: DigestCommandOptions): Promise<number> {
  const { stdout, stderr } = options;
  const fetchOptions = options.fetch ?? {
    allowPrivate: false,
    timeoutMs: 15_000,
    maxBytes: 5 * 1024 * 1024,
    pages: "auto",
  };
  // The network stack (undici, linkedom, readability) loads on first use: a local run never pays for it.
  let web: Promise<typeof Web> | undefined;
  const loadWeb = () => (web ??= import("../../sources/index.js"));
  let http: Promise<HttpClient> | undefined;
  const client = () =>
    (http ??= loadWeb().then((m) =>
      m.createHttpClient({
        allowPrivate: fetchOptions.allowPrivate,
        timeoutMs: fetchOptions.timeoutMs,
        maxBytes: fetchOptions.maxBytes,
      }),
    ));
  const lazyHttp: HttpClient = {
    get: async (url, o) => (await client()).get(url, o),
    close: async () => (await http)?.close(),
  };
  const clock = options.clock ?? systemClock;
  const progress = createProgressLine({ stream: stderr, clock });
  try {
    const read = await readSources(
      {
        http: lazyHttp,
        extractPage: async (html, o) => (await loadWeb()).extractArticle(html, o),
        fetchPages: fetchOptions.pages,
        maxBytes: options.maxBytes,
        onProgress: progress.report,
      },
      options.sources,
    );
    progress.clear();
    if (options.format === "articles") {
      for (const error of read.errors) stderr.write(skipLine(error.file, error.reason));
      stdout.write(`${JSON.stringify(read.articles.map(articleOut), null, 2)}\n`);
      return read.errors.length ? 1 : 0;
    }
    const result = digestArticles(read, progress.report);
    progress.clear();
    for (const error of result.errors) stderr.write(skipLine(error.file, error.reason));
    const style = stdout.isTTY ? ansiStyle : plainStyle;
    const stories = () => buildStories(result, { clock });
    if (options.format === "json") stdout.write(`${JSON.stringify(result.cards, null, 2)}\n`);
    else if (options.format === "stories") stdout.write(`${JSON.stringify(stories(), null, 2)}\n`);
    else if (options.format === "stories-text")
      stdout.write(`${renderStoriesText(stories(), style)}\n`);
    else stdout.write(`${renderDigestText(result.cards, style)}\n`);
    return result.errors.length ? 1 : 0;
  } finally {
    progress.clear();
    await lazyHttp.close();
  }
}
