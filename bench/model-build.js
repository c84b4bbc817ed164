#!/usr/bin/env node
// Compares how long two or more checkouts (each built, with its node_modules) take to build the
// autogenerate bench's model from its decorated entities (schemaFromTypeORM: TypeORM's metadata
// and autogen's mapping), with no database: cold processes, runs interleaved (A, B, A, B...) so
// that a machine whose speed drifts moves every checkout's figures alike. The model build is most
// of a check, and without a database its figures vary much less than a whole check's.
//   node bench/model-build.js sqlite|postgres|mysql ENTITIES RUNS CHECKOUT...
// e.g. node bench/model-build.js sqlite 1000 9 /tmp/before .
"use strict";
const path = require("node:path");
const { runWorker } = require("./autogenerate-bench");
const { median } = require("./report");

const DIALECTS = new Set(["sqlite", "postgres", "mysql"]);
const WORKER = path.join(__dirname, "workers", "model-build.js");

function main() {
  const [dialect, entities, runs, ...checkouts] = process.argv.slice(2);
  if (!DIALECTS.has(dialect) || !(Number(entities) > 0) || !(Number(runs) > 0) || checkouts.length === 0) {
    console.error("usage: node bench/model-build.js sqlite|postgres|mysql ENTITIES RUNS CHECKOUT...");
    return 2;
  }
  const figures = new Map(checkouts.map((c) => [c, []]));
  for (let i = 0; i < Number(runs); i++) {
    for (const checkout of checkouts) {
      const job = JSON.stringify({ checkout, dialect, n: Number(entities) });
      figures.get(checkout).push(runWorker(process.execPath, [WORKER, job]));
    }
  }
  for (const [checkout, results] of figures) {
    const seconds = results.map((r) => r.seconds);
    console.log(
      `${checkout}: model build median ${median(seconds).toFixed(3)} s, process CPU median ${median(results.map((r) => r.cpuSeconds)).toFixed(2)} s (${seconds.map((s) => s.toFixed(3)).join(" ")})`,
    );
  }
  return 0;
}

try {
  process.exit(main());
} catch (err) {
  console.error(err.message);
  process.exit(1);
}
