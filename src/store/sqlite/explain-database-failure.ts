/** SQLite and file-system codes mapped to what an operator can act on. */
const REASONS: Record<string, string> = {
  SQLITE_READONLY: "the file or its folder is read-only",
  SQLITE_READONLY_DIRECTORY: "the folder is read-only",
  SQLITE_PERM: "permission denied",
  SQLITE_CANTOPEN: "the file cannot be opened (missing folder, permissions, or a read-only disk)",
  SQLITE_FULL: "the disk is full",
  SQLITE_IOERR: "an I/O error (disk failing, full or removed)",
  SQLITE_NOTADB: "not a database (the file is damaged or is something else)",
  SQLITE_CORRUPT: "the database is damaged",
  SQLITE_BUSY: "another process holds the database",
  EACCES: "permission denied",
  EPERM: "permission denied",
  EROFS: "the file system is read-only",
  ENOSPC: "the disk is full",
  ENOTDIR: "a part of the path is not a folder",
  EEXIST: "a part of the path is not a folder",
  EISDIR: "the path is a folder",
};

/** The first matching code along the error and its causes; extended SQLite codes fall back to their base. */
export function explainDatabaseFailure(error: unknown): string {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 4; depth += 1) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string") {
      const reason = REASONS[code] ?? REASONS[code.replace(/^(SQLITE_[A-Z]+)_.*$/, "$1")];
      if (reason !== undefined) return reason;
    }
    e = e.cause;
  }
  return error instanceof Error ? error.message : String(error);
}
