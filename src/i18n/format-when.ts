import type { Language } from "../model/index.js";
import { localeOf } from "./translate.js";

/** "Fri, 10 Jan, 08:00" (en) / "Fr., 10. Jan., 08:00" (de) in `timeZone`. */
export function formatWhen(instant: Date, timeZone: string, language: Language = "en"): string {
  return new Intl.DateTimeFormat(localeOf(language), {
    timeZone,
    weekday: "short",
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(instant);
}
