import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { CommandError } from "@autogen/core";
import { connect, type DialectName, parseUrl, wrapConnection } from "../src/index";
import { type FreshDatabase, useDatabase } from "../src/testing";

/* eslint-disable @typescript-eslint/no-require-imports -- the drivers are untyped here, as for users */
const pg = require("pg");
const mysql2 = require("mysql2");
const mysql2Promise = require("mysql2/promise");
const sqlite3 = require("sqlite3");
const BetterSqlite3 = require("better-sqlite3");

/** One way a user may hold a connection: open it, query it natively, close it. */
interface NativeConnection {
  name: string;
  dialect: DialectName;
  open(db: FreshDatabase): Promise<unknown>;
  /** Proves the user's connection is still usable. */
  ping(native: any): Promise<unknown>;
  close(native: any): Promise<unknown>;
}

const serverConfig = (db: FreshDatabase) => {
  const u = parseUrl(db.url);
  return { host: u.host, port: u.port, user: u.user, password: u.password, database: u.database };
};

const NATIVE: NativeConnection[] = [
  {
    name: "pg.Client",
    dialect: "postgres",
    async open(db) {
      const c = new pg.Client(serverConfig(db));
      await c.connect();
      return c;
    },
    ping: (c) => c.query("SELECT 1"),
    close: (c) => c.end(),
  },
  {
    name: "pg.PoolClient",
    dialect: "postgres",
    async open(db) {
      const pool = new pg.Pool({ ...serverConfig(db), max: 1 });
      const client = await pool.connect();
      return Object.assign(client, { pool });
    },
    ping: (c) => c.query("SELECT 1"),
    async close(c) {
      c.release();
      await c.pool.end();
    },
  },
  {
    name: "mysql2 callback connection",
    dialect: "mysql",
    async open(db) {
      const c = mysql2.createConnection(serverConfig(db));
      await new Promise<void>((res, rej) => c.connect((e: Error | null) => (e ? rej(e) : res())));
      return c;
    },
    ping: (c) => new Promise<void>((res, rej) => c.query("SELECT 1", (e: Error | null) => (e ? rej(e) : res()))),
    close: (c) => new Promise<void>((res) => c.end(() => res())),
  },
  {
    name: "mysql2 promise connection",
    dialect: "mysql",
    open: (db) => mysql2Promise.createConnection(serverConfig(db)),
    ping: (c) => c.query("SELECT 1"),
    close: (c) => c.end(),
  },
  {
    name: "sqlite3.Database",
    dialect: "sqlite",
    open: (db) =>
      new Promise((res, rej) => {
        const d = new sqlite3.Database(parseUrl(db.url).filename, (e: Error | null) => (e ? rej(e) : res(d)));
      }),
    ping: (d) => new Promise<void>((res, rej) => d.get("SELECT 1", (e: Error | null) => (e ? rej(e) : res()))),
    close: (d) => new Promise<void>((res) => d.close(() => res())),
  },
  {
    name: "better-sqlite3 Database",
    dialect: "sqlite",
    open: async (db) => new BetterSqlite3(parseUrl(db.url).filename),
    ping: async (d) => d.prepare("SELECT 1").get(),
    close: async (d) => d.close(),
  },
];

describe("wrapConnection", () => {
  for (const native of NATIVE) {
    it(`adopts a ${native.name} and leaves it open on close()`, async (t) => {
      const db = await useDatabase(t, native.dialect);
      if (!db) return;
      const userConn = await native.open(db);
      t.after(() => native.close(userConn));

      const conn = wrapConnection(userConn);
      assert.equal(conn.dialect, native.dialect);
      await conn.query("CREATE TABLE shared (id integer PRIMARY KEY, name varchar(10))");
      assert.equal((await conn.query("INSERT INTO shared (id, name) VALUES (?, ?)", [1, "x?"])).rowCount, 1);
      assert.deepEqual((await conn.query("SELECT id, name FROM shared WHERE id = ?", [1])).rows, [
        { id: 1, name: "x?" },
      ]);
      assert.match(await conn.serverVersion(), /^\d+\.\d+/);

      await conn.close();
      await conn.close();
      await native.ping(userConn);
    });
  }

  it("sees the user's open transaction (same session)", async (t) => {
    const db = await useDatabase(t, "postgres");
    if (!db) return;
    const client = new pg.Client(serverConfig(db));
    await client.connect();
    t.after(() => client.end());
    await client.query("BEGIN");
    await client.query("CREATE TABLE in_tx (id integer)");
    const conn = wrapConnection(client);
    assert.deepEqual((await conn.query("SELECT count(*)::int AS n FROM in_tx")).rows, [{ n: 0 }]);
    await client.query("ROLLBACK");
  });

  it("adopts an autogen Connection without closing it", async () => {
    const own = await connect("sqlite://:memory:");
    const adopted = wrapConnection(own);
    assert.equal(adopted.dialect, "sqlite");
    await adopted.close();
    assert.equal((await own.query("SELECT 1 AS one")).rowCount, 1);
    await own.close();
  });

  it("refuses pools and unknown objects with a CommandError", async (t) => {
    const pool = new pg.Pool({ host: "127.0.0.1", port: 1 });
    t.after(() => pool.end());
    for (const bad of [pool, mysql2.createPool({ host: "127.0.0.1", port: 1 }), {}, null, "postgres://x/y"]) {
      assert.throws(
        () => wrapConnection(bad),
        (err: unknown) => err instanceof CommandError && /as a database connection/.test(err.message),
      );
    }
  });
});
