/*
 * `autogen show REV --format markdown` through the bin: the pull-request summary of a revision,
 * read without a database (the URL only names the dialect; port 1 refuses connections), checked
 * against a golden file per dialect; raw SQL earlier in the history leaves the schema diff out
 * and says why; a bad revision is one error line, exit 2.
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { test, type TestContext } from "node:test";
import { describe, ROOT, runCli } from "./helpers/cli-process";

/** A revision file with a fixed id and date, so the output is the same on every run. */
function revisionFile(rev: string, down: string | null, message: string, upgrade: string): string {
  return `/**
 * ${message}
 *
 * Revision ID: ${rev}
 * Revises: ${down ?? ""}
 * Create Date: 2026-12-01 10:00:00.000000
 */
import type { Operations } from "autogen";

export const revision = "${rev}";
export const downRevision: string | string[] | null = ${down === null ? "null" : JSON.stringify(down)};
export const branchLabels: string[] | null = null;
export const dependsOn: string[] | null = null;

export async function upgrade(op: Operations): Promise<void> {
${upgrade}
}

export async function downgrade(op: Operations): Promise<void> {}
`;
}

const CREATE_USERS = `  await op.createTable("users", [
    { name: "id", type: "integer", primaryKey: true },
    { name: "name", type: "varchar(50)", nullable: false },
  ]);
  await op.createIndex("ix_users_name", "users", ["name"]);
  await op.createTable("posts", [
    { name: "id", type: "integer", primaryKey: true },
    { name: "user_id", type: "integer", nullable: false },
  ], { foreignKeys: [{ name: "fk_posts_user", columns: ["user_id"], refTable: "users", refColumns: ["id"] }] });
  await op.createView("user_names", "SELECT name\\nFROM users");`;

const ADD_EMAIL = `  await op.addColumn("users", { name: "email", type: "varchar(255)", nullable: true });
  await op.alterColumn("users", "name", { type: "varchar(100)", existingType: "varchar(50)", existingNullable: false });
  await op.dropIndex("ix_users_name", "users");
  await op.createIndex("ix_users_email", "users", ["email"], { unique: true });
  await op.dropTable("posts");
  await op.replaceView("user_names", "SELECT name, email\\nFROM users", { existingDefinition: "SELECT name\\nFROM users" });`;

const URLS = {
  postgres: "postgres://u:pw@127.0.0.1:1/app",
  mysql: "mysql://u:pw@127.0.0.1:1/app",
  sqlite: "sqlite:///app.db",
} as const;

function project(t: TestContext, url: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "autogen-e2e-show-md-"));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  fs.writeFileSync(
    path.join(dir, "autogen.config.ts"),
    `export default { scriptLocation: "m", url: ${JSON.stringify(url)}, postWriteHooks: [] };\n`,
  );
  const versions = path.join(dir, "m", "versions");
  fs.mkdirSync(versions, { recursive: true });
  fs.writeFileSync(
    path.join(versions, "aaaaaaaaaaa1_create.ts"),
    revisionFile("aaaaaaaaaaa1", null, "create users", CREATE_USERS),
  );
  fs.writeFileSync(
    path.join(versions, "bbbbbbbbbbb2_email.ts"),
    revisionFile("bbbbbbbbbbb2", "aaaaaaaaaaa1", "add email", ADD_EMAIL),
  );
  return dir;
}

for (const [dialect, url] of Object.entries(URLS)) {
  test(`${dialect}: show --format markdown matches its golden file, without a database`, async (t) => {
    const dir = project(t, url);
    const r = await runCli(["show", "bbbbbbbbbbb2", "--format", "markdown"], { cwd: dir });
    assert.equal(r.status, 0, describe(r));
    assert.equal(r.stderr, "", describe(r));
    const golden = path.join(ROOT, "test", "golden", `show-markdown.${dialect}.md`);
    if (process.env.AUTOGEN_UPDATE_GOLDEN === "1") fs.writeFileSync(golden, r.stdout);
    assert.equal(r.stdout, fs.readFileSync(golden, "utf8"));
    // -q does not silence the result.
    assert.equal((await runCli(["-q", "show", "bbbbbbbbbbb2", "--format", "markdown"], { cwd: dir })).stdout, r.stdout);
  });
}

test("show --format markdown: raw SQL in the history leaves the schema diff out and says why; a bad revision is exit 2", async (t) => {
  const dir = project(t, URLS.sqlite);
  fs.writeFileSync(
    path.join(dir, "m", "versions", "ccccccccccc3_sql.ts"),
    revisionFile("ccccccccccc3", "bbbbbbbbbbb2", "backfill", `  await op.execute("UPDATE users SET email = name");`),
  );
  fs.writeFileSync(
    path.join(dir, "m", "versions", "ddddddddddd4_more.ts"),
    revisionFile(
      "ddddddddddd4",
      "ccccccccccc3",
      "drop email",
      `  // risk data-loss (acknowledged): the backfill kept a copy\n  await op.dropColumn("users", "email");`,
    ),
  );
  const backfill = await runCli(["show", "ccccccccccc3", "--format", "markdown"], { cwd: dir });
  assert.equal(backfill.status, 0, describe(backfill));
  assert.match(backfill.stdout, /^- runs SQL: UPDATE users SET email = name$/m);
  assert.match(backfill.stdout, /^Not available: .*ExecuteSQLOp/m);
  const after = await runCli(["show", "ddddddddddd4", "--format", "markdown"], { cwd: dir });
  assert.equal(after.status, 0, describe(after));
  assert.match(after.stdout, /^- drops column users\.email$/m);
  // Its risks as lint finds them, with the acknowledgement written next to the op.
  assert.match(after.stdout, /^- `data-loss`: drops column users\.email.*\(line 17, acknowledged\)$/m);
  assert.match(after.stdout, /^Not available: /m);
  // Several revisions (heads of a branched history would be several): one section each.
  const both = await runCli(["show", "heads", "--format", "markdown"], { cwd: dir });
  assert.equal((both.stdout.match(/^## Revision /gm) ?? []).length, 1, describe(both));

  const bad = await runCli(["show", "eeeeeeeeeeee", "--format", "markdown"], { cwd: dir });
  assert.equal(bad.status, 2, describe(bad));
  assert.equal(bad.stdout, "");
  assert.equal(bad.errorLines.length, 1);
  const broken = path.join(dir, "m", "versions", "ddddddddddd4_more.ts");
  fs.writeFileSync(broken, fs.readFileSync(broken, "utf8").replace("await op.dropColumn", "await op.dropColumn("));
  const syntax = await runCli(["show", "ddddddddddd4", "--format", "markdown"], { cwd: dir });
  assert.equal(syntax.status, 2, describe(syntax));
  assert.equal(syntax.stdout, "");
  assert.equal(syntax.errorLines.length, 1);
  assert.match(syntax.errorLines[0]!, /ddddddddddd4_more\.ts/);
});

test("show --format markdown without a URL or dialect in the config: one line saying what to set, exit 2", async (t) => {
  const dir = project(t, URLS.sqlite);
  fs.writeFileSync(
    path.join(dir, "autogen.config.ts"),
    `export default { scriptLocation: "m", postWriteHooks: [] };\n`,
  );
  const r = await runCli(["show", "bbbbbbbbbbb2", "--format", "markdown"], { cwd: dir });
  assert.equal(r.status, 2, describe(r));
  assert.equal(r.stdout, "");
  assert.equal(r.errorLines.length, 1, describe(r));
  assert.match(
    r.errorLines[0]!,
    /^FAILED: Cannot tell the dialect for show --format markdown: set 'url' or 'dialect' in /,
  );
});
