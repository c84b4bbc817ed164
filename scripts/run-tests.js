#!/usr/bin/env node
// Runs every compiled test file (packages/*/dist/test/**/*.test.js and test/dist/**/*.test.js)
// with node's built-in test runner. Arguments filter files by substring.
"use strict";
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
// Each folder of compiled tests, with the folder of their TypeScript sources.
const dirs = [
  ...fs.readdirSync(path.join(root, "packages")).map((p) => ({
    out: path.join(root, "packages", p, "dist", "test"),
    src: path.join(root, "packages", p, "test"),
  })),
  { out: path.join(root, "test", "dist"), src: path.join(root, "test") },
];
const files = [];
// A compiled test whose source was deleted or renamed stays in dist/ (tsc -b never removes
// outputs): it is left out, or it would run code that no longer exists.
const walk = (out, src) => {
  if (!fs.existsSync(out)) return;
  for (const e of fs.readdirSync(out, { withFileTypes: true })) {
    const p = path.join(out, e.name);
    if (e.isDirectory()) walk(p, path.join(src, e.name));
    else if (e.name.endsWith(".test.js")) {
      if (fs.existsSync(path.join(src, e.name.replace(/\.js$/, ".ts")))) files.push(p);
      else console.error(`skipping ${path.relative(root, p)}: its source is gone (a stale build output)`);
    }
  }
};
dirs.forEach((d) => walk(d.out, d.src));
const filters = process.argv.slice(2);
// Matched against the path inside the repository, so a checkout folder's own name never selects every file.
const selected = files
  .filter((f) => filters.length === 0 || filters.some((x) => path.relative(root, f).includes(x)))
  .sort();
if (selected.length === 0) {
  console.error("no test files found (did the build run?)");
  process.exit(1);
}
const r = spawnSync(process.execPath, ["--test", "--test-concurrency=2", "--test-reporter=spec", ...selected], {
  stdio: "inherit",
  cwd: root,
  // Every plain model a test builds is built both ways and must give the same schema
  // (packages/metadata/src/plain-metadata-build.ts); AUTOGEN_CHECK_PLAIN_BUILD=0 turns it off.
  env: { AUTOGEN_CHECK_PLAIN_BUILD: "1", ...process.env },
});
process.exit(r.status ?? 1);
