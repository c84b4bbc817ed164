#!/usr/bin/env node
// Compares the no-change check of two or more checkouts (each built, with its node_modules) on
// one database, runs interleaved: A, B, A, B... so that a machine whose speed drifts (a shared
// one) moves every checkout's figures alike. Builds the autogenerate bench's schema (plain DDL,
// N tables) on a fresh database, runs each checkout's own bench worker (bench/workers/
// autogen-check.js) as a cold process per run, and prints per checkout the median check time
// and the median CPU time (user + system) of the worker's whole process.
//   node bench/interleave.js sqlite|postgres|mysql TABLES RUNS CHECKOUT...
// e.g. node bench/interleave.js postgres 1000 7 /tmp/before .
"use strict";
const { runScript } = require("./run-script");
const path = require("node:path");
const { runWorker, withBenchDatabase } = require("./autogenerate-bench");
const { median } = require("./report");

const DIALECTS = new Set(["sqlite", "postgres", "mysql"]);

/** One cold check by `checkout`'s worker: its timed seconds and its process's CPU seconds. */
function runOnce(checkout, dialect, n, url) {
  const worker = path.resolve(checkout, "bench", "workers", "autogen-check.js");
  const job = JSON.stringify({ profile: path.resolve(checkout, "bench", "profiles", `${dialect}.js`), n, url });
  const result = runWorker(process.execPath, [worker, job]);
  if (result.phantoms !== 0) throw new Error(`${checkout}: ${result.phantoms} phantom ops`);
  return { seconds: result.seconds, cpu: result.cpuSeconds };
}

async function main() {
  const [dialect, tables, runs, ...checkouts] = process.argv.slice(2);
  if (!DIALECTS.has(dialect) || !(Number(tables) > 0) || !(Number(runs) > 0) || checkouts.length === 0) {
    console.error("usage: node bench/interleave.js sqlite|postgres|mysql TABLES RUNS CHECKOUT...");
    return 2;
  }
  const n = Number(tables);
  await withBenchDatabase(dialect, n, async (db) => {
    const figures = new Map(checkouts.map((c) => [c, []]));
    for (let i = 0; i < Number(runs); i++) {
      for (const c of checkouts) figures.get(c).push(runOnce(c, dialect, n, db.url));
    }
    for (const [c, rs] of figures) {
      const seconds = rs.map((r) => r.seconds);
      // A checkout whose worker predates cpuSeconds reports none.
      const cpu = rs.every((r) => r.cpu !== undefined)
        ? `, process CPU median ${median(rs.map((r) => r.cpu)).toFixed(2)} s`
        : "";
      console.log(
        `${c}: check median ${median(seconds).toFixed(3)} s${cpu} (${seconds.map((s) => s.toFixed(3)).join(" ")})`,
      );
    }
  });
  return 0;
}

runScript(main);
