#!/usr/bin/env node
// Runs the benchmarks: every bench/*.bench.js (or those whose name contains an argument) in
// file-name order, prints each one's figures, and writes them all as JSON to
// bench/results/<date>-<commit>.json (and bench/results/latest.json), for `node bench/compare.js`
// between commits. A bench module exports
//   { title: string, run(): Promise<Result[]> }
// where a Result is { name, runs: number[] (seconds), goal?: seconds, compareTo?: name, note?,
// rssMB?, ... }. Exit status 1 when a bench fails (a command errs or prints the wrong thing). A
// missed goal is printed, not failed: figures depend on the machine, and are never asserted in tests.
"use strict";
const { runScript } = require("./run-script");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { spawnSync } = require("node:child_process");
const { formatResults, median } = require("./report");

const RESULTS = path.join(__dirname, "results");

function gitCommit() {
  const r = spawnSync("git", ["rev-parse", "--short=12", "HEAD"], { cwd: __dirname, encoding: "utf8" });
  const dirty = spawnSync("git", ["status", "--porcelain", "--untracked-files=no"], {
    cwd: __dirname,
    encoding: "utf8",
  });
  return r.status === 0 ? `${r.stdout.trim()}${dirty.stdout.trim() ? "-dirty" : ""}` : "unknown";
}

function writeJson(benches) {
  const commit = gitCommit();
  const date = new Date().toISOString();
  const doc = {
    commit,
    date,
    machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, node: process.version, loadAverage: os.loadavg() },
    benches: benches.map((b) => ({
      ...b,
      results: b.results.map((r) => ({ ...r, median: median(r.runs) })),
    })),
  };
  fs.mkdirSync(RESULTS, { recursive: true });
  const file = path.join(RESULTS, `${date.replace(/[:.]/g, "-")}-${commit}.json`);
  fs.writeFileSync(file, `${JSON.stringify(doc, null, 2)}\n`);
  fs.copyFileSync(file, path.join(RESULTS, "latest.json"));
  return file;
}

async function main() {
  const filters = process.argv.slice(2);
  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith(".bench.js"))
    .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
    .sort();
  if (files.length === 0) {
    console.error(`no bench/*.bench.js matches ${filters.join(", ")}`);
    return 1;
  }
  let status = 0;
  const benches = [];
  for (const file of files) {
    const bench = require(path.join(__dirname, file));
    console.log(`\n## ${bench.title} (${file})\n`);
    try {
      const results = await bench.run();
      console.log(formatResults(results).text);
      benches.push({ file, title: bench.title, results });
    } catch (err) {
      console.error(`FAILED: ${err instanceof Error ? err.message : String(err)}`);
      status = 1;
    }
  }
  if (benches.length > 0) console.log(`\nResults written to ${path.relative(process.cwd(), writeJson(benches))}`);
  return status;
}

runScript(main, { stack: true });
