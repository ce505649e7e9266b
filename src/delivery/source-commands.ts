import type { SourceKind } from "../model/index.js";
import type { ChatRef } from "../store/index.js";

/** One source as a chat sees it in /sources. */
export interface SourceView {
  /** 1-based position in the chat's list: what /removesource N takes. */
  n: number;
  id: string;
  url: string;
  kind: SourceKind;
  title: string | null;
  status: "ok" | "new" | "failing" | "disabled";
  newestTitle: string | null;
  newestAt: string | null;
  failingSince: string | null;
  lastError: string | null;
}

export type AddSourceResult =
  | { ok: true; source: SourceView; alreadyAdded: boolean; firstOwn: boolean }
  /** `error` is one line the user can act on. */
  | { ok: false; error: string };

export type RemoveSourceResult = { ok: true; removed: SourceView } | { ok: false; error: string };

/** /sources, /addsource, /removesource, platform-neutral; `pipeline/` implements it. */
export interface SourceCommands {
  /** The chat's own sources, or the operator's (`own: false`) when it has none. */
  sources(chat: ChatRef): Promise<{ own: boolean; sources: SourceView[] }>;
  addSource(chat: ChatRef, url: string): Promise<AddSourceResult>;
  /** `which` is a position from /sources or the source's URL. */
  removeSource(chat: ChatRef, which: string): Promise<RemoveSourceResult>;
}

/** For a backend built without ingest (tests, the console): every command says so. */
export const noSourceCommands: SourceCommands = {
  sources: async () => ({ own: false, sources: [] }),
  addSource: async () => ({ ok: false, error: "sources cannot be changed in this setup" }),
  removeSource: async () => ({ ok: false, error: "sources cannot be changed in this setup" }),
};

/** The state of a source in a few words, the same on every platform (plain text). */
export function describeSourceState(view: SourceView): string {
  const day = (iso: string | null) => (iso ?? "").slice(0, 10);
  const why = view.lastError ? `: ${view.lastError}` : "";
  switch (view.status) {
    case "disabled":
      return `turned off after failing since ${day(view.failingSince) || "long ago"}${why}`;
    case "failing":
      return `failing since ${day(view.failingSince)}${why}`;
    case "new":
      return "not read yet";
    case "ok":
      return view.newestTitle
        ? `ok, newest: "${view.newestTitle}" (${day(view.newestAt)})`
        : "ok, no new items yet";
  }
}
