/** Function words that carry no topic; kept small and English-only, like the seeds and the eval set. */
export const STOPWORDS: ReadonlySet<string> = new Set(
  `a an the of to in and or for on at by with from as is are was were be been being it its that this these those
  he she they we i you his her their our your my me him them us but not no nor have has had having do does did will
  would shall should can could may might must said says say saying also which who whom whose what when where why how
  there here than then more most over after before into about up out down off very just so such only own same too
  both each few other some any all if while because until against between through during above below again further
  once mr mrs ms dr one ones new its it's he's she's they're we're i'm don't didn't isn't wasn't aren't weren't
  according told added noted year years per cent percent`.split(/\s+/),
);

/** Sentence openers whose referent lies outside the sentence. */
export const PRONOUN_OPENERS: ReadonlySet<string> = new Set(
  "he she it they this these those that such its his her their him them there we our i my you your".split(
    " ",
  ),
);

/** Leading connectives that only make sense after the previous sentence; safe to drop. */
export const CONNECTIVE_OPENER =
  /^(?:however|but|and|also|meanwhile|moreover|furthermore|additionally|in addition|still|yet|so|thus|therefore|previously|instead|nevertheless|nonetheless|at the same time|in turn|as a result|by contrast|in contrast|separately|likewise|similarly|besides|indeed|meanwhile)\b,?\s+/i;

/** "It is great to…", "It will be the first time since 1917 that…": an empty "it" refers to nothing. */
export const EXPLETIVE_IT =
  /^it(?:'s|’s| is| was| will be| would be| has been| had been) (?:(?:the|a|an) )?(?:first|last|only|great|good|important|clear|likely|unlikely|possible|impossible|difficult|hard|easy|vital|essential|necessary|time|right|wrong|true|surprising|unclear|expected|fantastic|wonderful|sad)\b/i;

/** Words that turn or narrow a claim: a cut must never part them from what they govern. */
export const NEGATION = /\b(?:not|no|never|none|nor|without|only|cannot|\w+n't)\b/i;
