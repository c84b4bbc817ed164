import { test } from "node:test";
import assert from "node:assert/strict";
import { CommandError } from "@autogen/core";
import { getDialect } from "@autogen/dialects";
import { dialectsUnderTest, offlineStatements } from "@autogen/dialects/testing";
import { downgrade, MigrationContext, revisionFileHash, RevisionsTable, stamp, upgrade } from "../src/index";
import { loadScript, openDatabase, writeScript } from "./support/script-fixture";

const A = "aaaaaaaaaaa1";
const B = "bbbbbbbbbbb2";
const C = "ccccccccccc3";

/** Revisions with tables, an index, data and raw SQL: a bit of everything the text must match. */
function revisions(): string {
  return writeScript([
    {
      rev: A,
      down: null,
      message: "create accounts",
      upgrade: `  await op.createTable("accounts", [{ name: "id", type: "integer", primaryKey: true }, { name: "name", type: "varchar(50)", nullable: false }]);`,
      downgrade: `  await op.dropTable("accounts");`,
    },
    {
      rev: B,
      down: A,
      message: "add email",
      upgrade: `  await op.addColumn("accounts", { name: "email", type: "varchar(100)" });\n  await op.createIndex("ix_accounts_email", "accounts", ["email"]);`,
      downgrade: `  await op.dropIndex("ix_accounts_email", "accounts");\n  await op.dropColumn("accounts", "email");`,
    },
    {
      rev: C,
      down: B,
      message: "seed",
      upgrade: `  await op.bulkInsert("accounts", [{ id: 1, name: "O'Brien", email: null }, { id: 2, name: "b", email: "b@x" }]);\n  await op.execute("UPDATE accounts SET name = 'z' WHERE id = 2");`,
      downgrade: `  await op.execute("DELETE FROM accounts");`,
    },
  ]);
}

/** Two heads on one root. */
function branched(): string {
  return writeScript([
    { rev: A, down: null, upgrade: "", downgrade: "" },
    { rev: B, down: A, upgrade: "", downgrade: "" },
    { rev: C, down: A, upgrade: "", downgrade: "" },
  ]);
}

for (const name of dialectsUnderTest()) {
  test(`${name}: --sql prints exactly the statements an online run executes`, async (t) => {
    const env = await openDatabase(t, name);
    if (!env) return;
    const { conn, dialect } = env;
    const script = loadScript(revisions());

    // From base: the version table's CREATE is part of both.
    const fromBase = (await upgrade({ script, dialect, sql: true, target: A })) as string;
    const onlineFromBase: string[] = [];
    await upgrade({ script, dialect, connection: conn, target: A, onStatement: (s) => onlineFromBase.push(s) });
    assert.deepEqual(offlineStatements(fromBase), onlineFromBase);

    // upgrade A:C
    const up = (await upgrade({ script, dialect, sql: true, startingRev: A, target: C })) as string;
    const onlineUp: string[] = [];
    await upgrade({ script, dialect, connection: conn, target: C, onStatement: (s) => onlineUp.push(s) });
    assert.deepEqual(offlineStatements(up), onlineUp);
    assert.ok(onlineUp.length >= 6, onlineUp.join("\n"));
    assert.match(up, new RegExp(`^-- Running upgrade ${A} -> ${B}$`, "m"));
    assert.match(up, new RegExp(`^-- Running upgrade ${B} -> ${C}$`, "m"));
    assert.match(up, new RegExp(`UPDATE .*autogen_version.* SET version_num = '${C}' WHERE version_num = '${B}';\\n`));
    assert.doesNotMatch(up, /CREATE TABLE IF NOT EXISTS [`"]?autogen_version[`"]? /);

    // downgrade C:A
    const down = (await downgrade({ script, dialect, sql: true, startingRev: C, target: A })) as string;
    const onlineDown: string[] = [];
    await downgrade({ script, dialect, connection: conn, target: A, onStatement: (s) => onlineDown.push(s) });
    assert.deepEqual(offlineStatements(down), onlineDown);
    assert.match(down, new RegExp(`^-- Running downgrade ${C} -> ${B}$`, "m"));

    // Every statement ends with ";" and a newline; the transaction frames the run where the
    // dialect has transactional DDL.
    const { beginStatement, commitStatement, supportsTransactionalDdl } = dialect.adapter;
    assert.ok(up.endsWith(";\n"));
    assert.equal(offlineStatements(up)[0] === beginStatement, supportsTransactionalDdl);
    assert.equal(offlineStatements(up).at(-1) === commitStatement, supportsTransactionalDdl);
  });
}

test("offline downgrade to base ends by dropping the version table, as Alembic's scripts do", async () => {
  const dialect = getDialect("postgres");
  const script = loadScript(revisions());
  const sql = (await downgrade({ script, dialect, sql: true, startingRev: A, target: "base" })) as string;
  const revisionsTable = '"autogen_version_revisions"';
  assert.deepEqual(offlineStatements(sql), [
    "BEGIN",
    new RevisionsTable(new MigrationContext({ dialect })).createStatement,
    `DELETE FROM ${revisionsTable} WHERE revision = '${A}'`,
    `INSERT INTO ${revisionsTable} (revision, state, operation, started_at) VALUES ('${A}', 'running', 'downgrade', CURRENT_TIMESTAMP)`,
    'DROP TABLE "accounts"',
    `DELETE FROM "autogen_version" WHERE version_num = '${A}'`,
    `DELETE FROM ${revisionsTable} WHERE revision = '${A}'`,
    'DROP TABLE "autogen_version"',
    `DROP TABLE ${revisionsTable}`,
    "COMMIT",
  ]);
  // Not when the range stops above base.
  const partial = (await downgrade({ script, dialect, sql: true, startingRev: C, target: A })) as string;
  assert.doesNotMatch(partial, /DROP TABLE "autogen_version/);
  // `heads` as FROM must name one revision (Alembic's rule for the starting revision).
  await assert.rejects(
    downgrade({ script: loadScript(branched()), dialect, sql: true, startingRev: "heads", target: "base" }),
    {
      message:
        "Multiple head revisions are present for given argument 'heads'; please specify a specific target revision, '<branchname>@heads' to narrow to a specific head, or 'heads' for all heads",
    },
  );
});

test("offline from base creates the version table in the first revision's step, inside the transaction", async () => {
  const dialect = getDialect("postgres");
  const sql = (await upgrade({ script: loadScript(revisions()), dialect, sql: true, target: A })) as string;
  const statements = offlineStatements(sql);
  assert.equal(statements[0], "BEGIN");
  assert.match(statements[1]!, /^CREATE TABLE IF NOT EXISTS "autogen_version_revisions" /);
  assert.equal(
    statements[2],
    'CREATE TABLE IF NOT EXISTS "autogen_version" (version_num VARCHAR(32) NOT NULL, CONSTRAINT "autogen_version_pkc" PRIMARY KEY (version_num))',
  );
  assert.match(sql, /PRIMARY KEY \(version_num\)\);\n-- Running upgrade  -> aaaaaaaaaaa1\n/);
  assert.equal(statements.at(-3), `INSERT INTO "autogen_version" (version_num) VALUES ('${A}')`);
  assert.match(statements.at(-2)!, /^UPDATE "autogen_version_revisions" SET state = 'applied'/);
});

test("offline: version table name and schema, transaction per migration, stamp", async () => {
  const dialect = getDialect("postgres");
  const script = loadScript(revisions());
  const sql = (await upgrade({
    script,
    dialect,
    sql: true,
    target: B,
    versionTable: "versions",
    versionTableSchema: "meta",
    transactionPerMigration: true,
  })) as string;
  const statements = offlineStatements(sql);
  // The revisions table follows the version table's name and schema.
  assert.match(statements[0]!, /^CREATE TABLE IF NOT EXISTS "meta"\."versions_revisions" /);
  assert.match(statements[2]!, /^CREATE TABLE IF NOT EXISTS "meta"\."versions" /);
  assert.ok(statements.some((s) => s.startsWith(`INSERT INTO "meta"."versions_revisions" `)));
  assert.deepEqual(
    statements.filter((s) => s === "BEGIN" || s === "COMMIT"),
    ["BEGIN", "COMMIT", "BEGIN", "COMMIT"],
  );
  // A partial starting revision means the full id.
  const partial = (await upgrade({ script, dialect, sql: true, startingRev: "bbbb", target: C })) as string;
  assert.match(partial, new RegExp(`WHERE version_num = '${B}';`));
  const fromBase = (await upgrade({ script, dialect, sql: true, startingRev: "base", target: A })) as string;
  assert.match(fromBase, /CREATE TABLE IF NOT EXISTS "autogen_version"/);
  const stamped = (await stamp({ script, dialect, sql: true, startingRev: A, revisions: [C] })) as string;
  const hashOf = (id: string) => revisionFileHash(script.map.byId(id)!.path);
  assert.deepEqual(offlineStatements(stamped).slice(2), [
    `UPDATE "autogen_version" SET version_num = '${C}' WHERE version_num = '${A}'`,
    // The revisions table: no run is left unfinished, B and C are applied by the stamp.
    `DELETE FROM "autogen_version_revisions" WHERE state = 'running'`,
    `DELETE FROM "autogen_version_revisions" WHERE revision IN ('${B}', '${C}')`,
    // Each with its file's checksum.
    `INSERT INTO "autogen_version_revisions" (revision, state, operation, checksum, finished_at) VALUES ('${B}', 'applied', 'stamp', '${hashOf(B)}', CURRENT_TIMESTAMP), ('${C}', 'applied', 'stamp', '${hashOf(C)}', CURRENT_TIMESTAMP)`,
    "COMMIT",
  ]);
  assert.match(stamped, new RegExp(`^-- Running stamp_revision ${A} -> ${C}$`, "m"));
});

test("offline: getXArgument and isOffline reach the revision", async () => {
  const dialect = getDialect("mysql");
  const script = loadScript(
    writeScript([
      {
        rev: A,
        down: null,
        upgrade: `  await op.execute(\`SELECT '\${op.context.getXArgument("tenant")}' AS t, \${op.context.isOffline} AS offline, '\${op.context.dialect}' AS d\`);`,
        downgrade: "",
      },
    ]),
  );
  const sql = (await upgrade({ script, dialect, sql: true, target: A, x: { tenant: "acme" } })) as string;
  assert.ok(sql.includes("SELECT 'acme' AS t, true AS offline, 'mysql' AS d;\n"), sql);
});

test("offline: a batch that must recreate its table needs copyFrom", async () => {
  const dialect = getDialect("sqlite");
  const batch = (copyFrom: string) =>
    loadScript(
      writeScript([
        {
          rev: A,
          down: null,
          upgrade: `  await op.batchAlterTable("accounts", async (batch) => {\n    await batch.dropColumn("legacy");\n  }${copyFrom});`,
          downgrade: "",
        },
      ]),
    );
  await assert.rejects(upgrade({ script: batch(""), dialect, sql: true, target: A }), (e: unknown) => {
    assert.ok(e instanceof CommandError, String(e));
    assert.match(e.message, /accounts.*live database connection.*copyFrom/);
    return true;
  });
  const sql = (await upgrade({
    script: batch(
      `, { copyFrom: { columns: [{ name: "id", type: "integer", primaryKey: true }, { name: "legacy", type: "text" }] } }`,
    ),
    dialect,
    sql: true,
    target: A,
  })) as string;
  const statements = offlineStatements(sql);
  assert.ok(
    statements.some((s) => /^CREATE TABLE "_autogen_tmp_accounts"/.test(s)),
    sql,
  );
  assert.ok(statements.includes('INSERT INTO "_autogen_tmp_accounts" ("id") SELECT "id" FROM "accounts"'), sql);
  assert.ok(statements.includes('DROP TABLE "accounts"'), sql);
});
