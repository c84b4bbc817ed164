/*
 * `autogen check` and `revision --autogenerate` through the bin, on each database: a config in
 * TypeScript importing decorated TypeORM entities, loaded with no build step.
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { test } from "node:test";
import { dialectsUnderTest, useDatabase } from "@autogen/dialects/testing";
import { describe } from "./helpers/cli-process";
import {
  ACCOUNT_ENTITY,
  createProject,
  entitiesProject,
  exists,
  generatedRevision,
  versionRows,
} from "./helpers/project";

for (const dialect of dialectsUnderTest()) {
  test(`${dialect}: check reports pending ops (exit 1) until a revision applies them`, async (t) => {
    const db = await useDatabase(t, dialect);
    if (!db) return;
    const p = await entitiesProject(t, db, ACCOUNT_ENTITY, "Account");

    const pending = await p.cli(["check"]);
    assert.equal(pending.status, 1, describe(pending));
    assert.match(pending.stdout, /New upgrade operations detected:/);
    assert.match(pending.stdout, /op\.createTable\(\s*"account"/);
    // stderr: what autogenerate detected, as Alembic logs it, then the one-line failure.
    assert.deepEqual(pending.errorLines.slice(0, -1), ["INFO  Detected added table 'account'"], describe(pending));
    assert.match(pending.errorLines.at(-1)!, /^FAILED: New upgrade operations detected: .*account/);

    const written = generatedRevision(await p.ok(["revision", "--autogenerate", "-m", "initial"]));
    assert.match(fs.readFileSync(written.path, "utf8"), /await op\.createTable\(\s*"account"/);

    // The database is behind the new revision: autogenerate refuses to compare it.
    const behind = await p.cli(["check"]);
    assert.equal(behind.status, 2, describe(behind));
    assert.deepEqual(behind.errorLines, ["FAILED: Target database is not up to date."]);
    const behindRevision = await p.cli(["revision", "--autogenerate", "-m", "again"]);
    assert.deepEqual(behindRevision.errorLines, ["FAILED: Target database is not up to date."]);

    await p.ok(["upgrade", "head"]);
    const conn = await p.connection();
    assert.ok(await exists(conn, "account", "name"));
    assert.deepEqual(await versionRows(conn), [written.id]);
    const clean = await p.cli(["check"]);
    assert.equal(clean.status, 0, describe(clean));
    assert.match(clean.stdout, /^No new upgrade operations detected\.$/m);

    const sqlAuto = await p.cli(["revision", "--autogenerate", "--sql", "-m", "x"]);
    assert.deepEqual(sqlAuto.errorLines, ["FAILED: Using --sql with --autogenerate does not make any sense"]);
  });
}

test("postgres: what reflection cannot express is printed as one WARNING line on stderr, -q or not", async (t) => {
  const db = await useDatabase(t, "postgres");
  if (!db) return;
  const p = await createProject(t, db, { hooks: false, inRepo: true });
  const configFile = path.join(p.dir, "autogen.config.ts");
  fs.writeFileSync(configFile, fs.readFileSync(configFile, "utf8").replace("// entities: [Account],", "entities: [],"));
  const conn = await p.connection();
  // An operator class other than the default is not part of the model.
  await conn.query("CREATE TABLE note (id integer PRIMARY KEY, body text)");
  await conn.query("CREATE INDEX note_body_pattern ON note (body text_pattern_ops)");
  for (const args of [["check"], ["-q", "check"], ["revision", "--autogenerate", "-m", "drop note"]]) {
    const r = await p.cli(args);
    const warnings = r.errorLines.filter((l) => l.startsWith("WARNING: ") && !l.startsWith("WARNING: risk "));
    assert.deepEqual(
      warnings,
      [
        "WARNING: PostgreSQL table public.note: operator class text_pattern_ops of index note_body_pattern is not modelled",
      ],
      describe(r),
    );
    assert.ok(!/\(node:\d+\)|AutogenReflectionWarning/.test(r.stderr), describe(r));
    // Dropping the table is a risk, printed -q or not.
    assert.ok(r.errorLines.includes("WARNING: risk data-loss: drops table note with all its rows"), describe(r));
  }
});
