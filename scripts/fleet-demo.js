#!/usr/bin/env node
// The fleet story of issue 14 at full size, on the local servers (after `npm run build`):
// 200 PostgreSQL schemas in one database (tenants through onConnect, listed in a catalog
// table), 20 PostgreSQL databases, 20 MariaDB databases and 50 SQLite files, one unreachable
// target and one schema tenant whose second revision fails halfway. Two
// `autogen upgrade head --each --concurrency 8` processes start at once; then every other target
// must be at head with each revision applied exactly once (its audit rows), and both bad
// targets reported. After fixing them, a rerun must complete, and a second rerun do nothing.
// test/fleet.test.ts runs the same story on a small fixed sample.
// Env: FLEET_PG_SCHEMAS, FLEET_PG_DATABASES, FLEET_MYSQL_DATABASES, FLEET_SQLITE_FILES,
// FLEET_CONCURRENCY (default 8); AUTOGEN_TEST_PG_URL / AUTOGEN_TEST_MYSQL_URL as for the tests.
"use strict";
const path = require("node:path");

const ROOT = path.resolve(__dirname, "..");
const { createFleetProject, FLEET_HEAD, FLEET_REVISIONS } = require(path.join(ROOT, "test/dist/helpers/fleet-project"));
const { runCli } = require(path.join(ROOT, "test/dist/helpers/cli-process"));

const size = (name, fallback) => Number(process.env[name] || fallback);
const SIZES = {
  pgSchemas: size("FLEET_PG_SCHEMAS", 200),
  pgDatabases: size("FLEET_PG_DATABASES", 20),
  mysqlDatabases: size("FLEET_MYSQL_DATABASES", 20),
  sqliteFiles: size("FLEET_SQLITE_FILES", 50),
};
const CONCURRENCY = String(size("FLEET_CONCURRENCY", 8));
const AUDITS = FLEET_REVISIONS.map((r) => r.audit).join(",");

let problems = 0;
function expect(ok, message) {
  if (!ok) {
    problems++;
    console.error(`PROBLEM: ${message}`);
  }
}

async function timed(label, fn) {
  const start = performance.now();
  const result = await fn();
  console.log(`${label}: ${((performance.now() - start) / 1000).toFixed(1)} s`);
  return result;
}

/** Every target's audit rows are exactly one per revision. */
async function checkAudits(fleet, skip = new Set()) {
  for (const target of fleet.targets) {
    if (skip.has(target.name)) continue;
    const rows = await fleet.audit(target);
    expect(rows !== null && rows.join(",") === AUDITS, `${target.name}: audit rows ${JSON.stringify(rows)}`);
  }
}

async function main() {
  console.log(`fleet: ${JSON.stringify(SIZES)}, concurrency ${CONCURRENCY}`);
  const fleet = await timed("create the databases", () => createFleetProject(SIZES));
  try {
    const cli = (args) => runCli(args, { cwd: fleet.dir });
    const args = ["upgrade", "head", "--each", "--concurrency", CONCURRENCY, "--format", "json"];
    const [a, b] = await timed("two 'upgrade head --each' runs at once", () => Promise.all([cli(args), cli(args)]));
    const reports = [a, b].map((r) => JSON.parse(r.stdout));
    for (const r of [a, b]) expect(r.status === 3, `exit ${r.status}, expected 3 (the unreachable target)`);
    const total = fleet.targets.length + 1;
    for (const rep of reports) expect(rep.results.length === total, `${rep.results.length} results of ${total}`);
    const steps = new Map();
    for (const rep of reports)
      for (const r of rep.results) {
        if (r.name === fleet.unreachable || r.name === fleet.broken.name) {
          expect(r.status === "failed", `${r.name} should have failed: ${r.status}`);
          continue;
        }
        expect(r.status === "ok" && r.to?.[0] === FLEET_HEAD, `${r.name}: ${r.status} ${r.error?.message ?? ""}`);
        steps.set(r.name, (steps.get(r.name) ?? 0) + (r.steps ?? 0));
      }
    for (const [name, n] of steps)
      expect(n === FLEET_REVISIONS.length, `${name}: ${n} revisions run between the two runs`);
    await checkAudits(fleet, new Set([fleet.broken.name]));
    const failed = reports[0].results.filter((r) => r.status === "failed");
    for (const r of failed) console.log(`  reported: ${r.name}: ${r.error.message.slice(0, 140)}`);

    await fleet.fix();
    const rerun = await timed("rerun after fixing both", () =>
      cli(["upgrade", "head", "--each", "--concurrency", CONCURRENCY, "--format", "json"]),
    );
    expect(rerun.status === 0, `rerun exit ${rerun.status}: ${rerun.stderr.trim().split("\n").pop()}`);
    const did = JSON.parse(rerun.stdout)
      .results.filter((r) => r.steps > 0)
      .map((r) => `${r.name} (${r.steps})`);
    console.log(`  the rerun ran revisions on: ${did.join(", ")}`);
    expect(did.length === 2, "only the two fixed targets had anything left");
    const again = await timed("rerun of all (nothing left)", () =>
      cli(["upgrade", "head", "--each", "--concurrency", CONCURRENCY]),
    );
    expect(again.status === 0 && !/\(([1-9]\d*) steps?/.test(again.stdout), "a second rerun ran something");
    await checkAudits(fleet);
    console.log(
      problems === 0
        ? `OK: ${fleet.targets.length} targets at ${FLEET_HEAD}, each revision once`
        : `${problems} problem(s)`,
    );
  } finally {
    await fleet.drop();
  }
  return problems === 0 ? 0 : 1;
}

main().then(
  (status) => process.exit(status),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
