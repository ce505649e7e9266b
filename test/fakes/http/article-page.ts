import type { Route } from "./fake-http-server.js";
import { newsEntry } from "./dynamic-feed.js";

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** An article page (HTML) whose text makes a card; the title is escaped as a real site would. */
export function articlePage(n: number, title = newsEntry(n).title): Route {
  const paragraphs = newsEntry(n)
    .text.split(/\n\s*\n/)
    .map((p) => `<p>${esc(p)}</p>`)
    .join("");
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>${esc(title)}</title></head><body><article><h1>${esc(title)}</h1>${paragraphs}</article></body></html>`;
  return (_req, res) =>
    void res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(html);
}
