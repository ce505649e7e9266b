import type { Article } from "../../model/index.js";
import { basicPageExtractor, digestArticles, readSources } from "../../pipeline/index.js";
import { createHttpClient, type HttpClient } from "../../sources/index.js";
import { ansiStyle, plainStyle, renderDigestText } from "./render-text.js";

export interface DigestCommandOptions {
  /** URLs (feeds, sites, article pages), folders and files, read in this order. */
  sources: readonly string[];
  format: "text" | "json" | "articles";
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
  let http: HttpClient | undefined;
  const client = () =>
    (http ??= createHttpClient({
      allowPrivate: fetchOptions.allowPrivate,
      timeoutMs: fetchOptions.timeoutMs,
      maxBytes: fetchOptions.maxBytes,
    }));
  const lazyHttp: HttpClient = {
    get: (url, o) => client().get(url, o),
    close: async () => http?.close(),
  };
  try {
    const read = await readSources(
      {
        http: lazyHttp,
        extractPage: basicPageExtractor,
        fetchPages: fetchOptions.pages,
        maxBytes: options.maxBytes,
      },
      options.sources,
    );
    if (options.format === "articles") {
      for (const error of read.errors) stderr.write(`${error.file}: ${error.reason}\n`);
      stdout.write(`${JSON.stringify(read.articles.map(articleOut), null, 2)}\n`);
      return read.errors.length ? 1 : 0;
    }
    const result = digestArticles(read);
    for (const error of result.errors) stderr.write(`${error.file}: ${error.reason}\n`);
    if (options.format === "json") stdout.write(`${JSON.stringify(result.cards, null, 2)}\n`);
    else stdout.write(`${renderDigestText(result.cards, stdout.isTTY ? ansiStyle : plainStyle)}\n`);
    return result.errors.length ? 1 : 0;
  } finally {
    await lazyHttp.close();
  }
}
