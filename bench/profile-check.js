#!/usr/bin/env node
// Where a no-change `autogen check` spends its time: builds the autogenerate bench's schema
// (plain DDL, N tables) on a fresh database, runs the bench's own autogen worker once under
// `node --cpu-prof`, and prints the worker's figures, the profile's self time by area (each
// package of ours, TypeORM, drivers, prettier, the rest of node_modules, GC, idle = waiting on
// the database), the top functions by self time and our functions by inclusive time, counting
// only the samples inside the worker's timed window. The .cpuprofile is kept for Chrome DevTools.
//   node bench/profile-check.js sqlite|postgres|mysql [tables=1000] [top=25]
"use strict";
const { runScript } = require("./run-script");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { runWorker, withBenchDatabase } = require("./autogenerate-bench");

const DIALECTS = new Set(["sqlite", "postgres", "mysql"]);

/** The area a profile node's script belongs to. */
function area(url) {
  if (!url) return "(native/runtime)";
  const ours = /packages\/([^/]+)\//.exec(url);
  if (ours && !url.includes("node_modules")) return `@autogen/${ours[1]}`;
  // The innermost package: a dependency's own node_modules names the one that runs.
  const dep = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url.slice(url.lastIndexOf("node_modules/")));
  if (dep) return dep[1];
  if (url.startsWith("node:")) return "node internals";
  return path.basename(url);
}

/**
 * The profile's samples, each with its time in ms, keeping those inside `window` ([start, end]
 * on the monotonic clock in µs, as the profile's own timestamps count it) when it is given.
 */
function samplesIn(profile, window) {
  const out = [];
  let at = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    at += profile.timeDeltas[i] || 0;
    const ms = (profile.timeDeltas[i + 1] || 0) / 1000;
    if (!window || (at >= window[0] && at <= window[1])) out.push({ id: profile.samples[i], ms });
  }
  return out;
}

function summarize(profile, top, window) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map(profile.nodes.map((n) => [n.id, 0]));
  const samples = samplesIn(profile, window);
  for (const { id, ms } of samples) self.set(id, self.get(id) + ms);
  const areas = new Map();
  const fns = new Map();
  let total = 0;
  for (const [id, ms] of self) {
    const { callFrame } = byId.get(id);
    const name = callFrame.functionName || "(anonymous)";
    const a = ["(garbage collector)", "(idle)", "(program)", "(root)"].includes(name) ? name : area(callFrame.url);
    areas.set(a, (areas.get(a) || 0) + ms);
    const key = `${name} ${callFrame.url ? `${path.relative(process.cwd(), callFrame.url.replace(/^file:\/\//, ""))}:${callFrame.lineNumber + 1}` : ""}`;
    fns.set(key, (fns.get(key) || 0) + ms);
    total += ms;
  }
  // Inclusive time: each sample counts once for every distinct function on its stack.
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
  const inclusive = new Map();
  for (const sample of samples) {
    const seen = new Set();
    for (let id = sample.id; id !== undefined; id = parent.get(id)) {
      const { callFrame } = byId.get(id);
      if (!callFrame.url.includes("/packages/") || callFrame.url.includes("node_modules")) continue;
      const key = `${callFrame.functionName || "(anonymous)"} ${area(callFrame.url)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) || 0) + sample.ms);
    }
  }
  const rows = (m, k) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, k)
      .map(([n, ms]) => `${ms.toFixed(0).padStart(7)} ms ${((100 * ms) / total).toFixed(1).padStart(5)}%  ${n}`);
  return [
    `profile total ${total.toFixed(0)} ms`,
    "",
    "by area:",
    ...rows(areas, 20),
    "",
    "top functions (self time):",
    ...rows(fns, top),
    "",
    "our functions by inclusive time:",
    ...rows(inclusive, top),
  ].join("\n");
}

async function main() {
  const [dialect, n = "1000", top = "25"] = process.argv.slice(2);
  if (!DIALECTS.has(dialect)) {
    console.error("usage: node bench/profile-check.js sqlite|postgres|mysql [tables] [top]");
    return 2;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "autogen-cpuprof-"));
  await withBenchDatabase(dialect, Number(n), async (db) => {
    const job = JSON.stringify({ profile: require.resolve(`./profiles/${dialect}`), n: Number(n), url: db.url });
    const worker = path.join(__dirname, "workers", "autogen-check.js");
    const { window, processSeconds, ...result } = runWorker(process.execPath, [
      "--cpu-prof",
      "--cpu-prof-dir",
      dir,
      worker,
      job,
    ]);
    console.log(`worker: ${JSON.stringify(result)}`);
    const file = fs.readdirSync(dir).find((f) => f.endsWith(".cpuprofile"));
    const profile = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8"));
    console.log(`the timed check only (connect + command.check):\n${summarize(profile, Number(top), window)}`);
    console.log(
      `\nprofile: ${path.join(dir, file)} (the whole process: it includes decorating the entities and loading modules before the timed check)`,
    );
  });
  return 0;
}

runScript(main, { stack: true });
