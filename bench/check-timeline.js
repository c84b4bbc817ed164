#!/usr/bin/env node
// When each stage of a no-change `check` ends: builds the autogenerate bench's schema (plain DDL,
// N tables) on a fresh database and runs workers/check-timeline.js as cold processes, printing
// per run the check's time and its stages (the onProgress stages, and when each statement's
// answer reached the caller), in ms from the start. With --model-free, every run is paired with
// a check that is given the model instead of building it (the model an earlier run built, read
// from JSON before the timed window), runs interleaved, and the medians of both are printed:
// how much of the check the model build holds up, and what the rest costs.
//   node bench/check-timeline.js sqlite|postgres|mysql TABLES RUNS [--model-free]
"use strict";
const { runScript } = require("./run-script");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { runWorker, withBenchDatabase } = require("./autogenerate-bench");
const { median } = require("./report");

const DIALECTS = new Set(["sqlite", "postgres", "mysql"]);

async function main() {
  const [dialect, tables, runs, ...flags] = process.argv.slice(2);
  const modelFree = flags.includes("--model-free");
  if (!DIALECTS.has(dialect) || !(Number(tables) > 0) || !(Number(runs) > 0)) {
    console.error("usage: node bench/check-timeline.js sqlite|postgres|mysql TABLES RUNS [--model-free]");
    return 2;
  }
  const n = Number(tables);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "autogen-timeline-"));
  const modelFile = path.join(dir, "model.json");
  try {
    await withBenchDatabase(dialect, n, async (db) => {
      const run = (mode) => {
        const job = { profile: path.resolve(__dirname, "profiles", `${dialect}.js`), n, url: db.url, mode, modelFile };
        const r = runWorker(process.execPath, [
          path.join(__dirname, "workers", "check-timeline.js"),
          JSON.stringify(job),
        ]);
        if (r.phantoms !== 0) throw new Error(`${mode}: ${r.phantoms} phantom ops`);
        return r;
      };
      if (modelFree) run("dump");
      const modes = modelFree ? ["built", "model-free"] : ["built"];
      const figures = new Map(modes.map((m) => [m, []]));
      for (let i = 0; i < Number(runs); i++) {
        for (const mode of modes) {
          const r = run(mode);
          figures.get(mode).push(r);
          console.log(`${mode} ${r.seconds.toFixed(3)} s: ${r.stages.map((s) => `${s.ms} ${s.what}`).join(" | ")}`);
        }
      }
      for (const [mode, rs] of figures) {
        console.log(`${mode}: check median ${median(rs.map((r) => r.seconds)).toFixed(3)} s over ${rs.length} runs`);
      }
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return 0;
}

runScript(main);
