// One cold autogen check in a process of its own, as a user's `autogen check` meets it (V8 tuned
// as the bin tunes it): the entities are decorated, and the database driver and autogen's
// autogenerate pipeline loaded, first (module loading, not timed, as the anchors' workers load
// theirs before their timers: worker-support.js, loadAutogenForCheck), then connect +
// command.check is timed. argv[2]: a JSON job { profile, n, url }. Prints one JSON line: seconds, statements
// sent (and how many of them read the catalog), phantom ops (the database holds the model, so
// every op is one), peak RSS, and the timed window on the monotonic clock (µs).
"use strict";
// What the `autogen` bin does before it loads anything else (packages/cli/src/short-run-v8.ts).
require("autogen/dist/src/short-run-v8").tuneV8ForShortRun();
require("reflect-metadata");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { performance } = require("node:perf_hooks");
const { decoratedEntities, syntheticModel } = require("../synthetic-model");
const { settleHeap, loadAutogenForCheck, countingConnection, countOps, report } = require("./worker-support");

/** The monotonic clock in microseconds, as a CPU profile's sample times count it (for profile-check's timed window). */
const micros = () => Number(process.hrtime.bigint() / 1000n);

async function main() {
  const job = JSON.parse(process.argv[2]);
  const profile = require(job.profile);
  const entities = decoratedEntities(require("typeorm"), profile, syntheticModel(job.n));
  const { command, defineConfig } = loadAutogenForCheck(profile);
  const { connect } = require("@autogen/dialects");
  const scriptLocation = fs.mkdtempSync(path.join(os.tmpdir(), "autogen-bench-check-"));
  fs.mkdirSync(path.join(scriptLocation, "versions"));
  try {
    settleHeap();
    const start = performance.now();
    const startMicros = micros();
    const conn = countingConnection(await connect(job.url));
    const result = await command.check(defineConfig({ scriptLocation, url: job.url, entities }), { connection: conn });
    const seconds = (performance.now() - start) / 1000;
    const window = [startMicros, micros()];
    await conn.close();
    const ops = result.ops.upgradeOps.ops;
    report({
      seconds,
      statements: conn.count,
      catalogQueries: conn.catalog,
      phantoms: countOps(ops),
      sample: ops.slice(0, 3).map((op) => JSON.stringify(op).slice(0, 200)),
      window,
    });
  } finally {
    fs.rmSync(scriptLocation, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
