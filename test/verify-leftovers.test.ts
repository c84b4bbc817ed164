/*
 * A verify killed with `kill -9` cannot drop its scratch database; the next verify does, on each
 * database: the name says when and by which process (on which host) it was made, and one whose
 * process is gone, or that is older than a day, is dropped. One whose process still runs is kept.
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { test } from "node:test";
import { connect, formatUrl, getDialect, hostTag, parseUrl, scratchName, type DialectName } from "@autogen/dialects";
import { dialectsUnderTest, useDatabase, type FreshDatabase } from "@autogen/dialects/testing";
import { describe, startCli } from "./helpers/cli-process";
import { createProject, writeOps } from "./helpers/project";
import { leftovers } from "./helpers/scratch-leftovers";

const SLOW_ENV = "AUTOGEN_TEST_SLOW_REVISION";
const DAY_MS = 24 * 60 * 60 * 1000;

/** Creates a scratch database (SQLite: a temp folder in `tmp`) with the given name, as verify names them. */
async function makeScratch(db: FreshDatabase, tmp: string, name: string): Promise<void> {
  if (db.dialect === "sqlite") {
    fs.mkdirSync(path.join(tmp, name));
    return;
  }
  const conn = await connect(formatUrl({ ...parseUrl(db.url) }, { mask: false }));
  try {
    await conn.query(getDialect(db.dialect).serverDatabases!.create(name));
  } finally {
    await conn.close();
  }
}

async function dropScratch(db: FreshDatabase, tmp: string, name: string): Promise<void> {
  if (db.dialect === "sqlite") return fs.rmSync(path.join(tmp, name), { recursive: true, force: true });
  const conn = await connect(formatUrl({ ...parseUrl(db.url) }, { mask: false }));
  try {
    await conn.query(getDialect(db.dialect).serverDatabases!.drop(name)).catch(() => undefined);
  } finally {
    await conn.close();
  }
}

function verifyName(dialect: DialectName, createdMs: number): string {
  const sep = dialect === "sqlite" ? "-" : "_";
  const prefix = dialect === "sqlite" ? "autogen-verify-" : "autogen_verify_";
  return scratchName(prefix, sep, { owner: { createdMs, host: hostTag(), pid: process.pid } });
}

for (const dialect of dialectsUnderTest()) {
  test(`${dialect}: the next verify drops the scratch database a killed verify left, and an old one; not one in use`, async (t) => {
    const db = await useDatabase(t, dialect);
    if (!db) return;
    const p = await createProject(t, db, { hooks: false });
    const tmp = fs.mkdtempSync(path.join(p.dir, "tmp-"));
    const a = await p.revision("accounts");
    writeOps(
      a.path,
      `await op.createTable("account", [{ name: "id", type: "integer", primaryKey: true }]);\n` +
        `  if (process.env.${SLOW_ENV}) await new Promise((r) => setTimeout(r, 120_000));`,
      `await op.dropTable("account");`,
    );

    // A verify killed while it runs its first revision: its scratch database stays.
    const run = startCli(["verify"], { cwd: p.dir, env: { ...p.env, TMPDIR: tmp, [SLOW_ENV]: "1" } });
    let killed: string | undefined;
    for (let waited = 0; killed === undefined; waited += 100) {
      if (run.child.exitCode !== null) assert.fail(`verify ended early: ${describe(await run.result)}`);
      assert.ok(waited < 120_000, "verify never created its scratch database");
      await new Promise((r) => setTimeout(r, 100));
      killed = (await leftovers(db, tmp, [run.child.pid!]))[0];
    }
    run.child.kill("SIGKILL");
    assert.equal((await run.result).signal, "SIGKILL");
    assert.ok((await leftovers(db, tmp)).includes(killed), "kill -9 leaves the scratch database");

    // One made by this (running) process now, and one made by it two days ago.
    const inUse = verifyName(dialect, Date.now());
    const old = verifyName(dialect, Date.now() - 2 * DAY_MS);
    for (const name of [inUse, old]) {
      await makeScratch(db, tmp, name);
      t.after(() => dropScratch(db, tmp, name));
    }

    const next = await p.cli(["verify"], { env: { TMPDIR: tmp } });
    assert.equal(next.status, 0, describe(next));
    const after = await leftovers(db, tmp);
    assert.equal(after.includes(killed), false, "the killed verify's database is gone");
    assert.equal(after.includes(old), false, "the old one is gone");
    assert.equal(after.includes(inUse), true, "the one whose process runs is kept");
    // It says what it dropped. Another verify on this server (other test files) may have swept
    // some of them first, so the line names a part of them, or all, or (both swept) is absent.
    const line = /^Dropped (\d+) scratch database\(s\) an earlier verify left behind: (.+)$/m.exec(next.stdout);
    if (line) {
      const names = line[2]!.split(", ");
      assert.equal(names.length, Number(line[1]));
      for (const name of names) assert.equal(after.includes(name), false, `${name} is gone`);
      assert.equal(names.includes(inUse), false);
    }
  });
}
