import { FluentBundle, FluentResource, type FluentVariable } from "@fluent/bundle";
import { LANGUAGES, type Language } from "../model/index.js";
import { MESSAGES_DE } from "./messages-de.js";
import { MESSAGES_EN } from "./messages-en.js";

export type MessageArgs = Record<string, string | number>;
/** One language's lookup: message id (+ arguments) -> text. */
export type Translate = (id: string, args?: MessageArgs) => string;

const SOURCES: Record<Language, string> = { en: MESSAGES_EN, de: MESSAGES_DE };
const LOCALES: Record<Language, string> = { en: "en-GB", de: "de-DE" };

function bundleFor(language: Language): FluentBundle {
  // No Unicode isolation marks: the text goes into chat messages, not a bidi-aware UI.
  const bundle = new FluentBundle(LOCALES[language], { useIsolating: false });
  const errors = bundle.addResource(new FluentResource(SOURCES[language]));
  if (errors.length > 0) throw new Error(`messages-${language}: ${errors[0]!.message}`);
  return bundle;
}

const BUNDLES = Object.fromEntries(LANGUAGES.map((l) => [l, bundleFor(l)])) as Record<
  Language,
  FluentBundle
>;

function format(bundle: FluentBundle, id: string, args?: MessageArgs): string | undefined {
  const message = bundle.getMessage(id);
  if (message?.value == null) return undefined;
  return bundle.formatPattern(message.value, args as Record<string, FluentVariable> | undefined);
}

/** The lookup for `language`; a message it lacks comes in English, an unknown id as the id. */
export function translator(language: Language = "en"): Translate {
  return (id, args) => format(BUNDLES[language], id, args) ?? format(BUNDLES.en, id, args) ?? id;
}

/** The Intl locale of a language, for dates and times. */
export const localeOf = (language: Language = "en") => LOCALES[language];

/** Every message id of `language` (tests check that each language has all of English). */
export function messageIds(language: Language): string[] {
  return [...SOURCES[language].matchAll(/^([a-z][a-z0-9-]*) =/gm)].map((m) => m[1]!);
}
