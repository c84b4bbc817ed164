/*
 * `kill -9` of a running `autogen upgrade` between two DDL statements of one revision. On
 * PostgreSQL and SQLite the revision's transaction dies with the process and a rerun just works.
 * On MariaDB each DDL statement has committed: the revisions table (next to the version table)
 * says the revision started and never finished, so `current` and the next `upgrade` name it and
 * say what to do, and either way out (finish by hand, or undo) ends with a stamp and a clean run.
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { type TestContext, test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { type Connection, type DialectName } from "@autogen/dialects";
import { dialectsUnderTest, useDatabase, tempDir } from "@autogen/dialects/testing";
import { assertFailure, describe, startCli } from "./helpers/cli-process";
import { createProject, exists, type Project, type RevisionFile, versionRows, writeOps } from "./helpers/project";

const PAUSE_ENV = "AUTOGEN_TEST_PAUSE_FILE";
const table = (name: string) => `await op.createTable("${name}", [{ name: "id", type: "integer", primaryKey: true }]);`;

/** B's upgrade: two statements, and between them (when the test asks) a pause that never ends. */
const SPLIT_UPGRADE = [
  table("first_half"),
  `if (process.env.${PAUSE_ENV}) {`,
  `    require("node:fs").writeFileSync(process.env.${PAUSE_ENV}, "paused");`,
  `    await new Promise(() => setInterval(() => {}, 1000));`,
  `  }`,
  `  ${table("second_half")}`,
].join("\n");

interface Killed {
  p: Project;
  conn: Connection;
  a: RevisionFile;
  b: RevisionFile;
  c: RevisionFile;
}

/**
 * A project with three revisions, the database at A; then `upgrade head` is started and killed
 * with SIGKILL once B's first statement has run.
 */
async function killInsideRevision(t: TestContext, dialect: DialectName): Promise<Killed | undefined> {
  const db = await useDatabase(t, dialect);
  if (!db) return undefined;
  const p = await createProject(t, db, { hooks: false });
  const a = await p.revision("create account");
  writeOps(a.path, table("account"), `await op.dropTable("account");`);
  const b = await p.revision("split in two");
  writeOps(b.path, SPLIT_UPGRADE, `await op.dropTable("second_half");\n  await op.dropTable("first_half");`);
  const c = await p.revision("add third");
  writeOps(c.path, table("third"), `await op.dropTable("third");`);
  await p.ok(["upgrade", a.id]);

  const pauseFile = path.join(tempDir("kill"), "paused");
  t.after(() => fs.rmSync(path.dirname(pauseFile), { recursive: true, force: true }));
  const run = startCli(["upgrade", "head"], { cwd: p.dir, env: { ...p.env, [PAUSE_ENV]: pauseFile } });
  for (let waited = 0; !fs.existsSync(pauseFile); waited += 50) {
    if (run.child.exitCode !== null) assert.fail(`upgrade ended before the pause: ${describe(await run.result)}`);
    if (waited > 120_000) assert.fail("upgrade never reached the pause between the two statements");
    await sleep(50);
  }
  run.child.kill("SIGKILL");
  const killed = await run.result;
  assert.equal(killed.signal, "SIGKILL", describe(killed));
  assert.match(killed.stdout, new RegExp(`Running upgrade ${a.id} -> ${b.id}, split in two`));
  return { p, conn: await p.connection(), a, b, c };
}

/** The rows of the revisions table: `revision state operation`, sorted. */
async function revisionRows(conn: Connection): Promise<string[]> {
  const { rows } = await conn.query<{ revision: string; state: string; operation: string }>(
    "SELECT revision, state, operation FROM autogen_version_revisions",
  );
  return rows.map((r) => `${r.revision} ${r.state} ${r.operation}`).sort();
}

/** What `current` and the next `upgrade` say about B on MariaDB. */
function partlyApplied(k: Killed): RegExp {
  const { a, b } = k;
  return new RegExp(
    `Revision ${b.id} \\(split in two\\) is partly applied: its upgrade started at \\S+ \\S+ UTC and did not finish, ` +
      `and the version table says ${a.id}; finish the upgrade by hand and run 'autogen stamp ${b.id}', ` +
      `or undo what it made and run 'autogen stamp ${a.id}'$`,
  );
}

for (const dialect of dialectsUnderTest()) {
  if (dialect === "mysql") continue;
  test(`${dialect}: kill -9 inside a revision rolls it back, and the rerun just works`, async (t) => {
    const k = await killInsideRevision(t, dialect);
    if (!k) return;
    const { p, conn, a, b, c } = k;
    assert.deepEqual(await versionRows(conn), [a.id]);
    assert.equal(await exists(conn, "first_half"), false, "the transaction died with the process");
    assert.deepEqual(await revisionRows(conn), [`${a.id} applied upgrade`]);
    const current = await p.ok(["current"]);
    assert.equal(current.stdout, `${a.id}\n`);
    assert.equal(current.stderr, "", "nothing is partly applied");

    const rerun = await p.ok(["upgrade", "head"]);
    assert.match(rerun.stdout, new RegExp(`Running upgrade ${a.id} -> ${b.id}, split in two`));
    assert.deepEqual(await versionRows(conn), [c.id]);
    for (const name of ["first_half", "second_half", "third"]) assert.equal(await exists(conn, name), true, name);
    assert.deepEqual(await revisionRows(conn), [a, b, c].map((r) => `${r.id} applied upgrade`).sort());
  });
}

test("mysql: kill -9 inside a revision: current and upgrade name it; finished by hand and stamped, the run goes on", async (t) => {
  const k = await killInsideRevision(t, "mysql");
  if (!k) return;
  const { p, conn, a, b, c } = k;
  // The first statement committed; the version table still says A; the revisions table says B started.
  assert.deepEqual(await versionRows(conn), [a.id]);
  assert.equal(await exists(conn, "first_half"), true);
  assert.equal(await exists(conn, "second_half"), false);
  assert.deepEqual(await revisionRows(conn), [`${a.id} applied upgrade`, `${b.id} running upgrade`].sort());

  const current = await p.ok(["current"]);
  assert.equal(current.stdout, `${a.id}\n`);
  assert.equal(current.errorLines.length, 1, describe(current));
  assert.match(current.errorLines[0]!, /^WARNING: /);
  assert.match(current.errorLines[0]!, partlyApplied(k));

  // The rerun refuses before touching anything, instead of failing on "table already exists".
  const rerun = await p.cli(["upgrade", "head"]);
  assertFailure(rerun, 2, partlyApplied(k));
  assert.equal(rerun.stdout, "");
  assert.deepEqual(await versionRows(conn), [a.id]);
  assertFailure(await p.cli(["downgrade", "base"]), 2, partlyApplied(k));

  // Finish it by hand, stamp it, and the next upgrade carries on with C.
  await conn.query("CREATE TABLE second_half (id integer PRIMARY KEY)");
  await p.ok(["stamp", b.id]);
  assert.deepEqual(await versionRows(conn), [b.id]);
  const after = await p.ok(["current"]);
  assert.equal(after.stderr, "");
  const done = await p.ok(["upgrade", "head"]);
  assert.equal(done.stdout, `Running upgrade ${b.id} -> ${c.id}, add third\n`);
  assert.deepEqual(await versionRows(conn), [c.id]);
  assert.deepEqual(await revisionRows(conn), [
    ...[`${a.id} applied upgrade`, `${b.id} applied stamp`, `${c.id} applied upgrade`].sort(),
  ]);
});

test("mysql: kill -9 inside a revision: what it made undone and stamped back, the rerun runs it whole", async (t) => {
  const k = await killInsideRevision(t, "mysql");
  if (!k) return;
  const { p, conn, a, c } = k;
  assertFailure(await p.cli(["upgrade", "head"]), 2, partlyApplied(k));
  await conn.query("DROP TABLE first_half");
  await p.ok(["stamp", a.id]);
  assert.deepEqual(await versionRows(conn), [a.id]);
  assert.deepEqual(await revisionRows(conn), [`${a.id} applied upgrade`]);
  await p.ok(["upgrade", "head"]);
  assert.deepEqual(await versionRows(conn), [c.id]);
  for (const name of ["first_half", "second_half", "third"]) assert.equal(await exists(conn, name), true, name);
});
