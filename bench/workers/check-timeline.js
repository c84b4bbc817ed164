// One cold autogen check, as workers/autogen-check.js runs it, that also reports when each stage
// ended: the stages the check reports through onProgress, and the moment each statement's answer
// reached the caller, in ms from the start of command.check. argv[2]: a JSON job { profile, n,
// url, mode, modelFile }. mode "dump" writes the model the check built to modelFile (JSON);
// mode "model-free" gives the check that model, read and frozen before the timed window, through
// command.check's `models` option, so that the check builds none. Prints one JSON line.
"use strict";
require("autogen/dist/src/short-run-v8").tuneV8ForShortRun();
require("reflect-metadata");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { performance } = require("node:perf_hooks");
const { decoratedEntities, syntheticModel } = require("../synthetic-model");
const { settleHeap, loadAutogenForCheck, report } = require("./worker-support");

async function main() {
  const job = JSON.parse(process.argv[2]);
  const profile = require(job.profile);
  const entities = decoratedEntities(require("typeorm"), profile, syntheticModel(job.n));
  const { command, defineConfig } = loadAutogenForCheck(profile);
  const { connect } = require("@autogen/dialects");
  const { freeze } = require("@autogen/core");
  const given = job.mode === "model-free" ? freeze(JSON.parse(fs.readFileSync(job.modelFile, "utf8"))) : null;
  const scriptLocation = fs.mkdtempSync(path.join(os.tmpdir(), "autogen-bench-timeline-"));
  fs.mkdirSync(path.join(scriptLocation, "versions"));
  try {
    const stages = [];
    settleHeap();
    const start = performance.now();
    const at = (what) => stages.push({ ms: Math.round(performance.now() - start), what });
    const conn = await connect(job.url);
    at("connected");
    const timed = {
      dialect: conn.dialect,
      query: async (sql, params) => {
        const rows = await conn.query(sql, params);
        at(`answered: ${sql.trim().replace(/\s+/g, " ").slice(0, 40)}`);
        return rows;
      },
      serverVersion: () => conn.serverVersion(),
      close: () => conn.close(),
    };
    // The key the check looks its model up by (packages/cli/src/autogenerate.ts, targetSchema).
    const key = `${conn.dialect} ${await conn.serverVersion()}`;
    let taken = false;
    const models = new Map();
    if (given) models.get = (k) => (k === key ? ((taken = true), Promise.resolve(given)) : undefined);
    const result = await command.check(defineConfig({ scriptLocation, url: job.url, entities }), {
      connection: timed,
      models,
      onProgress: (stage) => at(stage),
    });
    at("end");
    const seconds = (performance.now() - start) / 1000;
    await conn.close();
    if (given && !taken) throw new Error(`the check did not take the given model (key ${key})`);
    if (job.mode === "dump") fs.writeFileSync(job.modelFile, JSON.stringify(await models.get(key)));
    report({ seconds, phantoms: result.ops.upgradeOps.ops.length, stages });
  } finally {
    fs.rmSync(scriptLocation, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
