#!/usr/bin/env node
// Runs the benchmarks: every bench/*.bench.js (or those whose name contains an argument) in
// file-name order, and prints each one's figures. A bench module exports
//   { title: string, run(): Promise<Result[]> }
// where a Result is { name, runs: number[] (seconds), goal?: seconds, compareTo?: name, note? }.
// Exit status 1 when a bench fails (a command errs or prints the wrong thing). A missed goal is
// printed, not failed: figures depend on the machine, and are never asserted in tests.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const { formatResults } = require("./report");

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
  for (const file of files) {
    const bench = require(path.join(__dirname, file));
    console.log(`\n## ${bench.title} (${file})\n`);
    try {
      const results = await bench.run();
      console.log(formatResults(results).text);
    } catch (err) {
      console.error(`FAILED: ${err instanceof Error ? err.message : String(err)}`);
      status = 1;
    }
  }
  return status;
}

main().then(
  (status) => process.exit(status),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
