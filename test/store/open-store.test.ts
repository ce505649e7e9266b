import { describe, expect, it } from "vitest";
import { openStore, parseDatabaseUrl } from "../../src/store/index.js";
import { databaseUrl, loadConfig } from "../../src/config.js";
import { tempDatabase } from "./store-kit.js";

describe("openStore", () => {
  it("reads postgres URLs as Postgres and paths or sqlite: URLs as SQLite", () => {
    expect(parseDatabaseUrl("postgres://u@h:5432/db")).toEqual({
      kind: "postgres",
      connectionString: "postgres://u@h:5432/db",
    });
    expect(parseDatabaseUrl("postgresql://h/db").kind).toBe("postgres");
    expect(parseDatabaseUrl("./data/digest.db")).toEqual({
      kind: "sqlite",
      path: "./data/digest.db",
    });
    expect(parseDatabaseUrl("sqlite:./x.db")).toEqual({ kind: "sqlite", path: "./x.db" });
    expect(parseDatabaseUrl("sqlite:///var/x.db")).toEqual({ kind: "sqlite", path: "/var/x.db" });
  });

  it("opens a migrated SQLite store from a file path and closes it", async () => {
    const temp = tempDatabase();
    try {
      const opened = await openStore({ databaseUrl: `sqlite:${temp.path}` });
      expect(opened.store.kind).toBe("sqlite");
      await opened.store.kv.set("k", "v");
      await opened.close();
      const again = await openStore({ databaseUrl: temp.path });
      expect(await again.store.kv.get("k")).toBe("v");
      await again.close();
    } finally {
      temp.cleanup();
    }
  });

  it("takes DATABASE_URL over DATABASE_PATH, which stays the default", () => {
    expect(databaseUrl(loadConfig({}))).toBe("./data/digest.db");
    expect(databaseUrl(loadConfig({ DATABASE_PATH: "/tmp/a.db" }))).toBe("/tmp/a.db");
    const url = "postgres://bot:s3cret@db:5432/news";
    expect(databaseUrl(loadConfig({ DATABASE_URL: url, DATABASE_PATH: "/tmp/a.db" }))).toBe(url);
    expect(() => loadConfig({ DATABASE_URL: "mysql://db/news" })).toThrow(/DATABASE_URL/);
  });
});
