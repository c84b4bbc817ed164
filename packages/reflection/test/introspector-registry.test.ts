import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { CommandError } from "@autogen/core";
import { getDialect } from "@autogen/dialects";
import { useDatabase } from "@autogen/dialects/testing";
import { createIntrospector, MysqlIntrospector, PostgresIntrospector, SqliteIntrospector } from "../src/index";

describe("createIntrospector", () => {
  it("picks the dialect's introspector", async (t) => {
    const db = await useDatabase(t, "sqlite");
    if (!db) return;
    const conn = await db.connect();
    t.after(() => conn.close());
    const introspector = createIntrospector(conn, getDialect("sqlite"));
    assert.ok(introspector instanceof SqliteIntrospector);
    assert.deepEqual(await introspector.schemaNames(), ["main"]);
    assert.equal(introspector.lastQueryCount, 0);
    assert.ok(typeof PostgresIntrospector === "function" && typeof MysqlIntrospector === "function");
  });

  it("refuses a connection of another dialect", async (t) => {
    const db = await useDatabase(t, "sqlite");
    if (!db) return;
    const conn = await db.connect();
    t.after(() => conn.close());
    assert.throws(
      () => createIntrospector(conn, getDialect("postgres")),
      (err: unknown) => {
        assert.ok(err instanceof CommandError);
        assert.equal(err.message, "Cannot reflect a sqlite connection with the postgres dialect");
        return true;
      },
    );
  });
});
