/**
 * Words that mark a later development of an earlier event: a report whose lead has one of these
 * is a new story, not another account of the first one.
 */
const CUES: ReadonlyArray<readonly [string, RegExp]> = [
  ["appeal", /\b(appeal(s|ed|ing)?|leave to appeal|challenge[sd]? the ruling)\b/i],
  [
    "charges",
    /\b(charged|charges? (were|was|have been) (filed|laid|brought)|indicted|prosecut\w+)\b/i,
  ],
  ["verdict", /\b(convicted|acquitted|sentenced|verdict|found guilty)\b/i],
  ["sworn", /\b(sworn in|swearing-in|inaugurat\w+|took the oath|takes office|took office)\b/i],
  ["coalition", /\b(coalition (deal|agreement|government)|formed a government)\b/i],
  ["inquiry", /\b(inquiry|investigation) (found|concluded|report)\b/i],
  [
    "later",
    /\b((last|previous) (week|month)|(a|one|two|three|four|several|\d+) (weeks?|months?) (ago|after|later|earlier|since)|weeks after|follow-up|anniversary)\b/i,
  ],
  ["resign", /\b(resign(s|ed|ation)?|stepp(ed|ing) down|was sacked|was fired)\b/i],
];

/** The classes of later-development cues found in a report's headline and lead. */
export function developmentCues(lead: string): Set<string> {
  const found = new Set<string>();
  for (const [name, pattern] of CUES) if (pattern.test(lead)) found.add(name);
  return found;
}
