import { escapeHtml as e } from "./escape-html.js";

const STYLE = `body{font:15px/1.45 system-ui,sans-serif;max-width:72rem;margin:1rem auto;padding:0 1rem;color:#222}
h1{font-size:1.4rem}h2{font-size:1.15rem;margin-top:2rem}h3{margin:.4rem 0}h4{margin:.3rem 0;font-size:.8rem;color:#666;text-transform:uppercase}
nav a{margin-right:1rem}article{border-top:1px solid #ddd;padding:.5rem 0}
.meta{color:#666;font-size:.85rem}blockquote{margin:.2rem 0 .4rem 1rem;color:#555;font-size:.85rem}
table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:.2rem .5rem;text-align:left;vertical-align:top}
.bad{color:#b00020}.good{color:#1b5e20}.error{border:1px solid #b00020;background:#fdecea;padding:.5rem 1rem}
.views{display:flex;gap:1rem;flex-wrap:wrap}.views>section{flex:1 1 22rem;min-width:0}
.tg-msg{white-space:pre-wrap;background:#effdde;border-radius:.6rem;padding:.5rem .7rem;font-size:.9rem}
.tg-msg code{background:#e2f0d0}
.dc-embed{background:#2b2d31;color:#dbdee1;border-left:4px solid;border-radius:4px;padding:.5rem .8rem;font-size:.9rem;white-space:pre-wrap}
.dc-embed a{color:#00a8fc}.dc-author{font-size:.8rem;font-weight:600}.dc-title{font-weight:700;margin:.2rem 0}
.dc-footer{font-size:.75rem;color:#b5bac1;margin-top:.4rem}
form input[type=url]{width:min(40rem,90%);padding:.3rem}form button{padding:.3rem .8rem}`;

/** One page: the shell, the style and the navigation every page shares. */
export function renderPage(
  title: string,
  body: string,
  links: { status: string; preview: string },
): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>${e(title)}</title><style>${STYLE}</style></head>
<body>
<nav><a href="${e(links.status)}">Status</a><a href="${e(links.preview)}">Card preview</a></nav>
${body}
</body></html>
`;
}
