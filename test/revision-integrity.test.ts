/*
 * Integrity of applied revisions on each database: upgrade and stamp record each revision file's
 * checksum in the revisions table; after an applied file is edited, `current`, `upgrade` and
 * `verify` name it in one WARNING line (verify exits 1); reformatting it (prettier) or editing
 * its comments does not count; a row without a checksum (an older autogen's) is not a warning;
 * a revisions table an older autogen created without the checksum column gets it on the next run.
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { test } from "node:test";
import * as prettier from "prettier";
import { type Connection, getDialect } from "@autogen/dialects";
import { dialectsUnderTest, useDatabase } from "@autogen/dialects/testing";
import { revisionFileHash } from "@autogen/runtime";
import { describe } from "./helpers/cli-process";
import {
  CREATE_ACCOUNT,
  createProject,
  DROP_ACCOUNT,
  type HandWritten,
  type Project,
  type RevisionFile,
  writeOps,
} from "./helpers/project";

/** The revisions table's rows: `revision operation checksum` (checksum `NULL` when none), sorted. */
async function checksumRows(conn: Connection): Promise<string[]> {
  const { rows } = await conn.query<{ revision: string; operation: string; checksum: string | null }>(
    "SELECT revision, operation, checksum FROM autogen_version_revisions",
  );
  return rows.map((r) => `${r.revision} ${r.operation} ${r.checksum ?? "NULL"}`).sort();
}

/** The account table, then a column added to it. */
const HISTORY: readonly HandWritten[] = [
  ["create account", CREATE_ACCOUNT, DROP_ACCOUNT],
  [
    "add email",
    `await op.addColumn("account", { name: "email", type: "varchar(100)" });`,
    `await op.dropColumn("account", "email");`,
  ],
];

const recorded = (r: RevisionFile, operation: string) => `${r.id} ${operation} ${revisionFileHash(r.path)}`;

/** The one WARNING line `current`/`upgrade` print for an edited revision file. */
function changedWarning(r: RevisionFile, doc: string): RegExp {
  const file = r.path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(
    `^WARNING: Revision ${r.id} \\(${doc}\\) was changed after it was applied to this database: ${file} no longer ` +
      "matches the checksum recorded when it ran, so the database holds what the old file did " +
      "\\(reformatting and comments do not count\\)$",
  );
}

/** `verify` with a TMPDIR of its own (SQLite's scratch file). */
async function verify(p: Project) {
  const tmp = fs.mkdtempSync(path.join(p.dir, "tmp-"));
  return p.cli(["verify", "--format", "json"], { env: { TMPDIR: tmp } });
}

for (const dialect of dialectsUnderTest()) {
  test(`${dialect}: an applied revision file edited since is named by current, upgrade and verify; reformatting is not`, async (t) => {
    const db = await useDatabase(t, dialect);
    if (!db) return;
    const p = await createProject(t, db, { hooks: false });
    const [a, b] = await p.handWritten(...HISTORY);
    await p.ok(["upgrade", "head"]);
    const conn = await p.connection();
    assert.deepEqual(await checksumRows(conn), [recorded(a, "upgrade"), recorded(b, "upgrade")].sort());

    // Reformatted (prettier with other options) and re-commented: not a change.
    const original = fs.readFileSync(a.path, "utf8");
    const reformatted = await prettier.format(
      original.replace(" * create account\n", " * create account\n *\n * (reviewed)\n"),
      {
        parser: "typescript",
        singleQuote: true,
        printWidth: 100,
        tabWidth: 4,
      },
    );
    assert.notEqual(reformatted, original);
    fs.writeFileSync(a.path, reformatted);
    const quiet = await p.ok(["current"]);
    assert.equal(quiet.stderr, "", describe(quiet));
    const quietVerify = await verify(p);
    assert.equal(quietVerify.status, 0, describe(quietVerify));

    // A real edit: the column is now wider than what the database got.
    fs.writeFileSync(a.path, reformatted.replace("varchar(50)", "varchar(80)"));
    const current = await p.ok(["current"]);
    assert.equal(current.stdout, `${b.id} (head)\n`);
    assert.equal(current.errorLines.length, 1, describe(current));
    assert.match(current.errorLines[0]!, changedWarning(a, "create account"));
    const upgrade = await p.ok(["upgrade", "head"]);
    assert.equal(upgrade.errorLines.length, 1, describe(upgrade));
    assert.match(upgrade.errorLines[0]!, changedWarning(a, "create account"));

    const failed = await verify(p);
    assert.equal(failed.status, 1, describe(failed));
    const json = JSON.parse(failed.stdout) as { ok: boolean; problems: { kind: string; revision: string }[] };
    assert.equal(json.ok, false);
    assert.deepEqual(
      json.problems.map((x) => `${x.kind} ${x.revision}`),
      [`file-changed ${a.id}`],
    );
    assert.match(
      failed.stderr,
      new RegExp(
        `^FAILED: verify: revision ${a.id}: Revision ${a.id} \\(create account\\) was changed after it was applied`,
        "m",
      ),
    );

    // Stamping says "the database is as these files say": the stamp records the files as they are now.
    await p.ok(["stamp", "base"]);
    assert.deepEqual(await checksumRows(conn), []);
    await p.ok(["stamp", "head"]);
    assert.deepEqual(await checksumRows(conn), [recorded(a, "stamp"), recorded(b, "stamp")].sort());
    const stamped = await p.ok(["current"]);
    assert.equal(stamped.stderr, "", describe(stamped));

    // A row an older autogen wrote has no checksum: nothing to compare, no warning.
    await conn.query(`UPDATE autogen_version_revisions SET checksum = NULL WHERE revision = '${b.id}'`);
    fs.writeFileSync(b.path, fs.readFileSync(b.path, "utf8").replace("varchar(100)", "varchar(120)"));
    const nullChecksum = await p.ok(["current"]);
    assert.equal(nullChecksum.stderr, "", describe(nullChecksum));
  });

  test(`${dialect}: a revisions table created without the checksum column gets it on the next run`, async (t) => {
    const db = await useDatabase(t, dialect);
    if (!db) return;
    const p = await createProject(t, db, { hooks: false });
    const [a, b] = await p.handWritten(...HISTORY);
    await p.ok(["upgrade", a.id]);
    const conn = await p.connection();
    // The table as an autogen before checksums would have made it, with a's row.
    const time = getDialect(dialect).adapter.timestampType;
    await conn.query("DROP TABLE autogen_version_revisions");
    await conn.query(
      `CREATE TABLE autogen_version_revisions (revision VARCHAR(32) NOT NULL, state VARCHAR(16) NOT NULL, ` +
        `operation VARCHAR(16) NOT NULL, started_at ${time} NULL, finished_at ${time} NULL, PRIMARY KEY (revision))`,
    );
    await conn.query(
      `INSERT INTO autogen_version_revisions (revision, state, operation) VALUES ('${a.id}', 'applied', 'upgrade')`,
    );
    const current = await p.ok(["current"]);
    assert.equal(current.stderr, "", `a table without checksums warns of nothing: ${describe(current)}`);
    await p.ok(["upgrade", "head"]);
    assert.deepEqual(await checksumRows(conn), [`${a.id} upgrade NULL`, recorded(b, "upgrade")].sort());
  });
}

test("upgrade --sql records each revision's checksum in the script", async (t) => {
  const db = await useDatabase(t, "sqlite");
  if (!db) return;
  const p = await createProject(t, db, { hooks: false });
  const [a] = await p.handWritten(HISTORY[0]!);
  const sql = await p.ok(["upgrade", "head", "--sql"]);
  assert.match(
    sql.stdout,
    new RegExp(
      `INSERT INTO "autogen_version_revisions" \\(revision, state, operation, checksum, started_at\\) VALUES \\('${a.id}', 'running', 'upgrade', '${revisionFileHash(a.path)}', CURRENT_TIMESTAMP\\);`,
    ),
  );
});

test("verify whose project database cannot be reached says so in one warning and still proves the history", async (t) => {
  const db = await useDatabase(t, "postgres");
  if (!db) return;
  const p = await createProject(t, db, { hooks: false });
  const [a] = await p.handWritten(HISTORY[0]!);
  const configFile = path.join(p.dir, "autogen.config.ts");
  fs.writeFileSync(
    configFile,
    fs
      .readFileSync(configFile, "utf8")
      .replace("export default defineConfig({", `export default defineConfig({\n  shadowUrl: "pglite://:memory:",`),
  );
  // Nothing listens on port 1: the applied revisions cannot be read, the proof runs on PGlite.
  const r = await p.cli(["verify"], { env: { DATABASE_URL: "postgres://postgres@127.0.0.1:1/nowhere" } });
  assert.equal(r.status, 0, describe(r));
  assert.equal(r.errorLines.length, 1, describe(r));
  assert.match(r.errorLines[0]!, /^WARNING: Applied revisions not compared with their files: .*127\.0\.0\.1:1/);
  assert.match(
    r.stdout,
    /^Verified 1 revision\(s\) on PGlite in memory: every downgrade restores the schema before it\.$/m,
  );
});
