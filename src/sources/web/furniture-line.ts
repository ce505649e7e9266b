/** Each class of furniture line that survives the DOM clean-up, by the words it is made of. */
const SHORT_LINE_RULES: readonly RegExp[] = [
  // "Advertisement", "Sponsored content", "Story continues below"
  /^(?:advertisement|advertising|advert|ad|sponsored(?: content)?|paid content|story continues below.*|continue reading.*|skip (?:this )?ad.*)$/i,
  // share prompts and tool bars
  /^(?:share|share this(?: article| story| post)?|share on \w+|tweet|email|e-mail|print|print article|pin it|save|copy link|whatsapp|facebook|twitter|linkedin|text size|order reprints|reprints?|comments?|\d+ comments?|view comments)[:!]?$/i,
  /^share (?:this|on|via)\b/i,
  // a row of share buttons: "Whatsapp Facebook Pin Download"
  /^(?:(?:share|whatsapp|facebook|twitter|pinterest|pint|pin|linkedin|reddit|telegram|email|e-mail|print|tweet|flipboard|messenger|sms|copy|link|download|baixar|compartilhar|teilen|partager)[\s,|/•·]*){2,}$/i,
  // comment prompts
  /^(?:tell us what you think|leave a (?:comment|reply)|join the (?:discussion|conversation)|comments are closed|add a comment|post a comment|post comment)\b/i,
  // tag lists and shortcodes left by a CMS
  /^(?:tags|topics|filed under|categories)\s*:?(?:\s.*)?$/i,
  /^\[\w+[^\]]*\].*\[\/\w+\]$/,
  // "Read more: ...", "Related: ...", "DON'T MISS"
  /^(?:read more|see more|read also|also read|more|related(?: articles| stories| content| coverage| links)?|recommended(?: for you)?|don'?t miss|you may also like|you might also like|more from [\w .]+|most read|most popular|trending|latest|popular|watch|watch more|top stories|further reading|what to read next|highlights)(?:\s*[:|>»].*)?$/i,
  /^click here\b/i,
  /^(?:follow|like) us\b/i,
  // newsletters and subscriptions
  /^(?:sign up|signup|subscribe|register|log ?in)\b/i,
  /^(?:breaking news emails|get (?:breaking|the latest)|let our news meet your inbox)\b/i,
  /\b(?:newsletter|inbox)\b.*\b(?:sign up|subscribe|delivered|get)\b|\b(?:sign up|subscribe)\b.*\bnewsletter\b/i,
  // cookie banners
  /\bcookies?\b.*\b(?:accept|consent|agree|use|policy|settings|experience)\b/i,
  // captions and credits
  /^(?:image|photo|picture|photograph|video|media)\s*(?:copyright|caption|credit)?\s*[:©]/i,
  /^(?:image|photo|media) (?:copyright|caption|credit)\b/i,
  /^(?:media playback is unsupported|image copyright|image caption|media caption|getty images|ap photo|reuters)\b/i,
  /^(?:photo|image|picture)s? by\b/i,
  /\((?:image|photo|picture|credit|pictured)s?\s*[:©]?[^)]*\)\s*$/i,
  /\b(?:photo|image|credit|photograph)s?\s*(?:by|:)\s*[^.]{2,60}$/i,
  /^\d+\s*of\s*\d+\S/,
  /^\(?©[^.]*$/,
  // agency credits under a photo: "Jane Doe | Bloomberg | Getty Images"
  /^(?=.{0,80}$).*[|/]\s*(?:getty images|afp|reuters|ap|bloomberg|shutterstock|epa|alamy|pa(?: images)?|ap photo)(?:\s+via getty images)?\s*\)?$/i,
  // dates and timestamps on their own line
  /^(?:\w+day,?\s+)?(?:\p{L}{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}\.?\s+\p{L}{3,9}\.?,?\s+\d{4}|\d{4}-\d\d-\d\d)(?:\s*(?:[,|•·-]|at)?\s*\d{1,2}[:.]\d\d\s*(?:[ap]\.?m\.?)?\s*[A-Z]{0,4})?$/iu,
  /^(?=.{0,90}$)\|?\s*(?:published|updated|posted|last updated|first published|original|modified)\s*(?:[:|]|on\b|at\b)?\s*(?:(?:mon|tue|wed|thu|fri|sat|sun)\w*\.?,?\s*)?(?:\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*\.?\s+\d)/i,
  // bylines and contributor notes
  /^by\s*$/i,
  /^(?=.{0,140}$)by\s+\p{Lu}[^.]*?\b(?:on|at|updated|published)\b.{0,60}\d{4}/iu,
  /^(?=.{0,140}$)by\s+\p{Lu}[^.]*?\s[-–|,]\s*\d{1,2}\/\d{1,2}\/\d{2,4}\b/iu,
  /^[Bb]y\s+[\p{Lu}][\p{L}'’.-]+(?:\s+[\p{Lu}][\p{L}'’.-]+){1,3}(?:\s*(?:,|and|&|\||-|–)\s*[^.]{0,60})?$/u,
  /\bcontributed to this (?:report|article|story)\.?$/i,
  /^(?:write to|contact|email) (?:the )?(?:author|reporter|writer|\p{Lu}[\p{L}.-]+ [\p{Lu}][\p{L}.-]+) at\b/iu,
  /^about the author$/i,
  /^(?:more|all|see all|view all) (?:articles|stories|posts|news) (?:from|by)\b/i,
  // link-list tags such as "[VIDEO]" or "[INSIGHT]"
  /\[[A-Z]{3,}\]\s*\|?$/,
  /\[(?:video|pics|pictures|photos|gallery|watch|poll)\]\s*\|?$/i,
  // footers
  /^(?:copyright|©)\s/i,
  /\ball rights reserved\b/i,
  /^this (?:document|article|material|content) (?:is subject to copyright|may not be)/i,
  /^citation:/i,
  /^loading(?: content)?\s*\.{0,3}$/i,
  /^via \S+\.\w+$/i,
];

/** Long lines can only be furniture when they plainly say so. */
const LONG_LINE_RULES: readonly RegExp[] = [
  /^this (?:document|article|material) is subject to copyright/i,
  /^(?:citation|copyright)\b/i,
  /\bcookies?\b.*\b(?:accept|consent|agree)\b/i,
];

const SHORT = 200;

/** A paragraph that is furniture (an ad label, a share prompt, a caption, a byline, a footer). */
export function isFurnitureLine(text: string): boolean {
  const rules = text.length <= SHORT ? SHORT_LINE_RULES : LONG_LINE_RULES;
  return rules.some((rule) => rule.test(text));
}
