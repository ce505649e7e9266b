import { localeOf, translator } from "../i18n/index.js";
import type { Language } from "../model/index.js";
import type { RenderContext } from "./channel.js";

/** What a scheduled digest's header says, platform-neutral; adapters add markup and commands. */
export interface DigestHeading {
  /** "Your 08:00 digest": the slot's local time in the subscription's zone. */
  title: string;
  /** "Friday, 1 March 2024" in the same zone. */
  date: string;
  /** "3 stories". */
  stories: string;
  subscriptionId: string;
  /** The chat's language, for the adapter's footer. */
  language: Language;
  /** For a digest sent early by /digest: says the scheduled one still comes complete. */
  note?: string;
}

/** The heading of a scheduled digest, or undefined for anything else (commands, notices). */
export function digestHeading(
  context: RenderContext,
  cardCount: number,
): DigestHeading | undefined {
  const { subscription, slot } = context;
  if (subscription === undefined || slot === undefined) return undefined;
  const language = context.language ?? "en";
  const t = translator(language);
  const timeZone = subscription.timezone;
  const time = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(slot);
  const date = new Intl.DateTimeFormat(localeOf(language), {
    timeZone,
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
  }).format(slot);
  return {
    title: context.early ? t("digest-title-early", { time }) : t("digest-title", { time }),
    ...(context.early ? { note: t("digest-early-note", { time }) } : {}),
    date,
    stories: t("digest-stories", { count: cardCount }),
    subscriptionId: subscription.id,
    language,
  };
}
