/**
 * Lines that are page furniture rather than article text: counters, bylines, share bars, teasers.
 * Judged on the line alone so it works for any layout; a real sentence is never this short and bare.
 */
const NOISE_PATTERNS: RegExp[] = [
  // "649 views Security 0", "12 comments", "1.2K likes"
  /^\s*[\d.,]+\s*[KkMm]?\s+(?:views?|likes?|comments?|shares?|reads?)\b.{0,40}$/i,
  /^\s*(?:views?|likes?|comments?|shares?)\s*:?\s*[\d.,]+\s*$/i,
  /^\s*(?:by|written by|posted by|author|reporting by|edited by)\s*:?\s+[\p{Lu}][\p{L}.'’-]+(?:\s+[\p{Lu}][\p{L}.'’-]+){0,3}(?:\s*(?:,|and|&)\s*[\p{Lu}][\p{L}.'’ -]+)?\s*$/iu,
  /^\s*(?:share|share this(?: article| story| page| post)?|share on|tweet|email|print|facebook|twitter|whatsapp|telegram|linkedin|copy link)(?:\s*[|·•,/]\s*(?:share|tweet|email|print|facebook|twitter|x|whatsapp|telegram|linkedin|copy link))*\s*$/i,
  /^\s*(?:read more|read also|see also|related|related articles?|more on this story|advertisement|sponsored|subscribe|sign up|follow us|click here|continue reading|top stories)\b.{0,80}$/i,
  /^\s*(?:photo|image|picture|video|source|credit)s?\s*:\s*.{0,80}$/i,
  /^\s*(?:©|\(c\)|copyright)\s*.{0,100}$/i,
  /^\s*all rights reserved\.?\s*$/i,
  /^\s*\d+\s*min(?:ute)?s?\s+read\s*$/i,
  /^\s*(?:tags?|topics?|categories?)\s*:.{0,120}$/i,
  // "Updated 2 hours ago", "Published: yesterday": a page's age, not the article's date.
  /^\s*(?:updated|published|posted|last updated|last modified)\s*:?\s*(?:\d+\s*(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|h|days?|weeks?|months?)\s+ago|just now|today|yesterday)\s*$/i,
  // A bare time stamp: "10:45 GMT", "9.30am".
  /^\s*\d{1,2}[:.]\d{2}\s*(?:am|pm)?\s*(?:gmt|bst|utc|cet|cest|est|edt|pst|pdt|msk|ist)?\s*$/i,
  // Photo captions and credits: "… (Photo by Darryl Dyck/The Canadian Press via AP)", "Image caption, …".
  /^\s*(?:image|media|video|photo) (?:caption|source|credit)\b.{0,200}$/i,
  /\((?:photo|image|picture|video|file photo|credit)s?\b[^()]{0,120}\)\s*$/i,
  /(?:\/getty images|\bvia getty images|\/ap photo|\bap photo\/|\bvia ap|\/reuters|\/afp|\bshutterstock)\)?\.?\s*$/i,
  // An author's bio line: "Jane Smith is a BBC correspondent based in Vancouver." (news about a
  // "former editor of the Sun" has neither the bio's shape nor its "based in/covering/for").
  /^\s*\p{Lu}[\p{L}'’-]+(?: \p{Lu}[\p{L}'’-]+){1,3} is (?:a|an|the) (?!former\b)[^.]{0,40}\b(?:reporter|correspondent|journalist|editor|contributor|columnist)s? (?:based in|covering|for|at|with)\b[^.]{0,80}\.?\s*$/u,
  // Section labels of a page, never a headline or a fact: "Key points", "In brief", "Analysis".
  /^\s*(?:key points|key facts|main points|in brief|in short|at a glance|highlights|summary|tl;?dr|what we know(?: so far)?|the big picture|breaking(?: news)?|exclusive|analysis|opinion|live|explainer|fact check|watch|listen)\s*:?\s*$/i,
  // Navigation and breadcrumbs: "Home | News | Sport | Weather", "World › Asia › Kazakhstan".
  /^\s*[^|·•›»>.!?]{1,25}(?:\s[|·•›»>]\s[^|·•›»>.!?]{1,25}){2,}\s*$/u,
  // Page chrome: "Skip to main content", cookie banners, sign-in prompts, newsletter boxes.
  /^\s*(?:skip to|jump to)\s(?:main\s)?(?:content|navigation|main|article)\b.{0,20}$/i,
  /\b(?:we use|this (?:site|website) uses|our use of|accept(?: all)?|reject(?: all)?|manage)\scookies\b|\bcookie (?:policy|settings|preferences)\b/i,
  /^\s*(?:sign in|log in|register|create an account)\b.{0,40}$/i,
  /\b(?:in your inbox|sign up\.?)\s*$/i,
  /^\s*comments?\s*\(\d+\)\s*$/i,
  // Press-release and wire furniture: "FOR IMMEDIATE RELEASE", contacts, sign-offs, credits.
  /^\s*(?:for immediate release|media contacts?|press contacts?|contacts?|investors?|for more information\b.{0,60}):?\s*$/i,
  /^\s*(?:source|ends|-?30-|#{3})\b[^.]{0,60}$|^\s*[#*_=~-]{3,}\s*$/i,
  /\S+@\S+\.\w{2,}\b.{0,80}$/,
  /^\s*\(?(?:additional )?(?:reporting|writing|editing|compiled) by\b.{0,160}$/i,
  /\b(?:contributed to this report|trust principles)\.?\)?\s*$/i,
  /^\s*[a-z]{2,5}(?:\/[a-z]{2,5})+\s*$/,
  // A caption's credit at the end of the line: "… Baltic Hub terminal. Photo: Marek Nowak".
  /\b(?:[Pp]hoto|[Ii]mage|[Pp]icture)(?:graph)?\s*:\s*\p{Lu}[\p{L}.'’ -]{1,40}$/u,
  // Correction notes: the correction belongs to the editors' record, not to the facts.
  /^\s*(?:correction|clarification|editor['’]s note)\b[^:.]{0,40}:|\ban earlier version of this (?:article|story|report)\b|^\s*this (?:article|story) (?:was|has been) (?:amended|corrected|updated)\b/i,
];

/** Words of menus, account links, share bars and footers: a line of nothing else is chrome. */
const CHROME_WORDS = new Set(
  (
    "home news sport sports business health opinion politics world culture science tech technology " +
    "entertainment lifestyle travel weather video videos local obituaries environment arts money " +
    "markets what's on podcasts newsletters newsletter live more latest most read popular menu search " +
    "sign log in out subscribe register account my share email print close skip to main content " +
    "navigation accept reject all cookies manage preferences settings about us careers advertise " +
    "privacy terms contact conditions and of policy help sitemap comments follow the facebook " +
    "twitter x whatsapp linkedin telegram instagram youtube copy link uk us europe africa asia"
  ).split(" "),
);
const CHROME_LINE_CHARS = 100;

function isChromeLine(line: string): boolean {
  if (line.length > CHROME_LINE_CHARS || /\d/.test(line)) return false;
  const words = line
    .toLowerCase()
    .replace(/[.|·•›»,]/g, " ")
    .trim()
    .split(/\s+/);
  return words.every((w) => CHROME_WORDS.has(w.replace(/’/g, "'")));
}

/** Page furniture is short; a longer line is a paragraph, whatever it ends with. */
const MAX_NOISE_CHARS = 240;

export function isNoiseLine(line: string): boolean {
  if (line.trim() === "" || line.length > MAX_NOISE_CHARS) return false;
  return isChromeLine(line) || NOISE_PATTERNS.some((re) => re.test(line));
}
