/* The run lock of each dialect against the real servers: a second session cannot take it while the first holds it. */
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { describe, it } from "node:test";
import {
  AlterColumnOp,
  BatchAlterTableOp,
  CreateIndexOp,
  DatabaseError,
  Index,
  IndexElement,
  QualifiedName,
  type OpNode,
} from "@autogen/core";
import { getDialect, mysqlLockName, postgresLockKey, type Connection, type DialectName } from "../src/index";
import { dialectsUnderTest, useDatabase } from "../src/testing";

/** The session setting the lock temporarily changes, to check it is restored. */
const SETTING: Record<DialectName, string | null> = {
  postgres: "SHOW lock_timeout",
  mysql: null,
  sqlite: "PRAGMA busy_timeout",
};

const setting = async (conn: Connection, d: DialectName) => {
  const sql = SETTING[d];
  return sql === null ? null : Object.values((await conn.query(sql)).rows[0] ?? {})[0];
};

describe("DialectAdapter capabilities", () => {
  it("transactional DDL, batch recreate and the lock-is-a-transaction flag", () => {
    const flags = (d: DialectName) => {
      const a = getDialect(d).adapter;
      return [a.supportsTransactionalDdl, a.requiresBatchRecreate, a.runLockIsTransaction];
    };
    assert.deepEqual(flags("postgres"), [true, false, false]);
    assert.deepEqual(flags("mysql"), [false, false, false]);
    assert.deepEqual(flags("sqlite"), [true, true, true]);
  });

  it("comments and model checks: what compare may compare on each dialect", () => {
    const caps = (d: DialectName) => [getDialect(d).adapter.supportsComments, getDialect(d).adapter.hasModelChecks];
    assert.deepEqual(caps("postgres"), [true, true]);
    assert.deepEqual(caps("mysql"), [true, true]);
    assert.deepEqual(caps("sqlite"), [false, true]);
  });

  it("enforcesChecks: MySQL/MariaDB compare CHECKs only on servers that enforce them", () => {
    const enforces = getDialect("mysql").enforcesChecks!;
    assert.equal(enforces("10.11.6-MariaDB-0+deb12u1"), true);
    assert.equal(enforces("10.2.1-MariaDB"), true);
    assert.equal(enforces("10.1.48-MariaDB"), false);
    assert.equal(enforces("8.0.16"), true);
    assert.equal(enforces("8.0.15"), false);
    assert.equal(enforces("5.7.44-log"), false);
  });

  it("requiresRecreate: only SQLite moves and copies, and only for what ALTER TABLE cannot do in place", () => {
    const t = QualifiedName.create("t");
    const addIndex = CreateIndexOp.create(t, Index.create("ix", [IndexElement.column("a")]));
    const notNull = AlterColumnOp.create(t, "a", { nullable: false });
    const rename = AlterColumnOp.create(t, "a", { name: "b" });
    const batch = (ops: OpNode[], recreate?: "auto" | "always" | "never") => BatchAlterTableOp.create(t, ops, recreate);
    for (const d of ["postgres", "mysql"] as const) {
      const a = getDialect(d).adapter;
      assert.equal(a.requiresRecreate(batch([notNull], "always")), false, d);
      assert.equal(a.recreateTable, undefined, d);
    }
    const sqlite = getDialect("sqlite").adapter;
    assert.equal(sqlite.requiresRecreate(batch([addIndex, rename])), false);
    assert.equal(sqlite.requiresRecreate(batch([addIndex, notNull])), true);
    assert.equal(sqlite.requiresRecreate(batch([addIndex], "always")), true);
    assert.equal(sqlite.requiresRecreate(batch([notNull], "never")), false);
    assert.equal(typeof sqlite.recreateTable, "function");
  });

  it("derives stable lock keys and short MySQL lock names", () => {
    assert.equal(postgresLockKey("autogen"), postgresLockKey("autogen"));
    assert.notEqual(postgresLockKey("autogen"), postgresLockKey("autogen2"));
    assert.match(postgresLockKey("autogen"), /^-?\d+$/);
    assert.equal(mysqlLockName("autogen"), "autogen");
    assert.equal(mysqlLockName("x".repeat(100)).length <= 64, true);
  });
});

describe("MySQL run lock scope", () => {
  it("mysql: the same lock name on two databases of one server does not wait", async (t) => {
    const a = await useDatabase(t, "mysql");
    const b = a && (await useDatabase(t, "mysql"));
    if (!a || !b) return;
    const adapter = getDialect("mysql").adapter;
    const name = `autogen_test_${randomBytes(6).toString("hex")}`;
    const onA = await a.connect();
    const onB = await b.connect();
    await adapter.acquireRunLock(onA, { name, timeoutMs: 2000 });
    await adapter.acquireRunLock(onB, { name, timeoutMs: 0 });
    const otherOnA = await a.connect();
    await assert.rejects(
      adapter.acquireRunLock(otherOnA, { name, timeoutMs: 0 }),
      DatabaseError,
      "the same database still waits",
    );
    // A revision may switch databases (USE): the lock is released under the name it was taken with.
    await onA.query(`USE ${getDialect("mysql").quote(new URL(b.url).pathname.slice(1))}`);
    await adapter.releaseRunLock(onA, { name });
    await adapter.acquireRunLock(otherOnA, { name, timeoutMs: 0 });
    await adapter.releaseRunLock(otherOnA, { name });
    await adapter.releaseRunLock(onB, { name });
  });
});

describe("PostgreSQL run lock scope", () => {
  it("postgres: an unqualified lock is per current schema (tenants of one database do not wait); a qualified one is not", async (t) => {
    const db = await useDatabase(t, "postgres");
    if (!db) return;
    const adapter = getDialect("postgres").adapter;
    const name = `autogen:autogen_version`;
    const setup = await db.connect();
    await setup.query("CREATE SCHEMA tenant_a");
    await setup.query("CREATE SCHEMA tenant_b");
    const session = async (schema: string) => {
      const c = await db.connect();
      await c.query(`SET search_path TO ${schema}`);
      return c;
    };
    const a = await session("tenant_a");
    const b = await session("tenant_b");
    const alsoA = await session("tenant_a");
    await adapter.acquireRunLock(a, { name, timeoutMs: 2000 });
    await adapter.acquireRunLock(b, { name, timeoutMs: 0 });
    await assert.rejects(adapter.acquireRunLock(alsoA, { name, timeoutMs: 0 }), DatabaseError, "the same schema waits");
    // Released under the key it was taken with, even after a revision changed search_path.
    await a.query("SET search_path TO tenant_b");
    await adapter.releaseRunLock(a, { name });
    await adapter.acquireRunLock(alsoA, { name, timeoutMs: 0 });
    await adapter.releaseRunLock(alsoA, { name });
    await adapter.releaseRunLock(b, { name });

    const qualified = { name: "autogen:shared.autogen_version", qualified: true };
    await adapter.acquireRunLock(a, { ...qualified, timeoutMs: 2000 });
    await assert.rejects(
      adapter.acquireRunLock(b, { ...qualified, timeoutMs: 0 }),
      DatabaseError,
      "one version table named with its schema is one lock, whatever search_path says",
    );
    await adapter.releaseRunLock(a, qualified);
    for (const c of [a, b, alsoA, setup]) await c.close();
  });
});

describe("run lock on the real databases", () => {
  for (const d of dialectsUnderTest()) {
    it(`${d}: a second session waits, times out with DatabaseError, and gets the lock once it is released`, async (t) => {
      const db = await useDatabase(t, d);
      if (!db) return;
      const adapter = getDialect(d).adapter;
      const name = `autogen_test_${randomBytes(6).toString("hex")}`;
      const first = await db.connect();
      const second = await db.connect();
      if (d === "sqlite") await first.query("CREATE TABLE t (x integer)"); // a database file with a schema
      const before = await setting(second, d);

      await adapter.acquireRunLock(first, { name, timeoutMs: 5000 });
      const started = Date.now();
      await assert.rejects(adapter.acquireRunLock(second, { name, timeoutMs: 300 }), DatabaseError);
      assert.ok(Date.now() - started >= 250, "the second session waited before giving up");
      assert.equal(await setting(second, d), before, "the session's own timeout setting is restored");

      // Releasing: SQLite's lock is the transaction, ended by COMMIT.
      if (adapter.runLockIsTransaction) await first.query(adapter.commitStatement);
      else await adapter.releaseRunLock(first, { name });

      await adapter.acquireRunLock(second, { name, timeoutMs: 2000 });
      if (adapter.runLockIsTransaction) {
        // The exclusive transaction blocks writers and is the runtime's transaction: no BEGIN needed.
        await second.query("INSERT INTO t VALUES (1)");
        await first.query("PRAGMA busy_timeout = 100");
        await assert.rejects(first.query("INSERT INTO t VALUES (2)"), DatabaseError);
        await second.query(adapter.commitStatement);
      } else {
        await adapter.releaseRunLock(second, { name });
        // Releasing a lock this session does not hold is an error, not a silent no-op.
        await assert.rejects(adapter.releaseRunLock(second, { name }), DatabaseError);
      }
    });
  }
});
