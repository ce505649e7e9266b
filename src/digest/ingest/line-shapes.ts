/** A bullet or numbered item: "- Armed Forces: 600", "• Parliament passed…", "2) Roads". */
export const BULLET = /^\s*(?:[-*•‣▪◦–—]|\d{1,2}[.)])\s+(\S.*)$/;
/** How a finished sentence (or a quoted or bracketed one) ends. */
export const TERMINAL = /[.!?:;…"”’)»]$/;
