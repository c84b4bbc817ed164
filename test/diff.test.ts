/*
 * `autogen diff` through the bin, on each database: the database against the models (equal:
 * exit 0 and nothing printed; a change: exit 1 and the unified diff of the table's DDL), and
 * `diff REV1 REV2` (the schemas two revisions build on scratch databases, which are dropped
 * afterwards). A changed view is a diff of its SQL (PostgreSQL and SQLite, where the models'
 * view SQL is written as these entities write it). Bad input is exit 2.
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { test } from "node:test";
import { dialectsUnderTest, useDatabase } from "@autogen/dialects/testing";
import { describe, type CliResult } from "./helpers/cli-process";
import { createProject, generatedRevision, type Project, useEntitiesModule } from "./helpers/project";

/** The models: `users`, widened and given an email in v2; a view on PostgreSQL and SQLite. */
function entities(version: 1 | 2, withView: boolean): string {
  const view = `
@ViewEntity({ name: "user_names", expression: \`SELECT "name" FROM "users"${version === 2 ? ` WHERE "name" <> ''` : ""}\` })
export class UserName {
  @ViewColumn() name!: string;
}
`;
  return `import { Column, Entity, PrimaryColumn, ViewColumn, ViewEntity } from "typeorm";

@Entity("users")
export class User {
  @PrimaryColumn({ type: "integer" })
  id!: number;

  @Column({ type: "varchar", length: ${version === 1 ? 50 : 100} })
  name!: string;
${version === 2 ? `\n  @Column({ type: "varchar", length: 255, nullable: true })\n  email!: string | null;\n` : ""}}
${withView ? view : ""}
export const entities = [User${withView ? ", UserName" : ""}];
`;
}

async function project(t: Parameters<typeof createProject>[0], dialect: string) {
  const db = await useDatabase(t, dialect as never);
  if (!db) return undefined;
  const p = await createProject(t, db, { hooks: false, inRepo: true });
  useEntitiesModule(p, "entities", "entities,");
  return p;
}

/** The `-`/`+` lines of a diff (hunks only), as a reviewer reads them. */
function changedLines(text: string): string[] {
  return text.split("\n").filter((l) => /^[-+]/.test(l) && !/^(---|\+\+\+) /.test(l));
}

function assertEqualRun(r: CliResult, what: string): void {
  assert.equal(r.status, 0, `${what}: ${describe(r)}`);
  assert.equal(r.stdout, "", `${what}: ${describe(r)}`);
}

async function scratchDatabases(p: Project, dialect: string): Promise<string[]> {
  if (dialect === "sqlite") return [];
  const conn = await p.connection();
  const sql =
    dialect === "postgres"
      ? `SELECT datname AS name FROM pg_database WHERE datname LIKE 'autogen_verify_%'`
      : `SELECT schema_name AS name FROM information_schema.schemata WHERE schema_name LIKE 'autogen_verify_%'`;
  return (await conn.query<{ name: string }>(sql)).rows.map((r) => r.name);
}

for (const dialect of dialectsUnderTest()) {
  test(`${dialect}: diff is empty (exit 0) when the database matches the models, a unified diff (exit 1) when not; diff REV1 REV2`, async (t) => {
    const p = await project(t, dialect);
    if (!p) return;
    const withView = dialect !== "mysql";
    const q = (name: string) => (dialect === "mysql" ? `\`${name}\`` : `"${name}"`);
    fs.writeFileSync(path.join(p.dir, "entities.ts"), entities(1, withView));

    // An empty database against the models: the whole table is new.
    const empty = await p.cli(["diff"]);
    assert.equal(empty.status, 1, describe(empty));
    assert.match(empty.stdout, /^--- \/dev\/null\n\+\+\+ b\/users\n@@ -0,0 \+1,\d+ @@\n\+CREATE TABLE /);
    assert.equal(empty.errorLines.length, 1, describe(empty));
    assert.match(empty.errorLines[0]!, /^FAILED: the database \(.*\) and the models differ: users/);

    const first = generatedRevision(await p.ok(["revision", "--autogenerate", "-m", "v1"]));
    // The revision reads the same on every database: the primary key is one table-option line.
    const text = fs.readFileSync(first.path, "utf8");
    assert.match(text, /^ {6}primaryKey: \{ (name: "[^"]+", )?columns: \["id"\] \},$/m);
    assert.doesNotMatch(text, /primaryKey: true/);
    await p.ok(["upgrade", "head"]);
    assertEqualRun(await p.cli(["diff"]), "diff after upgrade");

    // The models move on: name widened, email added, the view's SQL changed.
    fs.writeFileSync(path.join(p.dir, "entities.ts"), entities(2, withView));
    const changed = await p.cli(["diff"]);
    assert.equal(changed.status, 1, describe(changed));
    assert.match(changed.stdout, /^--- a\/users\n\+\+\+ b\/users\n@@ /);
    const lines = changedLines(changed.stdout);
    assert.ok(
      lines.some((l) => l.startsWith(`-    ${q("name")} varchar(50)`)),
      changed.stdout,
    );
    assert.ok(
      lines.some((l) => l.startsWith(`+    ${q("name")} varchar(100)`)),
      changed.stdout,
    );
    assert.ok(
      lines.some((l) => l.startsWith(`+    ${q("email")} varchar(255)`)),
      changed.stdout,
    );
    if (withView) {
      assert.match(changed.stdout, /^--- a\/user_names\n\+\+\+ b\/user_names\n@@ /m);
      // Only the view's SQL changes: the condition is added, nothing with it removed.
      const view = changed.stdout.slice(changed.stdout.indexOf("--- a/user_names"));
      assert.ok(
        changedLines(view).some((l) => l.startsWith("+") && l.includes("<>")),
        view,
      );
      assert.ok(
        changedLines(view).every((l) => !(l.startsWith("-") && l.includes("<>"))),
        view,
      );
    }
    assert.match(changed.errorLines[0]!, /and the models differ: users/);
    // The same as JSON: one object per differing table or view, its patch the text printed above.
    const json = await p.cli(["diff", "--format", "json"]);
    assert.equal(json.status, 1, describe(json));
    const doc = JSON.parse(json.stdout) as {
      equal: boolean;
      from: string;
      to: string;
      objects: { kind: string; name: string; change: string; patch: string }[];
      otherChanges: string[];
    };
    assert.equal(doc.equal, false);
    assert.equal(doc.to, "the models");
    assert.deepEqual(
      doc.objects.map((o) => [o.kind, o.name, o.change]),
      [["table", "users", "changed"], ...(withView ? [["view", "user_names", "changed"]] : [])],
    );
    assert.equal(doc.objects.map((o) => o.patch).join(""), changed.stdout);
    assert.deepEqual(doc.otherChanges, []);

    const second = generatedRevision(await p.ok(["revision", "--autogenerate", "-m", "v2"]));
    // Two revisions' schemas, built on scratch databases: the same change.
    const revs = await p.cli(["diff", first.id, second.id]);
    assert.equal(revs.status, 1, describe(revs));
    assert.match(revs.stdout, /^--- a\/users\n\+\+\+ b\/users\n@@ /);
    const revLines = changedLines(revs.stdout);
    assert.ok(
      revLines.some((l) => l.startsWith(`+    ${q("email")} varchar(255)`)),
      revs.stdout,
    );
    assert.ok(
      revLines.some((l) => l.startsWith(`-    ${q("name")} varchar(50)`)),
      revs.stdout,
    );
    assert.doesNotMatch(revs.stdout, /autogen_version/);
    assert.match(revs.errorLines.at(-1)!, new RegExp(`^FAILED: revision ${first.id} and revision ${second.id} differ`));
    assertEqualRun(await p.cli(["-q", "diff", second.id, second.id]), "a revision against itself");
    const fromBase = await p.cli(["-q", "diff", "base", first.id]);
    assert.equal(fromBase.status, 1, describe(fromBase));
    assert.match(fromBase.stdout, /^--- \/dev\/null\n\+\+\+ b\/users\n/);
    // The progress lines name the scratch databases (other tests may make their own meanwhile).
    const made = revs.errorLines
      .filter((l) => l.startsWith("Building the revisions' schemas on"))
      .flatMap((l) => l.match(/autogen_verify_\w+/g) ?? []);
    assert.equal(made.length, dialect === "sqlite" ? 0 : 2, revs.stderr);
    const left = await scratchDatabases(p, dialect);
    assert.deepEqual(
      made.filter((name) => left.includes(name)),
      [],
      "every scratch database is dropped",
    );

    await p.ok(["upgrade", "head"]);
    assertEqualRun(await p.cli(["diff"]), "diff once the revision is applied");
    const equalJson = await p.cli(["diff", "--format", "json"]);
    assert.equal(equalJson.status, 0, describe(equalJson));
    assert.deepEqual(JSON.parse(equalJson.stdout).objects, []);
    assert.equal(JSON.parse(equalJson.stdout).equal, true);

    // Bad input: exit 2, one line, nothing on stdout.
    for (const args of [
      ["diff", first.id],
      ["diff", "ffffffffffff", first.id],
      ["diff", "a", "b", "c"],
    ]) {
      const r = await p.cli(args);
      assert.equal(r.status, 2, `${args.join(" ")}: ${describe(r)}`);
      assert.equal(r.stdout, "");
      assert.equal(r.errorLines.length, 1, `${args.join(" ")}: ${describe(r)}`);
    }
  });
}
