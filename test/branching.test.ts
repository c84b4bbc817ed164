/*
 * Branches through the autogen bin on each database: two heads, `upgrade head` refused with
 * Alembic's message, `upgrade heads`, branch labels and `label@head`, `merge heads`,
 * `--depends-on`, and a second base (`--head base`).
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import { test } from "node:test";
import { dialectsUnderTest, useDatabase } from "@autogen/dialects/testing";
import { describe } from "./helpers/cli-process";
import { createProject, exists, generatedRevision, versionRows, writeOps } from "./helpers/project";

const lines = (text: string) => text.split("\n").filter((l) => l.trim() !== "");
const createTable = (name: string) =>
  `await op.createTable("${name}", [{ name: "id", type: "integer", primaryKey: true }]);`;
const dropTable = (name: string) => `await op.dropTable("${name}");`;

for (const dialect of dialectsUnderTest()) {
  test(`${dialect}: branches, labels, merges, dependencies and several bases`, async (t) => {
    const db = await useDatabase(t, dialect);
    if (!db) return;
    const p = await createProject(t, db, { hooks: false });
    const conn = await p.connection();

    const a = await p.revision("root");
    writeOps(a.path, createTable("root_t"), dropTable("root_t"));
    const b1 = await p.revision("branch one");
    writeOps(b1.path, createTable("b1_t"), dropTable("b1_t"));

    // A second child of a non-head needs --splice (Alembic's rule and text).
    const noSplice = await p.cli(["revision", "-m", "branch two", "--head", a.id]);
    assert.equal(noSplice.status, 2, describe(noSplice));
    assert.deepEqual(noSplice.errorLines, [
      `FAILED: Revision ${a.id} is not a head revision; please specify --splice to create a new branch from this revision`,
    ]);
    const b2 = await p.revision("branch two", ["--head", a.id, "--splice", "--branch-label", "feature"]);
    writeOps(b2.path, createTable("b2_t"), dropTable("b2_t"));
    assert.match(fs.readFileSync(b2.path, "utf8"), /export const branchLabels: string\[\] \| null = \["feature"\];/);

    assert.deepEqual(
      lines((await p.ok(["heads"])).stdout).sort(),
      [`${b1.id} (head)`, `${b2.id} (feature) (head)`].sort(),
    );
    const branches = lines((await p.ok(["branches"])).stdout);
    assert.equal(branches[0], `${a.id} (branchpoint)`);
    assert.deepEqual(
      branches
        .slice(1)
        .map((l) => l.trim())
        .sort(),
      [`-> ${b1.id} (head)`, `-> ${b2.id} (feature) (head)`].sort(),
    );

    // `head` is ambiguous with two heads: nothing runs.
    const ambiguous = await p.cli(["upgrade", "head"]);
    assert.equal(ambiguous.status, 2, describe(ambiguous));
    assert.deepEqual(ambiguous.errorLines, [
      "FAILED: Multiple head revisions are present for given argument 'head'; please specify a specific target revision, " +
        "'<branchname>@head' to narrow to a specific head, or 'heads' for all heads",
    ]);
    assert.ok(!(await exists(conn, "root_t")));
    assert.deepEqual((await versionRows(conn)) ?? [], []);

    // A branch label narrows the target to its branch.
    await p.ok(["upgrade", "feature@head"]);
    assert.deepEqual(await versionRows(conn), [b2.id]);
    assert.ok((await exists(conn, "b2_t")) && !(await exists(conn, "b1_t")));

    // `heads` applies every branch: one version row per head.
    await p.ok(["upgrade", "heads"]);
    assert.deepEqual(await versionRows(conn), [b1.id, b2.id].sort());
    assert.ok(await exists(conn, "b1_t"));
    assert.deepEqual(lines((await p.ok(["current"])).stdout).sort(), [`${b1.id} (head)`, `${b2.id} (head)`].sort());

    // A merge revision joins the heads.
    const merged = await p.ok(["merge", "heads", "-m", "merge branches"]);
    const m = generatedRevision(merged);
    const mergeText = fs.readFileSync(m.path, "utf8");
    const down = /export const downRevision: string \| string\[\] \| null = (\[[^\]]*\]);/.exec(mergeText);
    assert.ok(down, mergeText);
    assert.deepEqual((JSON.parse(down[1]!) as string[]).sort(), [b1.id, b2.id].sort());
    assert.deepEqual(lines((await p.ok(["heads"])).stdout), [`${m.id} (feature) (head)`]);
    const mergeRun = await p.ok(["upgrade", "head"]);
    const mergeLine = /Running upgrade (\w+), (\w+) -> (\w+), merge branches/.exec(mergeRun.stdout);
    assert.ok(mergeLine, describe(mergeRun));
    assert.deepEqual([mergeLine[1], mergeLine[2]].sort(), [b1.id, b2.id].sort());
    assert.equal(mergeLine[3], m.id);
    assert.deepEqual(await versionRows(conn), [m.id]);

    // A second base with its own label, and a revision on it that depends on branch one.
    const other = await p.revision("other root", ["--head", "base", "--branch-label", "other"]);
    writeOps(other.path, createTable("other_t"), dropTable("other_t"));
    assert.match(
      fs.readFileSync(other.path, "utf8"),
      /export const downRevision: string \| string\[\] \| null = null;/,
    );
    assert.deepEqual(
      lines((await p.ok(["heads"])).stdout).sort(),
      [`${m.id} (feature) (head)`, `${other.id} (other) (head)`].sort(),
    );
    const dep = await p.revision("needs branch one", ["--head", "other@head", "--depends-on", b1.id.slice(0, 6)]);
    writeOps(dep.path, createTable("dep_t"), dropTable("dep_t"));
    // A partial id in --depends-on is written as the full id.
    assert.match(
      fs.readFileSync(dep.path, "utf8"),
      new RegExp(`export const dependsOn: string\\[\\] \\| null = \\["${b1.id}"\\];`),
    );
    // As in Alembic, a range's upper end brings its dependencies along (upgrading to it would).
    assert.deepEqual(lines((await p.ok(["history", "-r", "other@base:other@head"])).stdout), [
      `${other.id} (${b1.id}) -> ${dep.id} (other) (head), needs branch one`,
      `<base> -> ${other.id} (other), other root`,
      `${a.id} -> ${b1.id}, branch one`,
      `<base> -> ${a.id} (branchpoint), root`,
    ]);

    await p.ok(["upgrade", "other@head"]);
    assert.deepEqual(await versionRows(conn), [m.id, dep.id].sort());
    assert.ok((await exists(conn, "other_t")) && (await exists(conn, "dep_t")));

    // Downgrading branch "other" to its base leaves the first tree alone.
    await p.ok(["downgrade", "other@base"]);
    assert.deepEqual(await versionRows(conn), [m.id]);
    assert.ok(!(await exists(conn, "other_t")) && !(await exists(conn, "dep_t")) && (await exists(conn, "b1_t")));

    await p.ok(["downgrade", "base"]);
    assert.deepEqual(await versionRows(conn), []);
    for (const table of ["root_t", "b1_t", "b2_t"]) assert.ok(!(await exists(conn, table)), table);
  });
}
