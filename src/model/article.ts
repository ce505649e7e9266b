import { z } from "zod";

/**
 * One article as a source delivers it, before summarizing. Every source (folder, feed, web page)
 * produces this shape; the card builder reads only `text` plus the metadata it cannot find there.
 */
export const Article = z.object({
  /** Which source it came from: `dir:<path>`, `feed:<url>`, `page:<url>`, `file:<path>`. */
  sourceId: z.string().min(1),
  /** Stable key within the source: a file name, a feed item's guid/link, a page URL. */
  key: z.string().min(1),
  /** What a person reads as its origin: the file name, or the article's URL. */
  source: z.string().min(1),
  /** The feed's URL or path for items of a feed, else null. */
  feed: z.string().nullable(),
  /** Link to the original article, when there is one. */
  url: z.string().nullable(),
  /** Headline from metadata (feed item title, page `<h1>`/og:title); null when only the text has it. */
  title: z.string().nullable(),
  /** Publication date from metadata, `YYYY-MM-DD`, or null. */
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .nullable(),
  /** Dateline place from metadata, or null. */
  place: z.string().nullable(),
  /** Publisher or site name ("Reuters", "BBC News"), or null. */
  publisher: z.string().nullable(),
  /** The body as plain text, paragraphs separated by blank lines. */
  text: z.string(),
});
export type Article = z.infer<typeof Article>;
