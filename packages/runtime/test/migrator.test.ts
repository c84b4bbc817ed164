import { test } from "node:test";
import assert from "node:assert/strict";
import { CommandError, DatabaseError } from "@autogen/core";
import { connect } from "@autogen/dialects";
import { dialectsUnderTest } from "@autogen/dialects/testing";
import { currentHeads, downgrade, partlyAppliedRevisions, stamp, upgrade } from "../src/index";
import { loadScript, openDatabase, openWithScript, tableExists, writeScript } from "./support/script-fixture";

const A = "aaaaaaaaaaa1";
const B = "bbbbbbbbbbb2";
const C = "ccccccccccc3";

/** a -> b -> c, each creating one table. */
function chain(): string {
  const links: [string, string | null, string][] = [
    [A, null, "t_a"],
    [B, A, "t_b"],
    [C, B, "t_c"],
  ];
  return writeScript(
    links.map(([rev, down, table]) => ({
      rev,
      down,
      message: `create ${table}`,
      upgrade: `  await op.createTable("${table}", [{ name: "id", type: "integer", primaryKey: true }]);`,
      downgrade: `  await op.dropTable("${table}");`,
    })),
  );
}

for (const name of dialectsUnderTest()) {
  test(`${name}: a chain upgrades to head and downgrades to base`, async (t) => {
    const env = await openDatabase(t, name);
    if (!env) return;
    const { conn, dialect } = env;
    const script = loadScript(chain());
    const log: string[] = [];
    assert.equal(
      await upgrade({ script, dialect, connection: conn, target: "head", log: (l) => log.push(l) }),
      undefined,
    );
    assert.deepEqual(await currentHeads({ dialect, connection: conn }), [C]);
    for (const table of ["t_a", "t_b", "t_c"]) assert.ok(await tableExists(conn, dialect, table), table);
    assert.deepEqual(log, [
      `Running upgrade  -> ${A}, create t_a`,
      `Running upgrade ${A} -> ${B}, create t_b`,
      `Running upgrade ${B} -> ${C}, create t_c`,
    ]);

    // Upgrading again finds nothing to do.
    const again: string[] = [];
    await upgrade({ script, dialect, connection: conn, target: "head", onStatement: (s) => again.push(s) });
    assert.deepEqual(
      again.filter((s) => !/^(BEGIN|COMMIT)$/.test(s)),
      [],
    );

    await downgrade({ script, dialect, connection: conn, target: "-1" });
    assert.deepEqual(await currentHeads({ dialect, connection: conn }), [B]);
    assert.equal(await tableExists(conn, dialect, "t_c"), false);

    await downgrade({ script, dialect, connection: conn, target: "base" });
    assert.deepEqual(await currentHeads({ dialect, connection: conn }), []);
    for (const table of ["t_a", "t_b"]) assert.equal(await tableExists(conn, dialect, table), false, table);
    // The version table stays (never dropped), empty.
    assert.ok(await tableExists(conn, dialect, "autogen_version"));
  });

  test(`${name}: a branch and its merge keep one version row per head`, async (t) => {
    const env = await openDatabase(t, name);
    if (!env) return;
    const { conn, dialect } = env;
    const [root, left, right, merge] = ["100000000001", "200000000002", "300000000003", "400000000004"];
    const mk = (table: string) =>
      `  await op.createTable("${table}", [{ name: "id", type: "integer", primaryKey: true }]);`;
    const rm = (table: string) => `  await op.dropTable("${table}");`;
    const script = loadScript(
      writeScript([
        { rev: root, down: null, upgrade: mk("root"), downgrade: rm("root") },
        { rev: left, down: root, upgrade: mk("left_t"), downgrade: rm("left_t") },
        { rev: right, down: root, upgrade: mk("right_t"), downgrade: rm("right_t") },
        { rev: merge, down: [left, right], upgrade: "", downgrade: "" },
      ]),
    );
    await upgrade({ script, dialect, connection: conn, target: left });
    assert.deepEqual(await currentHeads({ dialect, connection: conn }), [left]);
    await upgrade({ script, dialect, connection: conn, target: right });
    assert.deepEqual(await currentHeads({ dialect, connection: conn }), [left, right]);
    await upgrade({ script, dialect, connection: conn, target: "head" });
    assert.deepEqual(await currentHeads({ dialect, connection: conn }), [merge]);
    // Downgrading to one side of the merge unmerges: both parents are heads again.
    await downgrade({ script, dialect, connection: conn, target: right });
    assert.deepEqual(await currentHeads({ dialect, connection: conn }), [left, right]);
    await downgrade({ script, dialect, connection: conn, target: "base" });
    assert.deepEqual(await currentHeads({ dialect, connection: conn }), []);
    for (const table of ["root", "left_t", "right_t"])
      assert.equal(await tableExists(conn, dialect, table), false, table);
  });

  test(`${name}: stamp moves the version table without running revisions; purge empties it first`, async (t) => {
    const env = await openDatabase(t, name);
    if (!env) return;
    const { conn, dialect } = env;
    const script = loadScript(chain());
    await stamp({ script, dialect, connection: conn, revisions: [B] });
    assert.deepEqual(await currentHeads({ dialect, connection: conn }), [B]);
    assert.equal(await tableExists(conn, dialect, "t_a"), false);
    await conn.query(`INSERT INTO ${dialect.quote("autogen_version")} (version_num) VALUES ('deadbeef0000')`);
    await stamp({ script, dialect, connection: conn, revisions: [A], purge: true });
    assert.deepEqual(await currentHeads({ dialect, connection: conn }), [A]);
  });

  test(`${name}: transactionPerMigration commits each revision on its own`, async (t) => {
    const env = await openDatabase(t, name);
    if (!env) return;
    const { conn, dialect } = env;
    const { beginStatement, commitStatement, supportsTransactionalDdl } = dialect.adapter;
    const script = loadScript(chain());
    const statements: string[] = [];
    await upgrade({
      script,
      dialect,
      connection: conn,
      target: "head",
      transactionPerMigration: true,
      onStatement: (s) => statements.push(s),
    });
    assert.deepEqual(await currentHeads({ dialect, connection: conn }), [C]);
    const expected = supportsTransactionalDdl ? 3 : 0;
    assert.equal(statements.filter((s) => s === beginStatement).length, expected);
    assert.equal(statements.filter((s) => s === commitStatement).length, expected);
    // Each revision's version change, then its mark in the revisions table, then its own COMMIT.
    if (supportsTransactionalDdl) {
      const updateAt = statements.findIndex((s) => s.startsWith("UPDATE") && s.includes(`SET version_num = '${B}'`));
      assert.match(
        statements[updateAt + 1]!,
        new RegExp(`^UPDATE .*autogen_version_revisions.* WHERE revision = '${B}'$`),
      );
      assert.equal(statements[updateAt + 2], commitStatement);
    }
  });

  test(`${name}: with transactionPerMigration a failing revision keeps the ones before it`, async (t) => {
    const env = await openWithScript(t, name, [
      {
        rev: A,
        down: null,
        upgrade: `  await op.createTable("t_a", [{ name: "id", type: "integer", primaryKey: true }]);`,
        downgrade: "",
      },
      { rev: B, down: A, upgrade: `  await op.execute("INSERT INTO no_such_table VALUES (1)");`, downgrade: "" },
    ]);
    if (!env) return;
    const { conn, dialect, script } = env;
    await assert.rejects(
      upgrade({ script, dialect, connection: conn, target: "head", transactionPerMigration: true }),
      DatabaseError,
    );
    assert.deepEqual(await currentHeads({ dialect, connection: conn }), [A]);
    assert.ok(await tableExists(conn, dialect, "t_a"));
  });

  test(`${name}: a revision failing halfway`, async (t) => {
    const env = await openWithScript(t, name, [
      {
        rev: A,
        down: null,
        upgrade: `  await op.createTable("t_a", [{ name: "id", type: "integer", primaryKey: true }]);`,
        downgrade: "",
      },
      {
        rev: B,
        down: A,
        upgrade: `  await op.createTable("t_b", [{ name: "id", type: "integer", primaryKey: true }]);\n  await op.execute("INSERT INTO no_such_table VALUES (1)");`,
        downgrade: "",
      },
    ]);
    if (!env) return;
    const { conn, dialect, script } = env;
    const error = await upgrade({ script, dialect, connection: conn, target: "head" }).then(
      () => assert.fail("the upgrade should fail"),
      (e: unknown) => e,
    );
    assert.ok(error instanceof DatabaseError, String(error));
    assert.ok(!error.message.includes("\n"), error.message);
    assert.match(error.message, new RegExp(`upgrade ${A} -> ${B}`));
    assert.match(error.message, /INSERT INTO no_such_table VALUES \(1\)/);
    assert.equal(error.details.revision, B);
    assert.equal(error.details.statement, "INSERT INTO no_such_table VALUES (1)");
    if (dialect.adapter.supportsTransactionalDdl) {
      // Rolled back: no table of either revision, no version row.
      assert.deepEqual(await currentHeads({ dialect, connection: conn }), []);
      assert.equal(await tableExists(conn, dialect, "t_a"), false);
      assert.equal(await tableExists(conn, dialect, "t_b"), false);
      assert.match(error.message, /rolled back; the database is now at revision base$/);
    } else {
      // DDL commits as it goes: the version table says the last revision that completed, and
      // the message lists what of the failed one already ran.
      assert.deepEqual(await currentHeads({ dialect, connection: conn }), [A]);
      assert.ok(await tableExists(conn, dialect, "t_a"));
      assert.ok(await tableExists(conn, dialect, "t_b"));
      assert.match(
        error.message,
        /already executed in this revision and not rolled back: "CREATE TABLE [`"]?t_b[`"]? \(/,
      );
      assert.match(
        error.message,
        new RegExp(
          `the database is now at revision ${A}; ${B} stays recorded as started: finish the upgrade by hand and run 'autogen stamp ${B}', or undo what it made and run 'autogen stamp ${A}'$`,
        ),
      );
      // The next run refuses to start on a half-done revision, and says the same ways out.
      const partly = await partlyAppliedRevisions({ script, dialect, connection: conn });
      assert.equal(partly.length, 1);
      assert.match(
        partly[0]!,
        new RegExp(`^Revision ${B} \\(revision ${B}\\) is partly applied: its upgrade started at `),
      );
      await assert.rejects(upgrade({ script, dialect, connection: conn, target: "head" }), {
        message: partly[0],
      });
    }
  });
}

test("a revision file with a syntax error is a CommandError naming the file", async (t) => {
  const env = await openDatabase(t, "sqlite");
  if (!env) return;
  const { conn, dialect } = env;
  const dir = writeScript([
    {
      rev: A,
      down: null,
      upgrade: "",
      rawText: `/**\n * broken\n */\nexport const revision = "${A}";\nexport const downRevision = null;\nexport async function upgrade(op) {\n  await op.execute("x"\n}\n`,
    },
  ]);
  await assert.rejects(
    upgrade({ script: loadScript(dir), dialect, connection: conn, target: "head" }),
    (e: unknown) => {
      assert.ok(e instanceof CommandError && !(e instanceof DatabaseError), String(e));
      assert.match(e.message, new RegExp(`${A}_rev\\.ts`));
      return true;
    },
  );
  assert.deepEqual(await currentHeads({ dialect, connection: conn }), []);
});

test("a revision without downgrade() is a CommandError naming the file", async (t) => {
  const env = await openDatabase(t, "sqlite");
  if (!env) return;
  const { conn, dialect } = env;
  const script = loadScript(
    writeScript([{ rev: A, down: null, upgrade: `  await op.execute("CREATE TABLE x (id integer)");` }]),
  );
  await upgrade({ script, dialect, connection: conn, target: "head" });
  await assert.rejects(downgrade({ script, dialect, connection: conn, target: "base" }), (e: unknown) => {
    assert.ok(e instanceof CommandError, String(e));
    assert.match(e.message, new RegExp(`${A}_rev\\.ts has no exported downgrade\\(\\) function`));
    return true;
  });
  assert.deepEqual(await currentHeads({ dialect, connection: conn }), [A]);
});

test("a starting revision is only accepted offline", async (t) => {
  const env = await openDatabase(t, "sqlite");
  if (!env) return;
  const script = loadScript(chain());
  await assert.rejects(
    upgrade({ script, dialect: env.dialect, connection: env.conn, target: "head", startingRev: A }),
    CommandError,
  );
});

for (const name of dialectsUnderTest()) {
  test(`${name}: an UPDATE of the version table that matches no row is an error`, async (t) => {
    const env = await openDatabase(t, name);
    if (!env) return;
    const { conn, dialect } = env;
    assert.deepEqual(await currentHeads({ dialect, connection: conn }), []);
    // currentHeads only reads: the table is not created.
    assert.equal(await tableExists(conn, dialect, "autogen_version"), false);
    // A revision that empties the version table behind the migrator's back.
    const script = loadScript(
      writeScript([
        { rev: A, down: null, upgrade: "", downgrade: "" },
        {
          rev: B,
          down: A,
          upgrade: `  await op.execute("DELETE FROM ${dialect.quote("autogen_version").replace(/"/g, '\\"')}");`,
          downgrade: "",
        },
      ]),
    );
    await upgrade({ script, dialect, connection: conn, target: A });
    await assert.rejects(upgrade({ script, dialect, connection: conn, target: B }), (e: unknown) => {
      assert.ok(e instanceof CommandError, String(e));
      assert.match(
        e.message,
        new RegExp(
          `Online migration expected to match one row when updating '${A}' to '${B}' in 'autogen_version'; 0 found`,
        ),
      );
      return true;
    });
  });

  test(`${name}: versionTable and versionTableSchema name the table`, async (t) => {
    const env = await openDatabase(t, name);
    if (!env) return;
    const { conn, dialect } = env;
    const script = loadScript(chain());
    const o = { versionTable: "my_versions" };
    await upgrade({ script, dialect, connection: conn, target: A, ...o });
    assert.deepEqual(await currentHeads({ dialect, connection: conn, ...o }), [A]);
    assert.deepEqual(await currentHeads({ dialect, connection: conn }), []);
    assert.equal(await tableExists(conn, dialect, "autogen_version"), false);
  });
}

test("postgres: the version table in another schema", async (t) => {
  const env = await openDatabase(t, "postgres");
  if (!env) return;
  const { conn, dialect } = env;
  await conn.query("CREATE SCHEMA meta");
  const o = { versionTable: "versions", versionTableSchema: "meta" };
  await upgrade({ script: loadScript(chain()), dialect, connection: conn, target: "head", ...o });
  const { rows } = await conn.query<{ version_num: string }>('SELECT version_num FROM "meta"."versions"');
  assert.deepEqual(rows, [{ version_num: C }]);
});

test("sqlite: migrations run the same through better-sqlite3", async (t) => {
  const env = await openDatabase(t, "sqlite");
  if (!env) return;
  const { db, dialect } = env;
  const conn = await connect(db.url, { sqliteDriver: "better-sqlite3" });
  t.after(() => conn.close());
  const script = loadScript(chain());
  await upgrade({ script, dialect, connection: conn, target: "head" });
  assert.deepEqual(await currentHeads({ dialect, connection: conn }), [C]);
  await downgrade({ script, dialect, connection: conn, target: "base" });
  assert.deepEqual(await currentHeads({ dialect, connection: conn }), []);
});

for (const name of dialectsUnderTest()) {
  test(`${name}: an exception thrown by revision code is a CommandError naming the step`, async (t) => {
    const env = await openWithScript(t, name, [
      {
        rev: A,
        down: null,
        upgrade: `  await op.createTable("t_a", [{ name: "id", type: "integer", primaryKey: true }]);\n  throw new Error("cannot\\ncontinue");`,
        downgrade: "",
      },
    ]);
    if (!env) return;
    const { conn, dialect, script } = env;
    await assert.rejects(upgrade({ script, dialect, connection: conn, target: "head" }), (e: unknown) => {
      assert.ok(e instanceof CommandError && !(e instanceof DatabaseError), String(e));
      assert.match(e.message, new RegExp(`^Running upgrade  -> ${A} failed: cannot continue; `));
      assert.ok(!e.message.includes("\n"));
      return true;
    });
    assert.equal(await tableExists(conn, dialect, "t_a"), !dialect.adapter.supportsTransactionalDdl);
  });
}
