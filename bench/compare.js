#!/usr/bin/env node
// Compares two bench result files (bench/results/*.json, written by run.js): each result both
// have, by name, its median before and after and the ratio, e.g.
//   node bench/compare.js bench/results/<before>.json bench/results/latest.json
"use strict";
const fs = require("node:fs");

function results(file) {
  const doc = JSON.parse(fs.readFileSync(file, "utf8"));
  const byName = new Map();
  for (const b of doc.benches) for (const r of b.results) byName.set(r.name, r);
  return { doc, byName };
}

function main(argv) {
  if (argv.length !== 2) {
    console.error("usage: node bench/compare.js BEFORE.json AFTER.json");
    return 2;
  }
  const [before, after] = argv.map(results);
  console.log(`before: ${before.doc.commit} (${before.doc.date})\nafter:  ${after.doc.commit} (${after.doc.date})\n`);
  const names = [...after.byName.keys()].filter((n) => before.byName.has(n));
  if (names.length === 0) {
    console.log("no result names in common");
    return 1;
  }
  const width = Math.max(...names.map((n) => n.length));
  for (const name of names) {
    const b = before.byName.get(name);
    const a = after.byName.get(name);
    const rss =
      a.rssMB !== undefined && b.rssMB !== undefined ? `  RSS ${Math.round(b.rssMB)} → ${Math.round(a.rssMB)} MB` : "";
    console.log(
      `${name.padEnd(width)}  ${b.median.toFixed(3)} s → ${a.median.toFixed(3)} s  (${(a.median / b.median).toFixed(2)}x)${rss}`,
    );
  }
  return 0;
}

process.exit(main(process.argv.slice(2)));
