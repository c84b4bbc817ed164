/**
 * On a connection that takes statements while others run (sqlite3), `check` and `revision
 * --autogenerate` read the version table alongside reflection and the model build
 * (whenDatabaseUpToDate): the catalog statements go out before the version read has answered,
 * and a database that is not up to date still fails with Alembic's error, before any error of
 * the model build, with no statement left running. A connection without the flag keeps the old
 * order: the version read answers before anything else is sent.
 */
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { test, type TestContext } from "node:test";
import { EntitySchema } from "typeorm";
import { command, defineConfig } from "autogen";
import type { Connection } from "@autogen/dialects";
import { tempDir, useDatabase } from "@autogen/dialects/testing";

const Account = new EntitySchema<{ id: number; name: string }>({
  name: "account",
  columns: { id: { type: Number, primary: true, generated: "increment" }, name: { type: "varchar", length: 50 } },
});

/** An entity whose metadata build fails: its relation names an entity that is not in the model. */
const Broken = new EntitySchema<{ id: number; owner: unknown }>({
  name: "broken",
  columns: { id: { type: Number, primary: true } },
  relations: { owner: { type: "many-to-one", target: "nowhere" } },
});

/** What a recording connection saw: each statement when sent and when answered (or failed), in order. */
type Event = { readonly what: "sent" | "answered"; readonly sql: string };

/** An autogen Connection that records its statements, with or without the concurrency flag. */
function recording(conn: Connection, concurrent: boolean): Connection & { events: Event[]; inFlight: number } {
  const events: Event[] = [];
  const wrapped = {
    events,
    inFlight: 0,
    dialect: conn.dialect,
    query: async (sql: string, params?: readonly unknown[]) => {
      events.push({ what: "sent", sql });
      wrapped.inFlight++;
      try {
        return await conn.query(sql, params as unknown[]);
      } finally {
        wrapped.inFlight--;
        events.push({ what: "answered", sql });
      }
    },
    serverVersion: () => conn.serverVersion(),
    close: async () => undefined,
    ...(concurrent && { concurrentStatements: true }),
  };
  return wrapped as unknown as Connection & { events: Event[]; inFlight: number };
}

const isVersionRead = (e: Event) => /\bautogen_version\b/.test(e.sql) && /^\s*SELECT\b/i.test(e.sql);
const isCatalog = (e: Event) => /\bsqlite_(schema|master)\b|\bpragma_/i.test(e.sql);

async function sqliteProject(t: TestContext) {
  const db = await useDatabase(t, "sqlite");
  assert.ok(db, "SQLite is always available");
  const scriptLocation = tempDir("version-read");
  fs.mkdirSync(path.join(scriptLocation, "versions"));
  t.after(() => fs.rmSync(scriptLocation, { recursive: true, force: true }));
  const conn = await db.connect();
  t.after(() => conn.close());
  const config = (entities: EntitySchema[]) =>
    defineConfig({ scriptLocation, url: db.url, entities, postWriteHooks: [], versionTable: "autogen_version" });
  return { conn, config, versions: () => fs.readdirSync(path.join(scriptLocation, "versions")) };
}

test("sqlite3 connection: statements may overlap, and the version is the library's, without a statement", async (t) => {
  const { conn } = await sqliteProject(t);
  assert.equal(conn.concurrentStatements, true);
  const counted = recording(conn, true);
  const version = await counted.serverVersion();
  const { rows } = await conn.query<{ v: string }>("SELECT sqlite_version() AS v");
  assert.equal(version, rows[0]!.v);
  assert.deepEqual(counted.events, [], "no statement was sent for the version");
});

for (const concurrent of [true, false]) {
  const label = concurrent ? "alongside reflection" : "before anything else (no concurrency flag)";
  test(`sqlite: check reads the version table ${label}`, async (t) => {
    const { conn, config } = await sqliteProject(t);
    const recorded = recording(conn, concurrent);
    const result = await command.check(config([Account]), { connection: recorded });
    assert.equal(result.upToDate, false, "the account table is new");
    const events = recorded.events;
    const versionSent = events.findIndex((e) => e.what === "sent" && isVersionRead(e));
    const versionAnswered = events.findIndex((e) => e.what === "answered" && isVersionRead(e));
    const firstCatalog = events.findIndex((e) => e.what === "sent" && isCatalog(e));
    assert.ok(versionSent >= 0 && versionAnswered > versionSent && firstCatalog >= 0, JSON.stringify(events));
    if (concurrent) assert.ok(firstCatalog < versionAnswered, `catalog sent before the version read answered`);
    else assert.ok(firstCatalog > versionAnswered, `catalog sent after the version read answered`);
    assert.equal(recorded.inFlight, 0);
  });

  test(`sqlite: a database that is not up to date fails first, ${label}`, async (t) => {
    const { conn, config, versions } = await sqliteProject(t);
    // A revision the database has not applied: the database is behind the script's head.
    assert.ok(await command.revision(config([Account]), { message: "first" }));
    for (const entities of [[Account], [Account, Broken]]) {
      const recorded = recording(conn, concurrent);
      await assert.rejects(command.check(config(entities), { connection: recorded }), {
        message: "Target database is not up to date.",
      });
      await assert.rejects(
        command.revision(config(entities), { connection: recorded, autogenerate: true, message: "second" }),
        { message: "Target database is not up to date." },
      );
      assert.equal(recorded.inFlight, 0, "no statement left running");
    }
    assert.equal(versions().filter((f) => f.endsWith(".ts")).length, 1, "no second revision was written");
    // Once up to date, the broken model's own error is the one reported.
    await command.upgrade(config([Account]), "head");
    await assert.rejects(command.check(config([Account, Broken]), { connection: recording(conn, concurrent) }), (e) =>
      /nowhere|metadata/i.test((e as Error).message),
    );
  });
}
