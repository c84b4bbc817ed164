/*
 * Alembic's tutorial, through the real `autogen` bin on each database: init, an empty revision
 * filled in by hand, upgrade, current, history, a second revision, relative and partial
 * targets, show, heads, branches.
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { test } from "node:test";
import { dialectsUnderTest, useDatabase } from "@autogen/dialects/testing";
import {
  ADD_LAST_TRANSACTION_DATE,
  CREATE_ACCOUNT,
  createProject,
  DROP_ACCOUNT,
  DROP_LAST_TRANSACTION_DATE,
  exists,
  versionRows,
  writeOps,
} from "./helpers/project";

const lines = (text: string) => text.split("\n").filter((l) => l.trim() !== "");

for (const dialect of dialectsUnderTest()) {
  test(`${dialect}: the Alembic tutorial through the autogen bin`, async (t) => {
    const db = await useDatabase(t, dialect);
    if (!db) return;
    const p = await createProject(t, db);
    assert.ok(fs.statSync(p.versionsDir).isDirectory(), "init creates migrations/versions");
    assert.equal(
      fs.readFileSync(path.join(p.dir, "migrations", "README"), "utf8").split("\n")[0],
      "Generic single-database configuration.",
    );
    const conn = await p.connection();

    // An empty revision, written into versions/ and formatted by the prettier hook.
    const a = await p.revision("create account table");
    assert.match(a.id, /^[0-9a-f]{12}$/);
    assert.equal(path.basename(a.path), `${a.id}_create_account_table.ts`);
    assert.equal(path.dirname(a.path), p.versionsDir);
    const generated = fs.readFileSync(a.path, "utf8");
    assert.match(generated, /^\/\*\*\n \* create account table\n \*\n \* Revision ID: [0-9a-f]{12}\n \* Revises: ?\n/);
    assert.match(generated, /export const downRevision: string \| string\[\] \| null = null;/);
    writeOps(a.path, CREATE_ACCOUNT, DROP_ACCOUNT);

    const up = await p.ok(["upgrade", "head"]);
    assert.match(up.stdout, new RegExp(`Running upgrade\\s+-> ${a.id}, create account table`));
    assert.ok(await exists(conn, "account", "description"));
    assert.deepEqual(await versionRows(conn), [a.id]);

    assert.deepEqual(lines((await p.ok(["current"])).stdout), [`${a.id} (head)`]);
    assert.deepEqual(lines((await p.ok(["history"])).stdout), [`<base> -> ${a.id} (head), create account table`]);

    // A second revision on top of the first.
    const b = await p.revision("Add a column");
    assert.equal(path.basename(b.path), `${b.id}_add_a_column.ts`);
    assert.match(
      fs.readFileSync(b.path, "utf8"),
      new RegExp(`export const downRevision: string \\| string\\[\\] \\| null = "${a.id}";`),
    );
    writeOps(b.path, ADD_LAST_TRANSACTION_DATE, DROP_LAST_TRANSACTION_DATE);
    assert.deepEqual(lines((await p.ok(["history"])).stdout), [
      `${a.id} -> ${b.id} (head), Add a column`,
      `<base> -> ${a.id}, create account table`,
    ]);
    assert.deepEqual(lines((await p.ok(["current"])).stdout), [a.id]);

    const plusOne = await p.ok(["upgrade", "+1"]);
    assert.match(plusOne.stdout, new RegExp(`Running upgrade ${a.id} -> ${b.id}, Add a column`));
    assert.ok(await exists(conn, "account", "last_transaction_date"));
    assert.deepEqual(lines((await p.ok(["current"])).stdout), [`${b.id} (head)`]);

    const minusOne = await p.ok(["downgrade", "-1"]);
    assert.match(minusOne.stdout, new RegExp(`Running downgrade ${b.id} -> ${a.id}, Add a column`));
    assert.ok(!(await exists(conn, "account", "last_transaction_date")));
    assert.deepEqual(await versionRows(conn), [a.id]);

    const toBase = await p.ok(["downgrade", "base"]);
    assert.match(toBase.stdout, new RegExp(`Running downgrade ${a.id} -> , create account table`));
    assert.ok(!(await exists(conn, "account")));
    assert.deepEqual(await versionRows(conn), []);
    assert.deepEqual(lines((await p.ok(["current"])).stdout), []);

    // A partial id names a revision when it is unambiguous.
    await p.ok(["upgrade", a.id.slice(0, 6)]);
    assert.deepEqual(await versionRows(conn), [a.id]);
    assert.ok((await exists(conn, "account")) && !(await exists(conn, "account", "last_transaction_date")));
    await p.ok(["upgrade", "head"]);
    assert.deepEqual(await versionRows(conn), [b.id]);
    assert.deepEqual(lines((await p.ok(["history", "-i"])).stdout), [
      `${a.id} -> ${b.id} (head) (current), Add a column`,
      `<base> -> ${a.id}, create account table`,
    ]);
    assert.deepEqual(lines((await p.ok(["history", "-r", `${a.id.slice(0, 6)}:`])).stdout), [
      `${a.id} -> ${b.id} (head), Add a column`,
      `<base> -> ${a.id}, create account table`,
    ]);

    const show = lines((await p.ok(["show", b.id.slice(0, 5)])).stdout);
    assert.equal(show[0], `Rev: ${b.id} (head)`);
    assert.equal(show[1], `Parent: ${a.id}`);
    assert.equal(show[2], `Path: ${b.path}`);
    assert.ok(
      show.some((l) => l.trim() === "Add a column"),
      show.join("\n"),
    );
    assert.ok(
      show.some((l) => l.trim() === `Revision ID: ${b.id}`),
      show.join("\n"),
    );

    assert.deepEqual(lines((await p.ok(["heads"])).stdout), [`${b.id} (head)`]);
    assert.deepEqual(lines((await p.ok(["branches"])).stdout), []);
    const verboseCurrent = (await p.ok(["current", "-v"])).stdout;
    assert.match(verboseCurrent, new RegExp(`Rev: ${b.id} \\(head\\)`));

    assert.equal((await p.ok(["current", "--check-heads"])).stdout.trim(), `${b.id} (head)`);

    // -q silences messages but not the work.
    const quiet = await p.ok(["-q", "downgrade", "-1"]);
    assert.equal(quiet.stdout, "");
    assert.deepEqual(await versionRows(conn), [a.id]);
    const behind = await p.cli(["current", "--check-heads"]);
    assert.equal(behind.status, 2);
    assert.deepEqual(behind.errorLines, ["FAILED: Database is not on all head revisions"]);
  });
}
