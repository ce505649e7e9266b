/** English function words and news boilerplate that say nothing about which event a report covers. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a about above after again against all almost also although am among an and another any are around
as at be because been before being below between both but by can could did do does doing down during
each either else ever every few for from further had has have having he her here hers herself him himself
his how however i if in into is it its itself just least less like made make many may me might more most
much must my myself near neither no nor not now of off often on once one only or other others our ours
ourselves out over own per perhaps rather same says said say saying she should since so some still such
than that the their theirs them themselves then there these they this those though through thus to too
toward towards under until up upon us very via was we were what when where whether which while who whom
whose why will with within without would yet you your yours yourself
monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow tonight
january february march april june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec
week weeks day days month months year years time times
new news report reports reported told according added including include includes
mr mrs ms dr percent pct per cent share article related advertisement photo photos reuters ap afp
two three four five six seven eight nine ten first second third last next
people officials official government statement expected reuter`.split(/\s+/),
);
