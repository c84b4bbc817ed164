#!/usr/bin/env node
// Where a no-change `autogen check` spends its time: builds the autogenerate bench's schema
// (plain DDL, N tables) on a fresh database, runs the bench's own autogen worker once under
// `node --cpu-prof`, and prints the worker's figures, the profile's self time by area (each
// package of ours, TypeORM, drivers, prettier, the rest of node_modules, GC, idle = waiting on
// the database), the top functions by self time and our functions by inclusive time, counting
// only the samples inside the worker's timed window. The .cpuprofile is kept for Chrome DevTools.
// With --runs N, the figures are the mean of N cold runs (one run's sampled figures move by a
// few ms per function); --interval sets the sampling interval (µs; V8's default is 1000).
//   node bench/profile-check.js sqlite|postgres|mysql [tables=1000] [top=25] [--runs N] [--interval US]
"use strict";
const { runScript } = require("./run-script");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { parseArgs } = require("node:util");
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

/**
 * Self time by area and by function, and our functions' inclusive time, averaged over `runs`
 * (each a profile and the timed window on its clock).
 */
function summarize(runs, top) {
  const areas = new Map();
  const fns = new Map();
  const inclusive = new Map();
  const add = (m, key, ms) => m.set(key, (m.get(key) || 0) + ms / runs.length);
  let total = 0;
  for (const { profile, window } of runs) {
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const self = new Map(profile.nodes.map((n) => [n.id, 0]));
    const samples = samplesIn(profile, window);
    for (const { id, ms } of samples) self.set(id, self.get(id) + ms);
    for (const [id, ms] of self) {
      const { callFrame } = byId.get(id);
      const name = callFrame.functionName || "(anonymous)";
      const a = ["(garbage collector)", "(idle)", "(program)", "(root)"].includes(name) ? name : area(callFrame.url);
      add(areas, a, ms);
      const key = `${name} ${callFrame.url ? `${path.relative(process.cwd(), callFrame.url.replace(/^file:\/\//, ""))}:${callFrame.lineNumber + 1}` : ""}`;
      add(fns, key, ms);
      total += ms / runs.length;
    }
    // Inclusive time: each sample counts once for every distinct function on its stack.
    const parent = new Map();
    for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
    for (const sample of samples) {
      const seen = new Set();
      for (let id = sample.id; id !== undefined; id = parent.get(id)) {
        const { callFrame } = byId.get(id);
        if (!callFrame.url.includes("/packages/") || callFrame.url.includes("node_modules")) continue;
        const key = `${callFrame.functionName || "(anonymous)"} ${area(callFrame.url)}`;
        if (seen.has(key)) continue;
        seen.add(key);
        add(inclusive, key, sample.ms);
      }
    }
  }
  const rows = (m, k) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, k)
      .map(([n, ms]) => `${ms.toFixed(1).padStart(7)} ms ${((100 * ms) / total).toFixed(1).padStart(5)}%  ${n}`);
  return [
    `profile total ${total.toFixed(0)} ms${runs.length > 1 ? ` (the mean of ${runs.length} runs)` : ""}`,
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

const USAGE =
  "usage: node bench/profile-check.js sqlite|postgres|mysql [tables=1000] [top=25] [--runs N] [--interval MICROSECONDS]";

async function main() {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: { runs: { type: "string", default: "1" }, interval: { type: "string" } },
    });
  } catch (err) {
    console.error(`${err.message}\n${USAGE}`);
    return 2;
  }
  const [dialect, n = "1000", top = "25"] = parsed.positionals;
  const runs = Number(parsed.values.runs);
  const interval = parsed.values.interval;
  if (!DIALECTS.has(dialect) || !(runs >= 1) || (interval !== undefined && !(Number(interval) > 0))) {
    console.error(USAGE);
    return 2;
  }
  await withBenchDatabase(dialect, Number(n), async (db) => {
    const job = JSON.stringify({ profile: require.resolve(`./profiles/${dialect}`), n: Number(n), url: db.url });
    const worker = path.join(__dirname, "workers", "autogen-check.js");
    const profiled = [];
    for (let i = 0; i < runs; i++) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "autogen-cpuprof-"));
      const flags = ["--cpu-prof", "--cpu-prof-dir", dir, ...(interval ? ["--cpu-prof-interval", interval] : [])];
      const { window, processSeconds, ...result } = runWorker(process.execPath, [...flags, worker, job]);
      console.log(`worker: ${JSON.stringify(result)}`);
      const file = path.join(
        dir,
        fs.readdirSync(dir).find((f) => f.endsWith(".cpuprofile")),
      );
      profiled.push({ profile: JSON.parse(fs.readFileSync(file, "utf8")), window, file });
    }
    console.log(`the timed check only (connect + command.check):\n${summarize(profiled, Number(top))}`);
    console.log(
      `\nprofiles: ${profiled.map((p) => p.file).join(" ")} (whole processes: each includes decorating the entities and loading modules before the timed check)`,
    );
  });
  return 0;
}

runScript(main, { stack: true });
