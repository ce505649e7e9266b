import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";

export interface WebPage {
  id: string;
  url: string;
  html: string;
  truth: string;
}

/** The evaluation pages of `shared/eval/web-articles`: gzip HTML plus the body a person marked. */
export function loadWebPages(dir: string): WebPage[] {
  const truth = JSON.parse(readFileSync(join(dir, "ground-truth.json"), "utf8")) as Record<
    string,
    { articleBody: string; url: string }
  >;
  return readdirSync(join(dir, "html"))
    .filter((name) => name.endsWith(".html.gz"))
    .sort()
    .map((name) => {
      const id = name.slice(0, -".html.gz".length);
      const html = gunzipSync(readFileSync(join(dir, "html", name))).toString("utf8");
      const entry = truth[id];
      return {
        id,
        url: entry?.url ?? `https://example.invalid/${id}`,
        html,
        truth: entry?.articleBody ?? "",
      };
    });
}
