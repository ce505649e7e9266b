/** A quoted identifier: schema names come from config and tests, never from users, but still. */
export const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;
