/*
 * `upgrade --each` on a fleet of real databases (issue 14): PostgreSQL schemas of one database
 * (tenants through onConnect, listed from a catalog table), PostgreSQL databases, MariaDB
 * databases and SQLite files, upgraded from base to head at concurrency 8 by two processes
 * started at once. The sample is small and fixed (the sizes run from
 * scripts/fleet-demo.js): every revision runs exactly once per target (audit rows), an
 * unreachable target and one whose revision fails halfway are reported while all others reach
 * head, and a rerun after fixing them completes.
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { after, before, describe, it } from "node:test";
import { DatabaseUnavailable } from "@autogen/dialects/testing";
import { describe as describeRun, runCli, startCli, type CliResult } from "./helpers/cli-process";
import { createFleetProject, FLEET_HEAD, FLEET_REVISIONS, type FleetProject } from "./helpers/fleet-project";

const SAMPLE = { pgSchemas: 8, pgDatabases: 2, mysqlDatabases: 2, sqliteFiles: 4 };
const ALL_AUDITS = FLEET_REVISIONS.map((r) => r.audit);

interface JsonResult {
  name: string;
  status: string;
  from: string[] | null;
  to: string[] | null;
  steps: number | null;
  error: { message: string; exitCode: number } | null;
}
interface JsonReport {
  command: string;
  results: JsonResult[];
  interrupted: boolean;
  exitCode: number;
}

const report = (r: CliResult): JsonReport => {
  try {
    return JSON.parse(r.stdout) as JsonReport;
  } catch {
    assert.fail(`not a JSON report: ${describeRun(r)}`);
  }
};
const byName = (rep: JsonReport) => new Map(rep.results.map((r) => [r.name, r]));

describe("upgrade --each on PostgreSQL schemas and databases, MariaDB databases and SQLite files", () => {
  let fleet: FleetProject | undefined;
  before(async () => {
    try {
      fleet = await createFleetProject(SAMPLE);
    } catch (err) {
      if (!(err instanceof DatabaseUnavailable)) throw err;
    }
  });
  after(() => fleet?.drop());
  const cli = (args: readonly string[]) => runCli(args, { cwd: fleet!.dir });

  it("two runs at once: each revision once per target; the unreachable and the failing target reported, the others at head", async (t) => {
    if (!fleet) return t.skip("PostgreSQL or MariaDB unreachable");
    const args = ["upgrade", "head", "--each", "--concurrency", "8", "--format", "json"];
    const [a, b] = await Promise.all([
      startCli(args, { cwd: fleet.dir }).result,
      startCli(args, { cwd: fleet.dir }).result,
    ]);
    // Both report the two bad targets, with the highest status among them: 3, a database error.
    for (const r of [a, b]) assert.equal(r.status, 3, describeRun(r));
    const first = byName(report(a));
    const second = byName(report(b));
    assert.equal(first.size, fleet.targets.length + 1, "every target reported, the unreachable one included");

    for (const target of fleet.targets) {
      const [x, y] = [first.get(target.name)!, second.get(target.name)!];
      if (target === fleet.broken) continue;
      assert.equal(x.status, "ok", `${target.name}: ${JSON.stringify(x)}`);
      assert.equal(y.status, "ok", `${target.name}: ${JSON.stringify(y)}`);
      assert.deepEqual(x.to, [FLEET_HEAD], target.name);
      // Between the two runs, every revision ran once on this target, and the audit rows agree.
      assert.equal((x.steps ?? 0) + (y.steps ?? 0), FLEET_REVISIONS.length, target.name);
      assert.deepEqual(await fleet.audit(target), ALL_AUDITS, target.name);
    }

    for (const r of [first, second]) {
      const down: JsonResult = r.get(fleet.unreachable)!;
      assert.equal(down.status, "failed");
      assert.equal(down.error?.exitCode, 3);
      assert.match(down.error!.message, /127\.0\.0\.1:1|ECONNREFUSED|connect/i);
      const broken: JsonResult = r.get(fleet.broken.name)!;
      assert.equal(broken.status, "failed");
      assert.equal(broken.error?.exitCode, 3);
      assert.match(broken.error!.message, /legacy_import/);
    }
    // PostgreSQL ran the broken tenant's revisions in one transaction: rolled back to base.
    assert.equal(await fleet.audit(fleet.broken), null);
  });

  it("a rerun of the named targets after fixing them completes; a rerun of all does nothing more", async (t) => {
    if (!fleet) return t.skip("PostgreSQL or MariaDB unreachable");
    await fleet.fix();
    const named = await cli([
      "upgrade",
      "head",
      "--each",
      "--target",
      fleet.broken.name,
      "--target",
      fleet.unreachable,
    ]);
    assert.equal(named.status, 0, describeRun(named));
    const lines = named.stdout.trim().split("\n");
    assert.equal(lines.length, 3, named.stdout);
    for (const name of [fleet.broken.name, fleet.unreachable])
      assert.match(named.stdout, new RegExp(`^${name}: base -> ${FLEET_HEAD} \\(3 steps, \\d+\\.\\d\\d s\\)$`, "m"));
    assert.match(lines[2]!, /^2 targets: 2 ok \(\d+\.\d\d s\)$/);

    const all = await cli(["upgrade", "head", "--each", "--concurrency", "8"]);
    assert.equal(all.status, 0, describeRun(all));
    for (const target of fleet.targets) {
      assert.match(all.stdout, new RegExp(`^${target.name}: ${FLEET_HEAD} -> ${FLEET_HEAD} \\(0 steps`, "m"));
      assert.deepEqual(await fleet.audit(target), ALL_AUDITS, target.name);
    }

    const current = await cli(["current", "--each", "--format", "json"]);
    assert.equal(current.status, 0, describeRun(current));
    assert.deepEqual(
      report(current).results.map((r) => [r.name, r.to]),
      // The config's order: schema tenants, then targets.json's (the fixed unreachable one last).
      fleet.targets.map((tg) => [tg.name, [FLEET_HEAD]]),
    );
  });

  it("upgrade --sql --each: one file per target, each opening with what onConnect sends for it", async (t) => {
    if (!fleet) return t.skip("PostgreSQL or MariaDB unreachable");
    const r = await cli(["upgrade", "base:head", "--each", "--sql", "--output-dir", "sql-out"]);
    assert.equal(r.status, 0, describeRun(r));
    const read = (name: string) =>
      fs.readFileSync(path.join(fleet!.dir, "sql-out", `${name.replace(/\//g, "_")}.sql`), "utf8");
    const tenant = fleet.targets[0]!;
    assert.ok(read(tenant.name).startsWith(`SET search_path TO "${tenant.schema}";\n`), read(tenant.name));
    const maria = fleet.targets.find((tg) => tg.dialect === "mysql")!;
    assert.match(read(maria.name), /^CREATE TABLE `audit`/m);
    assert.doesNotMatch(read(maria.name), /search_path/);
    assert.equal(fs.readdirSync(path.join(fleet.dir, "sql-out")).length, fleet.targets.length);
  });
});
