/*
 * `autogen verify` through the bin on each database: a correct history with branches passes;
 * an upgrade missing an op, a downgrade that does not restore, and a revision that only works on
 * the developer's database each fail (exit 1) naming the revision; the scratch database is gone
 * after a pass, a failure and a real SIGINT. On PostgreSQL, a login that may not create
 * databases verifies on PGlite.
 */
import * as assert from "node:assert/strict";
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { test, type TestContext } from "node:test";
import { connect, formatUrl, getDialect, parseUrl } from "@autogen/dialects";
import { dialectsUnderTest, useDatabase, type FreshDatabase } from "@autogen/dialects/testing";
import { BIN, describe } from "./helpers/cli-process";
import { leftovers } from "./helpers/scratch-leftovers";
import {
  entitiesProject,
  entitiesSource,
  generatedRevision,
  writeEntities,
  writeOps,
  type Project,
} from "./helpers/project";

const ACCOUNT = `await op.createTable("account", [
    { name: "id", type: "integer", primaryKey: true },
    { name: "name", type: "varchar(50)", nullable: false },
  ]);`;
const POST = `await op.createTable("post", [
    { name: "id", type: "integer", primaryKey: true },
    { name: "title", type: "varchar(80)", nullable: false },
  ]);`;
const ADD_EMAIL = `await op.addColumn("account", { name: "email", type: "varchar(100)" });`;
const ADD_BODY = `await op.addColumn("post", { name: "body", type: "varchar(200)" });`;

/** The models at the end of the correct history; `age` and `body` add those columns, `settings` a table. */
function entities(o: { age?: boolean; body?: boolean; settings?: boolean } = {}): string {
  return entitiesSource({
    Account: {
      table: "account",
      columns: {
        name: { length: 50 },
        email: { length: 100, nullable: true },
        ...(o.age ? { age: { type: "integer", nullable: true } } : {}),
      },
    },
    Post: {
      table: "post",
      columns: { title: { length: 80 }, ...(o.body ? { body: { length: 200, nullable: true } } : {}) },
    },
    ...(o.settings ? { Settings: { table: "settings", columns: { owner_id: { type: "integer" } } } } : {}),
  });
}

/** A project whose config reads its models from entities.ts. */
const modelProject = (t: TestContext, db: FreshDatabase): Promise<Project> =>
  entitiesProject(t, db, entities(), "Account, Post");

/**
 * account (a), then two branches from it: email on account (b1) and a post table (b2, label
 * "posts"), merged (m). Returns the ids.
 */
async function branchedHistory(p: Project): Promise<{ a: string; b1: string; b2: string; m: string }> {
  const a = await p.revision("accounts");
  writeOps(a.path, ACCOUNT, `await op.dropTable("account");`);
  const b1 = await p.revision("account email");
  writeOps(b1.path, ADD_EMAIL, `await op.dropColumn("account", "email");`);
  const b2 = await p.revision("posts", ["--head", a.id, "--splice", "--branch-label", "posts"]);
  writeOps(b2.path, POST, `await op.dropTable("post");`);
  const m = generatedRevision(await p.ok(["merge", "heads", "-m", "merge"]));
  return { a: a.id, b1: b1.id, b2: b2.id, m: m.id };
}

/** A TMPDIR of the test's own, so that SQLite scratch files of this test alone are seen. */
function tmpDir(p: Project): string {
  const dir = path.join(p.dir, "tmp");
  fs.mkdirSync(dir);
  return dir;
}

const verifyJson = async (p: Project, tmp: string) => {
  const r = await p.cli(["verify", "--format", "json"], { env: { TMPDIR: tmp } });
  return {
    r,
    json: JSON.parse(r.stdout) as {
      ok: boolean;
      revisions: string[];
      problems: { kind: string; revision: string; message: string; ops?: string[] }[];
      scratch: string;
    },
  };
};

for (const dialect of dialectsUnderTest()) {
  test(`${dialect}: verify passes on a correct history with branches and leaves no scratch database`, async (t) => {
    const db = await useDatabase(t, dialect);
    if (!db) return;
    const p = await modelProject(t, db);
    const tmp = tmpDir(p);
    const ids = await branchedHistory(p);

    const r = await p.cli(["verify"], { env: { TMPDIR: tmp } });
    assert.equal(r.status, 0, describe(r));
    const where =
      dialect === "sqlite"
        ? /^Verifying on temp file .*; it is dropped afterwards$/m
        : /^Verifying on database autogen_verify_\w+ on \w+:\/\/.*; it is dropped afterwards$/m;
    assert.match(r.stdout, where);
    // Progress: each upgrade and each downgrade, numbered.
    assert.match(r.stdout, new RegExp(`^\\[1/4\\] upgrade  -> ${ids.a}, accounts$`, "m"));
    assert.match(r.stdout, new RegExp(`^\\[4/4\\] downgrade ${ids.a} -> , accounts$`, "m"));
    assert.match(
      r.stdout,
      /^Verified 4 revision\(s\) on .*: upgrades match the models and every downgrade restores the schema before it\.$/m,
    );
    assert.equal(r.stderr, "");

    const { r: rj, json } = await verifyJson(p, tmp);
    assert.equal(rj.status, 0, describe(rj));
    assert.equal(json.ok, true);
    assert.deepEqual(json.problems, []);
    assert.deepEqual([...json.revisions].sort(), Object.values(ids).sort());
    assert.equal(json.revisions.at(-1), ids.m);
    assert.deepEqual(await leftovers(db, tmp, p.pids), [], "no scratch database left behind");

    // revision --autogenerate --verify: the new revision is written, then the whole history proven.
    await p.ok(["upgrade", "heads"]);
    writeEntities(p, entities({ body: true }));
    const withVerify = await p.cli(["revision", "--autogenerate", "--verify", "-m", "post body"], {
      env: { TMPDIR: tmp },
    });
    assert.equal(withVerify.status, 0, describe(withVerify));
    const written = generatedRevision(withVerify);
    assert.match(fs.readFileSync(written.path, "utf8"), /"body", type: "varchar\(200\)"/);
    assert.match(withVerify.stdout, /^Verified 5 revision\(s\) on .*: upgrades match the models/m);
    assert.deepEqual(await leftovers(db, tmp, p.pids), [], "no scratch database left behind");
  });

  test(`${dialect}: verify names the revision whose upgrade misses an op, whose downgrade does not restore, or that needs the developer's rows`, async (t) => {
    const db = await useDatabase(t, dialect);
    if (!db) return;
    const p = await modelProject(t, db);
    const tmp = tmpDir(p);
    const ids = await branchedHistory(p);

    // (a) The models add account.age and post.body; the revision (hand-edited) adds only body.
    writeEntities(p, entities({ age: true, body: true }));
    const c = await p.revision("age and body");
    writeOps(c.path, ADD_BODY, `await op.dropColumn("post", "body");`);
    const missing = await verifyJson(p, tmp);
    assert.equal(missing.r.status, 1, describe(missing.r));
    assert.equal(missing.json.ok, false);
    assert.equal(missing.json.problems[0]?.kind, "models-differ");
    assert.equal(missing.json.problems[0]?.revision, c.id);
    assert.deepEqual(missing.json.problems[0]?.ops, [`AddColumnOp account.age (since ${c.id})`]);
    // With --format json, stderr has the progress and the one FAILED line.
    assert.equal(
      missing.r.errorLines.at(-1),
      `FAILED: verify: revision ${c.id}: after ${c.id} the schema stops matching the models: AddColumnOp account.age`,
    );
    assert.deepEqual(await leftovers(db, tmp, p.pids), [], "no scratch database left behind");

    // (b) The upgrade is complete, the downgrade forgets the body column.
    writeOps(
      c.path,
      `await op.addColumn("account", { name: "age", type: "integer" });\n  ${ADD_BODY}`,
      `await op.dropColumn("account", "age");`,
    );
    const text = await p.cli(["verify"], { env: { TMPDIR: tmp } });
    assert.equal(text.status, 1, describe(text));
    assert.match(
      text.stdout,
      new RegExp(
        `^downgrade-differs: the downgrade of ${c.id} does not restore the schema before it; to restore it: DropColumnOp post.body$`,
        "m",
      ),
    );
    assert.deepEqual(text.errorLines, [
      `FAILED: verify: revision ${c.id}: the downgrade of ${c.id} does not restore the schema before it; to restore it: DropColumnOp post.body`,
    ]);
    assert.deepEqual(await leftovers(db, tmp, p.pids), [], "no scratch database left behind");

    // (c) A revision that works on the developer's database only: it seeds a row pointing at
    // the admin account, which exists there and nowhere else.
    writeOps(
      c.path,
      `await op.addColumn("account", { name: "age", type: "integer" });\n  ${ADD_BODY}`,
      `await op.dropColumn("post", "body");\n  await op.dropColumn("account", "age");`,
    );
    writeEntities(p, entities({ age: true, body: true, settings: true }));
    fs.writeFileSync(
      path.join(p.dir, "autogen.config.ts"),
      fs
        .readFileSync(path.join(p.dir, "autogen.config.ts"), "utf8")
        .replace("import { Account, Post }", "import { Account, Post, Settings }")
        .replace("entities: [Account, Post],", "entities: [Account, Post, Settings],"),
    );
    const seed = await p.revision("default settings");
    writeOps(
      seed.path,
      `await op.createTable("settings", [
    { name: "id", type: "integer", primaryKey: true },
    { name: "owner_id", type: "integer", nullable: false },
  ]);
  await op.execute("INSERT INTO settings (id, owner_id) VALUES (1, (SELECT id FROM account WHERE name = 'admin'))");`,
      `await op.dropTable("settings");`,
    );
    await p.ok(["upgrade", ids.m]);
    const conn = await p.connection();
    await conn.query("INSERT INTO account (id, name) VALUES (7, 'admin')");
    await p.ok(["upgrade", "head"]);
    assert.deepEqual(
      (await conn.query("SELECT owner_id FROM settings")).rows.map((r) => Number(r.owner_id)),
      [7],
    );
    const check = await p.cli(["check"]);
    assert.equal(check.status, 0, describe(check));

    const devOnly = await verifyJson(p, tmp);
    assert.equal(devOnly.r.status, 1, describe(devOnly.r));
    assert.equal(devOnly.json.problems[0]?.kind, "upgrade-failed");
    assert.equal(devOnly.json.problems[0]?.revision, seed.id);
    assert.match(
      devOnly.json.problems[0]!.message,
      new RegExp(`^the upgrade of ${seed.id} fails on an empty database: .*(null|NULL)`),
    );
    assert.match(
      devOnly.r.errorLines.at(-1)!,
      new RegExp(`^FAILED: verify: revision ${seed.id}: the upgrade of ${seed.id} fails`),
    );
    // The revisions before it were still downgraded and checked, without findings.
    assert.equal(devOnly.json.problems.length, 1, JSON.stringify(devOnly.json.problems));
    assert.deepEqual(await leftovers(db, tmp, p.pids), [], "no scratch database left behind");
  });

  test(`${dialect}: a verify stopped with SIGINT drops its scratch database`, async (t) => {
    const db = await useDatabase(t, dialect);
    if (!db) return;
    const p = await modelProject(t, db);
    const tmp = tmpDir(p);
    const a = await p.revision("accounts");
    writeOps(a.path, ACCOUNT, `await op.dropTable("account");`);
    const slow = await p.revision("slow");
    // A statement running on the server when the signal comes (SQLite: a timer in the revision).
    const sleep = {
      postgres: `await op.execute("SELECT pg_sleep(60)");`,
      mysql: `await op.execute("SELECT SLEEP(60)");`,
      sqlite: `await new Promise((r) => setTimeout(r, 60_000));`,
    }[dialect];
    writeOps(slow.path, `${POST}\n  ${sleep}`, `await op.dropTable("post");`);

    const child = spawn(process.execPath, [BIN, "verify"], {
      cwd: p.dir,
      env: { ...process.env, ...p.env, TMPDIR: tmp },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.on("exit", (code, signal) => resolve({ code, signal })),
    );
    await new Promise<void>((resolve, reject) => {
      child.stdout.setEncoding("utf8").on("data", (d: string) => {
        stdout += d;
        if (stdout.includes(`[2/2] upgrade ${a.id} -> ${slow.id}, slow`)) resolve();
      });
      void exited.then(() => reject(new Error(`verify ended before the slow revision:\n${stdout}\n${stderr}`)));
    });
    // Let the slow statement start, and see the scratch database exist.
    await new Promise((r) => setTimeout(r, 500));
    assert.equal((await leftovers(db, tmp, [child.pid!])).length, 1);
    child.kill("SIGINT");
    const end = await exited;
    assert.equal(end.signal, "SIGINT", `exit ${end.code}\n${stdout}\n${stderr}`);
    assert.deepEqual(await leftovers(db, tmp, [child.pid!]), [], "SIGINT drops the scratch database");
  });
}

test("postgres: a login that may not create databases verifies on PGlite, and says so", async (t) => {
  const db = await useDatabase(t, "postgres");
  if (!db) return;
  const role = `autogen_nocreatedb_${process.pid}`;
  const admin = await db.connect();
  await admin.query(`DROP ROLE IF EXISTS ${role}`);
  await admin.query(`CREATE ROLE ${role} LOGIN NOCREATEDB`);
  t.after(async () => {
    const c = await connect(db.url);
    await c.query(`DROP ROLE IF EXISTS ${role}`).finally(() => c.close());
  });
  const p = await modelProject(t, db);
  await branchedHistory(p);
  const url = formatUrl({ ...parseUrl(db.url), user: role, password: undefined }, { mask: false });
  const r = await p.cli(["verify"], { env: { DATABASE_URL: url } });
  assert.equal(r.status, 0, describe(r));
  assert.match(
    r.stdout,
    /^Verifying on PGlite in memory: postgres:\/\/autogen_nocreatedb_\d+@[^ ]+ may not create databases \(set 'shadowUrl' to use a server\); it is dropped afterwards$/m,
  );
  assert.match(r.stdout, /^Verified 4 revision\(s\) on PGlite in memory: upgrades match the models/m);

  // An extension PGlite does not have: the failure says so and what to do.
  const ext = await p.revision("extension");
  writeOps(
    ext.path,
    `await op.execute('CREATE EXTENSION IF NOT EXISTS "postgis"');`,
    `await op.execute('DROP EXTENSION IF EXISTS "postgis"');`,
  );
  const noExt = await p.cli(["verify"], { env: { DATABASE_URL: url } });
  assert.equal(noExt.status, 1, describe(noExt));
  assert.deepEqual(noExt.errorLines, [
    `FAILED: verify: revision ${ext.id}: the upgrade of ${ext.id} fails on an empty database: PGlite has no extension "postgis" (it ships without most extensions): set 'shadowUrl' to a PostgreSQL server where this login may create databases`,
  ]);
});

test("shadowUrl: verify runs where it says (here PGlite for a PostgreSQL project), and refuses another dialect", async (t) => {
  const db = await useDatabase(t, "postgres");
  if (!db) return;
  const p = await modelProject(t, db);
  await branchedHistory(p);
  const configFile = path.join(p.dir, "autogen.config.ts");
  const config = fs.readFileSync(configFile, "utf8");
  fs.writeFileSync(
    configFile,
    config.replace("entities: [Account, Post],", `entities: [Account, Post],\n  shadowUrl: "pglite://:memory:",`),
  );
  const r = await p.cli(["verify", "--format", "json"]);
  assert.equal(r.status, 0, describe(r));
  const json = JSON.parse(r.stdout) as { ok: boolean; scratch: string; scratchSource: string };
  assert.deepEqual([json.ok, json.scratch, json.scratchSource], [true, "PGlite in memory", "shadowUrl"]);
  assert.match(r.stderr, /^Verifying on PGlite in memory \(shadowUrl\); it is dropped afterwards$/m);

  fs.writeFileSync(
    configFile,
    config.replace(
      "entities: [Account, Post],",
      `entities: [Account, Post],\n  shadowUrl: "mysql://root@127.0.0.1/x",`,
    ),
  );
  const mismatch = await p.cli(["verify"]);
  assert.equal(mismatch.status, 2, describe(mismatch));
  assert.match(
    mismatch.errorLines[0]!,
    /^FAILED: shadowUrl in .*autogen\.config\.ts is a mysql URL but the project's database is postgres$/,
  );
});
