// `autogen upgrade head --each` on 500 PostgreSQL schema tenants of one database (a schema per
// tenant through onConnect, listed from a catalog table; the three revisions of
// test/helpers/fleet-project.ts), as a whole process, at concurrency 1, 4 and 8. Each timed run
// starts from base (an untimed `downgrade base --each` before it). No goal: the figures show
// what concurrency buys on this machine. Env: AUTOGEN_BENCH_FLEET_SCHEMAS (default 500),
// AUTOGEN_BENCH_FLEET_CONCURRENCY (default "1,4,8"), AUTOGEN_BENCH_RUNS (default 1).
"use strict";
const path = require("node:path");
const { spawnSync } = require("node:child_process");
const { timeProcess } = require("./process-timer");

const ROOT = path.resolve(__dirname, "..");
const BIN = path.join(ROOT, "packages", "cli", "bin", "autogen.js");
const SCHEMAS = Number(process.env.AUTOGEN_BENCH_FLEET_SCHEMAS || 500);
const LEVELS = (process.env.AUTOGEN_BENCH_FLEET_CONCURRENCY || "1,4,8").split(",").map(Number);
const RUNS = Number(process.env.AUTOGEN_BENCH_RUNS || 1);

module.exports = {
  title: `upgrade head --each: ${SCHEMAS} PostgreSQL schema tenants of one database, whole process`,
  async run() {
    const { createFleetProject } = require(path.join(ROOT, "test/dist/helpers/fleet-project"));
    const fleet = await createFleetProject(
      { pgSchemas: SCHEMAS, pgDatabases: 0, mysqlDatabases: 0, sqliteFiles: 0 },
      { faults: false },
    );
    const results = [];
    try {
      for (const concurrency of LEVELS) {
        const { times } = timeProcess(
          process.execPath,
          [BIN, "upgrade", "head", "--each", "--concurrency", String(concurrency)],
          {
            runs: RUNS,
            cwd: fleet.dir,
            before: () => {
              const r = spawnSync(process.execPath, [BIN, "-q", "downgrade", "base", "--each", "--concurrency", "8"], {
                cwd: fleet.dir,
                encoding: "utf8",
              });
              if (r.status !== 0) throw new Error(`downgrade base --each failed: ${r.stderr.trim().split("\n").pop()}`);
            },
          },
        );
        results.push({
          name: `${SCHEMAS} schemas, concurrency ${concurrency}`,
          runs: times,
          note: `${(SCHEMAS / (times.reduce((a, b) => a + b, 0) / times.length)).toFixed(0)} targets/s`,
        });
      }
    } finally {
      await fleet.drop();
    }
    return results;
  },
};
