/** A feed in one shape whatever its format, before identity, text and teaser rules are applied. */
export interface RawFeed {
  title: string | null;
  link: string | null;
  /** Base URL for the feed's relative links (xml:base or the feed's own URL). */
  base: string;
  items: RawItem[];
}

export interface RawItem {
  id?: string;
  link?: string;
  title?: string;
  titleIsHtml: boolean;
  date?: string;
  summaryHtml?: string;
  contentHtml?: string;
  /** Base URL for this item's links (an entry's own xml:base). */
  base: string;
}
