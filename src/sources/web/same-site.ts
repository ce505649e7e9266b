/** The link stays on the page's own site (a relative link, or the same domain or a subdomain of it). */
export function isSameSite(href: string, pageUrl: string): boolean {
  try {
    const page = new URL(pageUrl);
    const target = new URL(href, page);
    return siteOf(target.hostname) === siteOf(page.hostname);
  } catch {
    return false;
  }
}

/** The registrable part of a host name: "www.space.com" -> "space.com", "news.bbc.co.uk" -> "bbc.co.uk". */
function siteOf(hostname: string): string {
  const labels = hostname.split(".");
  const countrySecondLevel =
    /^[a-z]{2}$/.test(labels.at(-1) ?? "") && (labels.at(-2) ?? "").length <= 3;
  return labels.slice(countrySecondLevel ? -3 : -2).join(".");
}
