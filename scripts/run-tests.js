#!/usr/bin/env node
// Runs every compiled test file (packages/*/dist/test/**/*.test.js and test/dist/**/*.test.js)
// with node's built-in test runner. Arguments filter files by substring.
"use strict";
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
const dirs = [
  ...fs.readdirSync(path.join(root, "packages")).map((p) => path.join(root, "packages", p, "dist", "test")),
  path.join(root, "test", "dist"),
];
const files = [];
const walk = (d) => {
  if (!fs.existsSync(d)) return;
  for (const e of fs.readdirSync(d, { withFileTypes: true })) {
    const p = path.join(d, e.name);
    if (e.isDirectory()) walk(p);
    else if (e.name.endsWith(".test.js")) files.push(p);
  }
};
dirs.forEach(walk);
const filters = process.argv.slice(2);
const selected = files.filter((f) => filters.length === 0 || filters.some((x) => f.includes(x))).sort();
if (selected.length === 0) {
  console.error("no test files found (did the build run?)");
  process.exit(1);
}
const r = spawnSync(process.execPath, ["--test", "--test-concurrency=2", "--test-reporter=spec", ...selected], {
  stdio: "inherit",
  cwd: root,
});
process.exit(r.status ?? 1);
