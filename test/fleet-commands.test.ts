/*
 * The fleet commands beyond a plain `upgrade --each` (issue 14), on SQLite files (fast, and the
 * same code path as the servers: test/fleet.test.ts runs those): bad input, the check drift
 * report, one SQL file per target offline, downgrade/stamp/current on named targets, and Ctrl-C
 * (running targets finish their current revision, no other starts, exit 130, a rerun finishes).
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { test, type TestContext } from "node:test";
import { command, defineConfig } from "autogen";
import { connect } from "@autogen/dialects";
import { useDatabase, type FreshDatabase } from "@autogen/dialects/testing";
import { describe, startCli, type CliResult } from "./helpers/cli-process";
import { ACCOUNT_ENTITY, createProject, entitiesProject, generatedRevision, writeOps } from "./helpers/project";

const TARGETS = ["east", "west", "north"];
/** The config's setting naming the TARGETS, one SQLite file each in the project folder. */
const TARGETS_SETTING = `targets: [${TARGETS.map((n) => `{ name: "${n}", url: "sqlite:///${n}.db" }`).join(", ")}],`;

interface JsonReport {
  results: { name: string; status: string; to: string[] | null; steps: number | null; changes?: string[] }[];
  exitCode: number;
  interrupted: boolean;
}
const json = (r: CliResult) => JSON.parse(r.stdout) as JsonReport;
const statuses = (r: CliResult) => Object.fromEntries(json(r).results.map((x) => [x.name, x.status]));

/** A project with the account model whose config names the TARGETS. */
const fleetProject = (t: TestContext, db: FreshDatabase) =>
  entitiesProject(t, db, ACCOUNT_ENTITY, "Account", `entities: [Account],\n  ${TARGETS_SETTING}`);

test("sqlite: check --each reports drift per target; --sql --each writes a file per target; downgrade, stamp and current on named targets; bad input exits 2", async (t) => {
  const db = await useDatabase(t, "sqlite");
  if (!db) return;
  const p = await fleetProject(t, db);
  const file = (n: string) => path.join(p.dir, `${n}.db`);

  // Bad input: one line, exit 2, no target touched.
  for (const [args, message] of [
    [["upgrade", "head", "--each", "--target", "south"], /^FAILED: No target named 'south' in /],
    [["upgrade", "head", "--each", "--concurrency", "two"], /^FAILED: --concurrency must be a whole number/],
    [["upgrade", "head", "--target", "east"], /^FAILED: --target needs --each$/],
    [["upgrade", "head", "--format", "json"], /^FAILED: --format json needs --each$/],
    [["upgrade", "head", "--each", "--sql"], /^FAILED: --sql with --each writes one file per target/],
    [["upgrade", "head", "--each", "--output-dir", "out"], /^FAILED: --output-dir needs --sql$/],
    [["downgrade", "base", "--each", "--sql", "--output-dir", "out"], /^FAILED: downgrade with --sql requires/],
    [["stamp", "head", "--each", "--sql"], /^FAILED: stamp --each runs online only/],
    [["upgrade", "nosuch", "--each"], /^FAILED: Can't locate revision identified by 'nosuch'$/],
  ] as const) {
    const r = await p.cli(args);
    assert.equal(r.status, 2, describe(r));
    assert.equal(r.errorLines.length, 1, describe(r));
    assert.match(r.errorLines[0]!, message);
  }
  for (const n of TARGETS) assert.equal(fs.existsSync(file(n)), false, `${n} untouched`);

  const rev = generatedRevision(await p.ok(["revision", "--autogenerate", "-m", "initial"]));
  const up = await p.cli(["upgrade", "head", "--each", "--concurrency", "2", "--format", "json"]);
  assert.equal(up.status, 0, describe(up));
  assert.deepEqual(
    json(up).results.map((r) => [r.name, r.status, r.to, r.steps]),
    TARGETS.map((n) => [n, "ok", [rev.id], 1]),
  );

  // Drift: west has a column the models lack, north lost its table.
  const west = await connect(`sqlite:///${file("west")}`);
  await west.query("ALTER TABLE account ADD COLUMN extra integer");
  await west.close();
  const north = await connect(`sqlite:///${file("north")}`);
  await north.query("DROP TABLE account");
  await north.close();
  const drift = await p.cli(["-q", "check", "--each", "--format", "json"]);
  assert.equal(drift.status, 1, describe(drift));
  assert.deepEqual(statuses(drift), { east: "ok", west: "differs", north: "differs" });
  const changes = Object.fromEntries(json(drift).results.map((r) => [r.name, (r.changes ?? []).join(", ")]));
  assert.equal(changes.east, "");
  assert.match(changes.west!, /extra/);
  assert.match(changes.north!, /^CreateTableOp account$/);
  const driftText = await p.cli(["check", "--each"]);
  assert.equal(driftText.status, 1);
  assert.match(driftText.stdout, /^east: up to date \(/m);
  assert.match(driftText.stdout, /^north: differs \([\d.]+ s\): CreateTableOp account$/m);
  assert.match(driftText.errorLines.at(-1)!, /^FAILED: 2 of 3 targets differ from the models: west, north$/);

  // Offline: one file per target, each the script of its dialect.
  const out = path.join(p.dir, "out");
  const offline = await p.cli(["upgrade", "base:head", "--each", "--sql", "--output-dir", "out"]);
  assert.equal(offline.status, 0, describe(offline));
  assert.deepEqual(fs.readdirSync(out).sort(), TARGETS.map((n) => `${n}.sql`).sort());
  for (const n of TARGETS) {
    const sql = fs.readFileSync(path.join(out, `${n}.sql`), "utf8");
    assert.match(sql, /CREATE TABLE "account"/);
    assert.match(sql, new RegExp(`INSERT INTO "autogen_version" \\(version_num\\) VALUES \\('${rev.id}'\\)`));
  }

  // A subset: downgrade one target, stamp another; current tells each.
  const down = await p.cli(["downgrade", "base", "--each", "--target", "east"]);
  assert.equal(down.status, 0, describe(down));
  assert.match(down.stdout, new RegExp(`^east: ${rev.id} -> base \\(1 step, [\\d.]+ s\\)$`, "m"));
  assert.ok(!/^west|^north/m.test(down.stdout), down.stdout);
  const stamp = await p.cli(["stamp", "base", "--each", "--target", "north"]);
  assert.equal(stamp.status, 0, describe(stamp));
  const current = await p.cli(["current", "--each", "--format", "json"]);
  assert.equal(current.status, 0, describe(current));
  assert.deepEqual(
    json(current).results.map((r) => [r.name, r.to]),
    [
      ["east", []],
      ["west", [rev.id]],
      ["north", []],
    ],
  );
  const heads = await p.cli(["current", "--each", "--check-heads"]);
  assert.equal(heads.status, 2, describe(heads));
  assert.match(heads.stdout, /^east: FAILED after [\d.]+ s: Database is not on all head revisions$/m);
  assert.match(heads.stdout, new RegExp(`^west: ${rev.id} \\(`, "m"));
  assert.match(heads.errorLines.at(-1)!, /^FAILED: 2 of 3 targets failed: east, north$/);
});

test("sqlite: Ctrl-C lets the running target finish its current revision, starts no other, exits 130; a rerun finishes", async (t) => {
  const db = await useDatabase(t, "sqlite");
  if (!db) return;
  const p = await createProject(t, db, { hooks: false });
  const configFile = path.join(p.dir, "autogen.config.ts");
  fs.writeFileSync(configFile, fs.readFileSync(configFile, "utf8").replace("// entities: [Account],", TARGETS_SETTING));
  const r1 = await p.revision("first");
  writeOps(r1.path, `await op.execute("CREATE TABLE steps (n integer)");`, `await op.execute("DROP TABLE steps");`);
  // The slow revision says it started (a marker file), then takes a while.
  const slow = await p.revision("slow");
  writeOps(
    slow.path,
    `const marker = process.env.FLEET_MARKER;
  if (marker) {
    require("node:fs").writeFileSync(marker, "started");
    await new Promise((resolve) => setTimeout(resolve, 1500));
  }
  await op.execute("INSERT INTO steps (n) VALUES (2)");`,
    `await op.execute("DELETE FROM steps WHERE n = 2");`,
  );
  const r3 = await p.revision("third");
  writeOps(
    r3.path,
    `await op.execute("INSERT INTO steps (n) VALUES (3)");`,
    `await op.execute("DELETE FROM steps WHERE n = 3");`,
  );

  const marker = path.join(p.dir, "marker");
  const run = startCli(["upgrade", "head", "--each", "--concurrency", "1"], {
    cwd: p.dir,
    env: { ...p.env, FLEET_MARKER: marker },
  });
  for (let waited = 0; !fs.existsSync(marker); waited += 50) {
    assert.ok(waited < 30_000, "the slow revision never started");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  run.child.kill("SIGINT");
  const stopped = await run.result;
  assert.equal(stopped.status, 130, describe(stopped));
  assert.match(stopped.stderr, /^Interrupted: no further target starts/m);
  assert.match(stopped.stdout, new RegExp(`^east: interrupted, base -> ${slow.id} \\(2 steps, [\\d.]+ s\\)$`, "m"));
  assert.match(stopped.stdout, /^west: not started$/m);
  assert.match(stopped.stdout, /^north: not started$/m);
  assert.match(stopped.errorLines.at(-1)!, /^FAILED: interrupted: 3 of 3 targets not at the end/);
  // The slow revision finished and was committed; the third never ran.
  const east = await connect(`sqlite:///${path.join(p.dir, "east.db")}`);
  assert.deepEqual(
    (await east.query<{ n: number }>("SELECT n FROM steps")).rows.map((r) => Number(r.n)),
    [2],
  );
  await east.close();

  const rerun = await p.cli(["upgrade", "head", "--each"]);
  assert.equal(rerun.status, 0, describe(rerun));
  assert.match(rerun.stdout, new RegExp(`^east: ${slow.id} -> ${r3.id} \\(1 step`, "m"));
  assert.match(rerun.stdout, new RegExp(`^west: base -> ${r3.id} \\(3 steps`, "m"));
});

test("sqlite: command.fleet programmatically: an aborted signal starts nothing (130), then a run reaches head", async (t) => {
  const db = await useDatabase(t, "sqlite");
  if (!db) return;
  const p = await createProject(t, db, { hooks: false });
  const r1 = await p.revision("first");
  writeOps(r1.path, `await op.execute("CREATE TABLE t (n integer)");`, `await op.execute("DROP TABLE t");`);
  const config = defineConfig({
    scriptLocation: path.join(p.dir, "migrations"),
    targets: async () => TARGETS.map((name) => ({ name, url: `sqlite:///${path.join(p.dir, `${name}.db`)}` })),
  });
  const stopped = await command.fleet.upgrade(config, "head", { signal: AbortSignal.abort() });
  assert.equal(stopped.exitCode, 130);
  assert.deepEqual(
    stopped.results.map((r) => r.status),
    TARGETS.map(() => "not-started"),
  );
  const lines: string[] = [];
  const done = await command.fleet.upgrade(config, "head", { concurrency: 2, log: (l) => lines.push(l) });
  assert.equal(done.exitCode, 0);
  assert.deepEqual(
    done.results.map((r) => [r.name, r.status, r.from, r.to]),
    TARGETS.map((n) => [n, "ok", [], [r1.id]]),
  );
  assert.deepEqual(lines.sort(), TARGETS.map((n) => `${n}: Running upgrade  -> ${r1.id}, first`).sort());
});

test("sqlite: verify --each proves the history on each target's server and names the targets whose applied files changed", async (t) => {
  const db = await useDatabase(t, "sqlite");
  if (!db) return;
  const p = await fleetProject(t, db);
  const rev = generatedRevision(await p.ok(["revision", "--autogenerate", "-m", "initial"]));
  // Only east and west have run it: north has applied nothing, so nothing of it can have changed.
  for (const n of ["east", "west"]) await p.ok(["upgrade", "head", "--each", "--target", n]);

  const ok = await p.cli(["verify", "--each", "--format", "json"]);
  assert.equal(ok.status, 0, describe(ok));
  assert.deepEqual(
    json(ok).results.map((r) => [r.name, r.status, r.steps]),
    TARGETS.map((n) => [n, "ok", 1]),
  );
  const text = await p.cli(["verify", "--each"]);
  assert.equal(text.status, 0, describe(text));
  assert.match(text.stdout, /^east: verified, 1 revision \(/m);

  // The applied file is edited afterwards: the targets that ran it say so, north does not.
  const original = fs.readFileSync(rev.path, "utf8");
  // A statement that changes no schema: the history still proves, only the applied file differs.
  const edited = original.replace(
    "// ### end autogen commands ###",
    'await op.execute("SELECT 1");\n  // ### end autogen commands ###',
  );
  assert.notEqual(edited, original, "the revision has the autogen commands block");
  fs.writeFileSync(rev.path, edited);
  const changed = await p.cli(["verify", "--each", "--format", "json"]);
  assert.equal(changed.status, 1, describe(changed));
  const byName = Object.fromEntries(json(changed).results.map((r) => [r.name, r]));
  assert.equal(byName.north!.status, "ok");
  for (const n of ["east", "west"]) {
    assert.equal(byName[n]!.status, "differs", n);
    assert.ok(
      byName[n]!.changes!.some((c) => c.startsWith(`file-changed ${rev.id}:`)),
      `${n}: ${JSON.stringify(byName[n]!.changes)}`,
    );
  }
});
