/*
 * Bad input through the autogen bin, on each database: every failure is exactly one line on
 * stderr, exit 2 (3 for database errors), no stack trace without --raiseerr, and the
 * database is left as it was.
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { type TestContext, test } from "node:test";
import { type Connection, parseUrl, formatUrl } from "@autogen/dialects";
import { dialectsUnderTest, type FreshDatabase, useDatabase, tempDir } from "@autogen/dialects/testing";
import { assertFailure, describe, runCli } from "./helpers/cli-process";
import {
  CREATE_ACCOUNT,
  createProject,
  DROP_ACCOUNT,
  exists,
  type Project,
  versionRows,
  writeOps,
} from "./helpers/project";

/** What a failed command must leave alone: the version table and the tutorial's table. */
async function snapshot(conn: Connection): Promise<unknown> {
  return { versions: await versionRows(conn), account: await exists(conn, "account") };
}

/** A project whose database is at its first revision (account table created). */
async function projectAtFirstRevision(
  t: TestContext,
  db: FreshDatabase,
): Promise<{ p: Project; conn: Connection; id: string }> {
  const p = await createProject(t, db, { hooks: false });
  const a = await p.revision("create account table");
  writeOps(a.path, CREATE_ACCOUNT, DROP_ACCOUNT);
  await p.ok(["upgrade", "head"]);
  return { p, conn: await p.connection(), id: a.id };
}

/** A revision file written by hand. */
function writeRevisionFile(
  p: Project,
  name: string,
  header: { revision: string; downRevision: string | null },
  body = "",
): string {
  const file = path.join(p.versionsDir, `${header.revision}_${name}.ts`);
  fs.writeFileSync(
    file,
    [
      `/**\n * ${name}\n */`,
      `import type { Operations } from "autogen";`,
      `export const revision = "${header.revision}";`,
      `export const downRevision: string | string[] | null = ${header.downRevision === null ? "null" : `"${header.downRevision}"`};`,
      `export const branchLabels: string[] | null = null;`,
      `export const dependsOn: string[] | null = null;`,
      body ||
        `export async function upgrade(op: Operations): Promise<void> {}\nexport async function downgrade(op: Operations): Promise<void> {}`,
      "",
    ].join("\n"),
  );
  return file;
}

for (const dialect of dialectsUnderTest()) {
  const it = (name: string, fn: (t: TestContext, db: FreshDatabase) => Promise<void>) =>
    test(`${dialect}: ${name}`, async (t) => {
      const db = await useDatabase(t, dialect);
      if (db) await fn(t, db);
    });

  it("an unknown revision", async (t, db) => {
    const { p, conn } = await projectAtFirstRevision(t, db);
    const before = await snapshot(conn);
    assertFailure(await p.cli(["upgrade", "deadbeef1234"]), 2, /Can't locate revision identified by 'deadbeef1234'/);
    assertFailure(await p.cli(["downgrade", "deadbeef1234"]), 2, /Can't locate revision identified by 'deadbeef1234'/);
    assertFailure(await p.cli(["show", "deadbeef1234"]), 2, /Can't locate revision identified by 'deadbeef1234'/);
    assertFailure(await p.cli(["stamp", "deadbeef1234"]), 2, /Can't locate revision identified by 'deadbeef1234'/);
    assertFailure(await p.cli(["lint", "deadbeef1234"]), 2, /Can't locate revision identified by 'deadbeef1234'/);
    assertFailure(await p.cli(["lint", "a:b:c"]), 2, /History range requires \[start\]:\[end\]/);
    assertFailure(await p.cli(["lint", "--format", "xml"]), 2, /'xml' is invalid/);
    assert.deepEqual(await snapshot(conn), before);
  });

  it("an ambiguous partial id", async (t, db) => {
    const { p, conn } = await projectAtFirstRevision(t, db);
    await p.revision("one", ["--rev-id", "abcd11111111"]);
    await p.revision("two", ["--rev-id", "abcd22222222", "--head", "abcd11111111"]);
    const before = await snapshot(conn);
    // The candidates are named (Alembic's command text says only "Can't locate revision").
    const ambiguous =
      /^FAILED: Revision 'abcd' is ambiguous: it starts abcd11111111, abcd22222222; give more characters of the id$/;
    for (const args of [
      ["upgrade", "abcd"],
      ["downgrade", "abcd"],
      ["show", "abcd"],
      ["stamp", "abcd"],
    ])
      assertFailure(await p.cli(args), 2, ambiguous);
    assertFailure(await p.cli(["upgrade", "abcd@head"]), 2, ambiguous);
    assert.deepEqual(await snapshot(conn), before);
    // One more character makes it unambiguous.
    assert.match((await p.ok(["show", "abcd2"])).stdout, /^Rev: abcd22222222 \(head\)/);
  });

  it("a cycle in the revision graph", async (t, db) => {
    const { p, conn } = await projectAtFirstRevision(t, db);
    writeRevisionFile(p, "x", { revision: "aaaaaaaaaaa1", downRevision: "aaaaaaaaaaa2" });
    writeRevisionFile(p, "y", { revision: "aaaaaaaaaaa2", downRevision: "aaaaaaaaaaa1" });
    const before = await snapshot(conn);
    assertFailure(await p.cli(["upgrade", "heads"]), 2, /[Cc]ycle is detected in revisions/);
    assertFailure(await p.cli(["heads"]), 2, /[Cc]ycle is detected in revisions/);
    assert.deepEqual(await snapshot(conn), before);
  });

  it("a duplicate revision id", async (t, db) => {
    const { p, conn, id } = await projectAtFirstRevision(t, db);
    writeRevisionFile(p, "copy", { revision: id, downRevision: null });
    const before = await snapshot(conn);
    assertFailure(await p.cli(["upgrade", "head"]), 2, new RegExp(id));
    assertFailure(await p.cli(["history"]), 2, new RegExp(id));
    assert.deepEqual(await snapshot(conn), before);
  });

  it("a missing down revision", async (t, db) => {
    const { p, conn } = await projectAtFirstRevision(t, db);
    writeRevisionFile(p, "orphan", { revision: "bbbbbbbbbbb1", downRevision: "cccccccccccc" });
    const before = await snapshot(conn);
    assertFailure(await p.cli(["upgrade", "heads"]), 2, /cccccccccccc/);
    assertFailure(await p.cli(["heads"]), 2, /cccccccccccc/);
    assert.deepEqual(await snapshot(conn), before);
  });

  it("a revision file whose header does not parse", async (t, db) => {
    const { p, conn } = await projectAtFirstRevision(t, db);
    fs.writeFileSync(
      path.join(p.versionsDir, "broken_header.ts"),
      `export const revision = ;\nexport const downRevision = null;\n`,
    );
    const before = await snapshot(conn);
    assertFailure(await p.cli(["heads"]), 2, /broken_header\.ts/);
    assertFailure(await p.cli(["upgrade", "head"]), 2, /broken_header\.ts/);
    assert.deepEqual(await snapshot(conn), before);
  });

  it("a revision file that lacks upgrade()", async (t, db) => {
    const { p, conn, id } = await projectAtFirstRevision(t, db);
    writeRevisionFile(
      p,
      "no_upgrade",
      { revision: "dddddddddddd", downRevision: id },
      `export async function downgrade(): Promise<void> {}`,
    );
    const before = await snapshot(conn);
    assertFailure(await p.cli(["upgrade", "head"]), 2, /no_upgrade\.ts.*upgrade\(\)|upgrade\(\).*no_upgrade\.ts/);
    assertFailure(await p.cli(["lint"]), 2, /no_upgrade\.ts.*upgrade\(\)|upgrade\(\).*no_upgrade\.ts/);
    assert.deepEqual(await snapshot(conn), before);
  });

  it("a revision file whose body does not compile", async (t, db) => {
    const { p, conn, id } = await projectAtFirstRevision(t, db);
    writeRevisionFile(
      p,
      "bad_body",
      { revision: "eeeeeeeeeeee", downRevision: id },
      `export async function upgrade(op: Operations): Promise<void> {\n  await op.execute("SELECT 1") +* ;\n}\nexport async function downgrade(): Promise<void> {}`,
    );
    const before = await snapshot(conn);
    // Graph commands read headers only, so they still work...
    assert.match((await p.ok(["heads"])).stdout, /eeeeeeeeeeee \(head\)/);
    // ...running it fails cleanly.
    assertFailure(await p.cli(["upgrade", "head"]), 2, /bad_body\.ts/);
    assertFailure(await p.cli(["lint"]), 2, /bad_body\.ts/);
    assert.deepEqual(await snapshot(conn), before);
  });

  it("a URL that does not parse", async (t, db) => {
    const { p, conn } = await projectAtFirstRevision(t, db);
    const before = await snapshot(conn);
    const r = await p.cli(["upgrade", "head"], { env: { DATABASE_URL: "nosuchdb://user:hunter2@host/db" } });
    assertFailure(r, 2, /Could not parse database URL/);
    assert.doesNotMatch(r.stderr, /hunter2/);
    assert.deepEqual(await snapshot(conn), before);
  });

  it("an unreachable server", async (t, db) => {
    const { p, conn } = await projectAtFirstRevision(t, db);
    const before = await snapshot(conn);
    const parsed = parseUrl(db.url);
    // Port 1 on localhost refuses connections; SQLite cannot create a file in a missing folder.
    const unreachable =
      parsed.dialect === "sqlite"
        ? formatUrl({ ...parsed, filename: path.join(os.tmpdir(), "autogen-no-such-dir", "x", "db.sqlite") })
        : formatUrl({ ...parsed, port: 1, password: "hunter2" }, { mask: false });
    const r = await p.cli(["upgrade", "head"], { env: { DATABASE_URL: unreachable } });
    assertFailure(r, 3, /./);
    assert.doesNotMatch(r.stderr, /hunter2/);
    const raised = await p.cli(["--raiseerr", "current"], { env: { DATABASE_URL: unreachable } });
    assert.equal(raised.status, 3, describe(raised));
    assert.match(raised.stderr, /^\s+at /m, "--raiseerr prints the stack");
    assert.doesNotMatch(raised.stderr, /hunter2/);
    assert.deepEqual(await snapshot(conn), before);
  });

  it("a config whose TypeScript import throws: one line; with --raiseerr, a stack at the TypeScript line", async () => {
    const dir = tempDir("e2e-throwing-import");
    try {
      // Type-only declarations swc removes: the throw is on line 9 here and on another line in the JavaScript.
      fs.writeFileSync(
        path.join(dir, "thrower.ts"),
        [
          "interface Shape {",
          "  a: number;",
          "  b: string;",
          "}",
          "",
          "type Alias = { c: Shape };",
          "const value: Alias | undefined = undefined;",
          "export function boom(): never {",
          "  throw new Error(`boom ${String(value)}`);",
          "}",
          "boom();",
          "",
        ].join("\n"),
      );
      fs.writeFileSync(
        path.join(dir, "autogen.config.ts"),
        `import "./thrower";\nexport default { scriptLocation: "migrations", url: "sqlite://" };\n`,
      );
      const r = await runCli(["heads"], { cwd: dir });
      assertFailure(r, 2, /Could not load .*autogen\.config\.ts: boom undefined/);
      assert.doesNotMatch(r.stderr, /^\s+at /m);
      const raised = await runCli(["--raiseerr", "heads"], { cwd: dir });
      assert.equal(raised.status, 2, describe(raised));
      assert.match(raised.stderr, /at boom \(.*thrower\.ts:9:\d+\)/, raised.stderr);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("a missing config", async () => {
    const dir = tempDir("e2e-noconfig");
    try {
      assertFailure(await runCli(["heads"], { cwd: dir }), 2, /No config file found/);
      assertFailure(await runCli(["-c", "nope.ts", "heads"], { cwd: dir }), 2, /nope\.ts/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("a broken config", async (t, db) => {
    const { p, conn } = await projectAtFirstRevision(t, db);
    const before = await snapshot(conn);
    const write = (name: string, text: string) => {
      fs.writeFileSync(path.join(p.dir, name), text);
      return name;
    };
    assertFailure(
      await p.cli(["-c", write("throws.config.ts", `throw new Error("config exploded");\n`), "upgrade", "head"]),
      2,
      /config exploded/,
    );
    assertFailure(
      await p.cli(["-c", write("no-default.config.ts", `export const x = 1;\n`), "upgrade", "head"]),
      2,
      /no default export/,
    );
    assertFailure(
      await p.cli([
        "-c",
        write("no-location.config.ts", `export default { url: process.env.DATABASE_URL };\n`),
        "upgrade",
        "head",
      ]),
      2,
      /No 'scriptLocation' key found/,
    );
    assertFailure(
      await p.cli(["-c", write("syntax.config.ts", `export default {\n  url: {;\n};\n`), "upgrade", "head"]),
      2,
      /Could not load .*syntax\.config\.ts:2:9: Unexpected token/,
    );
    const envs = write(
      "envs.config.ts",
      `export default { scriptLocation: "migrations", environments: { staging: { url: "sqlite:///s.db" }, prod: { url: "sqlite:///p.db" } } };\n`,
    );
    assertFailure(await p.cli(["-c", envs, "-n", "qa", "heads"]), 2, /No environment named 'qa'.*staging, prod/);
    assert.deepEqual(await snapshot(conn), before);
  });

  it("a statement that fails in the middle of a run", async (t, db) => {
    const { p, conn, id } = await projectAtFirstRevision(t, db);
    const second = await p.revision("add a column");
    writeOps(
      second.path,
      `await op.addColumn("account", { name: "note", type: "varchar(20)" });`,
      `await op.dropColumn("account", "note");`,
    );
    const third = await p.revision("broken statement");
    writeOps(third.path, `await op.execute("INSERT INTO no_such_table (x) VALUES (1)");`, ``);
    const r = await p.cli(["upgrade", "head"]);
    assertFailure(r, 3, new RegExp(`${third.id}.*no_such_table|no_such_table.*${third.id}`));
    // Transactional DDL rolls the whole run back; MySQL/MariaDB commit each DDL statement, so
    // the version table stays at the last revision that completed.
    const expected: Record<typeof dialect, { versions: string[]; note: boolean }> = {
      postgres: { versions: [id], note: false },
      sqlite: { versions: [id], note: false },
      mysql: { versions: [second.id], note: true },
    };
    assert.deepEqual(
      { versions: await versionRows(conn), note: await exists(conn, "account", "note") },
      expected[dialect],
    );
  });

  // The local PostgreSQL trusts every login and SQLite has none: only MariaDB can refuse a password.
  if (dialect === "mysql") {
    it("a wrong password", async (t, db) => {
      const { p, conn } = await projectAtFirstRevision(t, db);
      const before = await snapshot(conn);
      const user = `autogen_pw_${process.pid}_${Date.now() % 100000}`;
      await conn.query(`CREATE USER '${user}'@'%' IDENTIFIED BY 'right-password'`);
      await conn.query(`CREATE USER '${user}'@'localhost' IDENTIFIED BY 'right-password'`);
      t.after(async () => {
        await conn.query(`DROP USER IF EXISTS '${user}'@'%'`);
        await conn.query(`DROP USER IF EXISTS '${user}'@'localhost'`);
      });
      const wrong = formatUrl({ ...parseUrl(db.url), user, password: "wrong-password" }, { mask: false });
      const r = await p.cli(["upgrade", "head"], { env: { DATABASE_URL: wrong } });
      assertFailure(r, 3, /Access denied|denied/i);
      assert.doesNotMatch(r.stderr, /wrong-password/);
      assert.deepEqual(await snapshot(conn), before);
    });
  }
}
