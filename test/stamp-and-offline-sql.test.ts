/*
 * `stamp`, `stamp --purge`, and offline SQL on each database: `upgrade A:B --sql` and
 * `downgrade B:A --sql` print exactly the statements an online run executes.
 */
import * as assert from "node:assert/strict";
import * as path from "node:path";
import { test } from "node:test";
import { command, defineConfig } from "autogen";
import { getDialect } from "@autogen/dialects";
import { dialectsUnderTest, offlineStatements, useDatabase } from "@autogen/dialects/testing";
import { describe } from "./helpers/cli-process";
import { createProject, exists, TUTORIAL_HISTORY, versionRows, writeOps } from "./helpers/project";

for (const dialect of dialectsUnderTest()) {
  test(`${dialect}: stamp and stamp --purge write the version and revisions tables and run no revision`, async (t) => {
    const db = await useDatabase(t, dialect);
    if (!db) return;
    const p = await createProject(t, db, { hooks: false });
    const conn = await p.connection();
    const [a, b] = await p.handWritten(...TUTORIAL_HISTORY);

    /** The revisions table: `revision state operation`, sorted. */
    const revisionRows = async () =>
      (
        await conn.query<{ revision: string; state: string; operation: string }>(
          "SELECT revision, state, operation FROM autogen_version_revisions",
        )
      ).rows
        .map((r) => `${r.revision} ${r.state} ${r.operation}`)
        .sort();

    await p.ok(["stamp", b.id]);
    assert.deepEqual(await versionRows(conn), [b.id]);
    assert.ok(!(await exists(conn, "account")), "stamp runs no revision");
    assert.deepEqual(await revisionRows(), [`${a.id} applied stamp`, `${b.id} applied stamp`].sort());
    await p.ok(["stamp", a.id.slice(0, 6)]);
    assert.deepEqual(await versionRows(conn), [a.id]);
    assert.deepEqual(await revisionRows(), [`${a.id} applied stamp`]);

    // A stray row (a revision that does not exist) makes every command refuse the table...
    await conn.query(`INSERT INTO autogen_version (version_num) VALUES ('0123456789ab')`);
    const broken = await p.cli(["stamp", b.id]);
    assert.equal(broken.status, 2, describe(broken));
    assert.equal(broken.errorLines.length, 1, describe(broken));
    assert.deepEqual(await versionRows(conn), ["0123456789ab", a.id].sort());
    // ...until --purge empties it first.
    await p.ok(["stamp", "--purge", b.id]);
    assert.deepEqual(await versionRows(conn), [b.id]);

    assert.deepEqual(await revisionRows(), [`${a.id} applied stamp`, `${b.id} applied stamp`].sort());

    await p.ok(["stamp", "base"]);
    assert.deepEqual(await versionRows(conn), []);
    assert.deepEqual(await revisionRows(), []);
    const purgeSql = await p.cli(["stamp", "--purge", "--sql", "head"]);
    assert.equal(purgeSql.status, 2, describe(purgeSql));
    assert.deepEqual(purgeSql.errorLines, ["FAILED: Can't use --purge with --sql mode"]);
  });

  test(`${dialect}: --sql prints the statements online mode executes`, async (t) => {
    const db = await useDatabase(t, dialect);
    if (!db) return;
    const p = await createProject(t, db, { hooks: false });
    const conn = await p.connection();
    const [a, b] = await p.handWritten(...TUTORIAL_HISTORY);
    const config = defineConfig({ scriptLocation: path.join(p.dir, "migrations"), url: db.url });

    // Offline, through the bin and through the API: the same text, and no database touched.
    const cliUp = await p.ok(["upgrade", `base:${b.id}`, "--sql"]);
    const apiUp = await command.upgrade(config, `base:${b.id}`, { sql: true });
    assert.equal(cliUp.stdout, apiUp.endsWith("\n") ? apiUp : `${apiUp}\n`);
    assert.match(apiUp, new RegExp(`-- Running upgrade  -> ${a.id}`));
    assert.equal(await versionRows(conn), null, "--sql makes no change (not even the version table)");
    for (const statement of offlineStatements(apiUp)) assert.ok(!statement.endsWith(";"), statement);

    const online: string[] = [];
    await command.upgrade(config, "head", { onStatement: (s) => online.push(s.replace(/;\s*$/, "")) });
    assert.deepEqual(await versionRows(conn), [b.id]);
    assert.deepEqual(migrationStatements(online), offlineStatements(apiUp));

    const cliDown = await p.ok(["downgrade", `${b.id}:base`, "--sql"]);
    const apiDown = await command.downgrade(config, `${b.id}:base`, { sql: true });
    assert.equal(cliDown.stdout, apiDown.endsWith("\n") ? apiDown : `${apiDown}\n`);
    assert.deepEqual(await versionRows(conn), [b.id], "--sql downgrade makes no change");

    const onlineDown: string[] = [];
    await command.downgrade(config, "base", { onStatement: (s) => onlineDown.push(s.replace(/;\s*$/, "")) });
    assert.deepEqual(await versionRows(conn), []);
    assert.ok(!(await exists(conn, "account")));
    // Offline, a script that ends at base drops the version table (and the revisions table next
    // to it) as Alembic's does; online both stay, empty, as Alembic's online runs keep theirs.
    const d = getDialect(dialect);
    const drops = [`DROP TABLE ${d.quote("autogen_version")}`, `DROP TABLE ${d.quote("autogen_version_revisions")}`];
    const expectedDown = migrationStatements(onlineDown);
    expectedDown.splice(d.adapter.supportsTransactionalDdl ? -1 : expectedDown.length, 0, ...drops);
    assert.deepEqual(expectedDown, offlineStatements(apiDown));

    // A partial range: from the first revision to the second only, as online from A to B.
    const partial = await command.upgrade(config, `${a.id}:${b.id}`, { sql: true });
    assert.doesNotMatch(partial, /CREATE TABLE[^;]*account/i);
    assert.match(partial, /last_transaction_date/);
    await command.upgrade(config, a.id);
    const onlinePartial: string[] = [];
    await command.upgrade(config, b.id, { onStatement: (s) => onlinePartial.push(s.replace(/;\s*$/, "")) });
    assert.deepEqual(migrationStatements(onlinePartial), offlineStatements(partial));
    const partialDown = await command.downgrade(config, `${b.id}:${a.id}`, { sql: true });
    const onlinePartialDown: string[] = [];
    await command.downgrade(config, a.id, { onStatement: (s) => onlinePartialDown.push(s.replace(/;\s*$/, "")) });
    assert.deepEqual(migrationStatements(onlinePartialDown), offlineStatements(partialDown));
    assert.deepEqual(await versionRows(conn), [a.id]);

    // --tag and -x reach the revision files.
    const c = await p.revision("tagged");
    writeOps(c.path, "await op.execute(`SELECT '${op.context.tag}', '${op.context.getXArgument(\"k\")}'`);", "");
    const tagged = await p.ok(["-x", "k=xval", "upgrade", `${b.id}:${c.id}`, "--sql", "--tag", "tagval"]);
    assert.match(tagged.stdout, /^SELECT 'tagval', 'xval';$/m);

    const noRange = await p.cli(["downgrade", "base", "--sql"]);
    assert.equal(noRange.status, 2, describe(noRange));
    assert.deepEqual(noRange.errorLines, ["FAILED: downgrade with --sql requires <fromrev>:<torev>"]);
    const rangeOnline = await p.cli(["upgrade", `base:${b.id}`]);
    assert.equal(rangeOnline.status, 2, describe(rangeOnline));
    assert.deepEqual(rangeOnline.errorLines, ["FAILED: Range revision not allowed"]);
  });
}

/**
 * The statements of an online run that belong in its script: online runs also read the
 * version table and take the run lock, which offline scripts have no use for.
 */
function migrationStatements(statements: readonly string[]): string[] {
  return [...statements];
}
