/*
 * Non-transactional DDL on MariaDB/MySQL: every DDL statement commits, so a revision that fails
 * half way leaves what it already did. The run must say exactly that (revision, failing
 * statement, the statements that stay, the ways out), leave the version table at the last
 * completed revision, and let `upgrade head` finish once the file is fixed, the leftovers undone
 * and the database stamped where it is.
 */
import * as assert from "node:assert/strict";
import { test, type TestContext } from "node:test";
import { DatabaseError } from "@autogen/core";
import type { Connection } from "@autogen/dialects";
import { offlineStatements, useDatabase } from "@autogen/dialects/testing";
import { revisionFileHash } from "@autogen/runtime";
import { command, defineConfig } from "autogen";
import { describe } from "./helpers/cli-process";
import { createProject, exists, type RevisionFile, versionRows, writeOps } from "./helpers/project";

const CREATE = `await op.createTable("account", [{ name: "id", type: "int", primaryKey: true, autoIncrement: true }, { name: "name", type: "varchar(50)", nullable: false }]);`;
const DROP = `await op.dropTable("account");`;
/** Three statements; the third adds a column that the first one already added. */
const BROKEN = [
  `await op.addColumn("account", { name: "email", type: "varchar(120)" });`,
  `await op.createIndex("ix_account_email", "account", ["email"]);`,
  `await op.addColumn("account", { name: "email", type: "varchar(200)" });`,
].join("\n  ");
const FIXED = [
  `await op.addColumn("account", { name: "email", type: "varchar(120)" });`,
  `await op.createIndex("ix_account_email", "account", ["email"]);`,
  `await op.addColumn("account", { name: "phone", type: "varchar(20)" });`,
].join("\n  ");
const DOWN = [
  `await op.dropColumn("account", "phone");`,
  `await op.dropIndex("ix_account_email", "account");`,
  `await op.dropColumn("account", "email");`,
].join("\n  ");

/**
 * A project on MySQL with two revisions written by hand (the account table, then `contact`'s
 * statements), and a config for the API; undefined when no server is reachable.
 */
async function contactProject(t: TestContext, contact: string) {
  const db = await useDatabase(t, "mysql");
  if (!db) return undefined;
  const p = await createProject(t, db, { hooks: false });
  const [first, second] = await p.handWritten(["create account", CREATE, DROP], ["add contact columns", contact, DOWN]);
  const config = defineConfig({ scriptLocation: `${p.dir}/migrations`, url: db.url });
  return { p, first: first!, second: second!, config };
}

/** What the failure message asks for: the statements that ran undone, and the file fixed. */
async function undoAndFix(conn: Connection, second: RevisionFile): Promise<void> {
  await conn.query("DROP INDEX `ix_account_email` ON `account`");
  await conn.query("ALTER TABLE `account` DROP COLUMN `email`");
  writeOps(second.path, FIXED, DOWN);
}

test("mysql: a revision failing in its third statement names it, stops at the previous revision, and completes once fixed", async (t) => {
  const db = await useDatabase(t, "mysql");
  if (!db) return;
  const p = await createProject(t, db, { hooks: false });
  const [first, second, third] = await p.handWritten(
    ["create account", CREATE, DROP],
    ["add contact columns", BROKEN, DOWN],
    [
      "add a note",
      `await op.addColumn("account", { name: "note", type: "text" });`,
      `await op.dropColumn("account", "note");`,
    ],
  );

  const failed = await p.cli(["upgrade", "head"]);
  assert.equal(failed.status, 3, describe(failed));
  assert.equal(failed.errorLines.length, 1, `one line on stderr: ${describe(failed)}`);
  const line = failed.errorLines[0]!;
  assert.match(line, new RegExp(`^FAILED: Running upgrade ${first.id} -> ${second.id} failed`), line);
  assert.match(line, /Duplicate column name 'email'/, line);
  assert.match(line, /\(statement: ALTER TABLE `account` ADD COLUMN `email` varchar\(200\) NULL\)/, line);
  assert.match(
    line,
    /already executed in this revision and not rolled back: "ALTER TABLE `account` ADD COLUMN `email` varchar\(120\) NULL"; "CREATE INDEX `ix_account_email` ON `account` \(`email`\)"/,
    line,
  );
  assert.match(
    line,
    new RegExp(
      `the database is now at revision ${first.id}; ${second.id} stays recorded as started: ` +
        `finish the upgrade by hand and run 'autogen stamp ${second.id}', or undo what it made and run 'autogen stamp ${first.id}'$`,
    ),
    line,
  );
  // The first revision ran and was stamped; the third never started.
  assert.match(failed.stdout, new RegExp(`Running upgrade  -> ${first.id}`));
  assert.doesNotMatch(failed.stdout, new RegExp(`-> ${third.id}`));

  const current = await p.ok(["current"]);
  assert.match(current.stdout, new RegExp(`^${first.id}\\b`, "m"), describe(current));
  assert.doesNotMatch(current.stdout, new RegExp(second.id));
  const conn = await p.connection();
  assert.deepEqual(await versionRows(conn), [first.id]);
  assert.equal(await exists(conn, "account", "email"), true, "the statements before the failure stay committed");
  assert.equal(await exists(conn, "account", "note"), false);

  // The user does what the message says: undoes the two statements that ran, fixes the file,
  // and stamps where the database is; until then a rerun refuses to start on the half-done revision.
  await undoAndFix(conn, second);
  const refused = await p.cli(["upgrade", "head"]);
  assert.equal(refused.status, 2, describe(refused));
  assert.match(
    refused.stderr,
    new RegExp(`^FAILED: Revision ${second.id} \\(add contact columns\\) is partly applied`),
  );
  await p.ok(["stamp", first.id]);
  const done = await p.cli(["upgrade", "head"]);
  assert.equal(done.status, 0, describe(done));
  assert.deepEqual(await versionRows(conn), [third.id]);
  for (const column of ["email", "phone", "note"]) assert.equal(await exists(conn, "account", column), true, column);
  const downAll = await p.cli(["downgrade", "base"]);
  assert.equal(downAll.status, 0, describe(downAll));
  assert.equal(await exists(conn, "account"), false);
});

test("mysql: through command.upgrade the failure is a DatabaseError carrying revision and statement", async (t) => {
  const project = await contactProject(t, BROKEN);
  if (!project) return;
  const { p, first, second, config } = project;

  const error = await command.upgrade(config, "head").then(
    () => assert.fail("the upgrade must fail"),
    (e: unknown) => e,
  );
  assert.ok(error instanceof DatabaseError, String(error));
  assert.equal(error.exitCode, 3);
  assert.equal(error.details.revision, second.id);
  assert.equal(error.details.statement, "ALTER TABLE `account` ADD COLUMN `email` varchar(200) NULL");
  assert.match(error.message, new RegExp(`the database is now at revision ${first.id}; ${second.id} stays recorded`));
  assert.deepEqual(await versionRows(await p.connection()), [first.id]);

  // Fixed, with the leftovers undone, the same API finishes the upgrade.
  const conn = await p.connection();
  await undoAndFix(conn, second);
  await command.stamp(config, first.id);
  await command.upgrade(config, "head");
  assert.deepEqual(await versionRows(conn), [second.id]);
});

test("mysql: offline SQL stamps each revision right after its statements, with no transaction around them", async (t) => {
  const project = await contactProject(t, FIXED);
  if (!project) return;
  const { first, second, config } = project;
  const sql = (await command.upgrade(config, "base:head", { sql: true })) as string;
  const statements = offlineStatements(sql).map((s) => s.replace(/\n/g, " "));
  const stamp = (s: string) => /autogen_version/.test(s);
  // An upgrade's row carries the checksum of the file that ran.
  const started = (r: { id: string; path: string }) => [
    `DELETE FROM \`autogen_version_revisions\` WHERE revision = '${r.id}'`,
    `INSERT INTO \`autogen_version_revisions\` (revision, state, operation, checksum, started_at) VALUES ('${r.id}', 'running', 'upgrade', '${revisionFileHash(r.path)}', CURRENT_TIMESTAMP)`,
  ];
  const applied = (id: string) =>
    `UPDATE \`autogen_version_revisions\` SET state = 'applied', finished_at = CURRENT_TIMESTAMP WHERE revision = '${id}'`;
  assert.deepEqual(
    statements.map((s) => (stamp(s) ? s.replace(/\s+/g, " ") : s.split(" ").slice(0, 3).join(" "))),
    [
      "CREATE TABLE IF NOT EXISTS `autogen_version_revisions` (revision VARCHAR(32) NOT NULL, state VARCHAR(16) NOT NULL, operation VARCHAR(16) NOT NULL, checksum VARCHAR(64) NULL, started_at DATETIME NULL, finished_at DATETIME NULL, CONSTRAINT `autogen_version_revisions_pkc` PRIMARY KEY (revision))",
      "CREATE TABLE IF NOT EXISTS `autogen_version` (version_num VARCHAR(32) NOT NULL, CONSTRAINT `autogen_version_pkc` PRIMARY KEY (version_num))",
      // Before a revision's first statement the revisions table says it started, after its
      // version change that it is applied: a run killed in between leaves it `running`.
      ...started(first),
      "CREATE TABLE `account`",
      `INSERT INTO \`autogen_version\` (version_num) VALUES ('${first.id}')`,
      applied(first.id),
      ...started(second),
      "ALTER TABLE `account`",
      "CREATE INDEX `ix_account_email`",
      "ALTER TABLE `account`",
      `UPDATE \`autogen_version\` SET version_num = '${second.id}' WHERE version_num = '${first.id}'`,
      applied(second.id),
    ],
    sql,
  );
  assert.doesNotMatch(sql, /\b(?:BEGIN|START TRANSACTION|COMMIT)\b/);
});
