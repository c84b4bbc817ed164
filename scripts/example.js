#!/usr/bin/env node
// The README's example: autogenerate a first revision from the entities in examples/basic,
// apply it to an embedded SQLite database, and show the result. Starts from a clean state
// each time (removes examples/basic/app.db and its generated revisions).
"use strict";
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");

const dir = path.resolve(__dirname, "..", "examples", "basic");
const bin = path.resolve(__dirname, "..", "packages", "cli", "bin", "autogen.js");
fs.rmSync(path.join(dir, "app.db"), { force: true });
const versions = path.join(dir, "migrations", "versions");
for (const f of fs.readdirSync(versions)) if (f.endsWith(".ts")) fs.rmSync(path.join(versions, f));

const run = (...args) => {
  console.log(`\n$ autogen ${args.join(" ")}`);
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: dir, stdio: "inherit" });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
run("revision", "--autogenerate", "-m", "create account and transfer tables");
for (const f of fs.readdirSync(versions).filter((f) => f.endsWith(".ts"))) {
  console.log(`\n--- migrations/versions/${f} ---\n${fs.readFileSync(path.join(versions, f), "utf8")}`);
}
run("upgrade", "head");
run("current");
run("history");
run("check");
