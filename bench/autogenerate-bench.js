// The mechanism shared by the per-dialect autogenerate benchmarks (each *-autogenerate.bench.js
// names only its profile in profiles/). On one database, grown size by size (1,000, 2,000 and
// 10,000 tables by default) with the profile's plain DDL (synthetic-model.js; loading is
// not timed), each tool's no-change autogenerate from the same decorated entities, every run a
// cold process of its own (workers/), the tools' runs interleaved (see measureInterleaved):
//   - autogen: connect + `command.check` (entity metadata, reflection, compare, version table);
//   - TypeORM: `DataSource.initialize()` (metadata build + connect) + the schema builder's log();
//   - Alembic: the SQLAlchemy MetaData built + `compare_metadata` (compare_type and
//     compare_server_default on), if a python3 with alembic and the driver is installed.
// No timer covers module loading: each tool's library and database driver are loaded before its
// timer starts (TypeORM's worker requires typeorm, whose DataSource constructor loads the driver;
// Alembic's imports compare_metadata, and create_engine loads the driver; autogen's worker
// requires the profile's autogen.driverModule and the autogenerate pipeline, which the CLI loads
// only when a command needs it: workers/worker-support.js).
// The anchors run up to AUTOGEN_BENCH_ANCHOR_MAX tables (default 2,000: above that they take
// minutes). Printed per size: medians, peak RSS, statements sent, phantom ops (the database
// holds the model, so every op is one), autogen's ratio to each anchor (goal: at least 10x the
// faster one) and its time ratio per doubling of the model (goal: at most 2.2x).
// Env: AUTOGEN_BENCH_RUNS (default 5), AUTOGEN_BENCH_LARGE_RUNS (runs of the sizes above
// AUTOGEN_BENCH_ANCHOR_MAX, autogen alone: default 3, a few seconds each),
// AUTOGEN_BENCH_SIZES or the profile's own sizes variable (e.g. AUTOGEN_BENCH_PG_SIZES=1000,2000),
// AUTOGEN_BENCH_ANCHOR_MAX, AUTOGEN_BENCH_PYTHON, AUTOGEN_BENCH_SLOW_SECONDS (a run slower than
// this is not repeated; default 30).
"use strict";
const path = require("node:path");
const { spawnSync } = require("node:child_process");
const { performance } = require("node:perf_hooks");
const { median } = require("./report");
const { ddlStatements, syntheticModel } = require("./synthetic-model");

// Five: one run of a few tenths of a second moves by a third with the load of the moment.
const RUNS = Number(process.env.AUTOGEN_BENCH_RUNS || 5);
// Three: one run at 10,000 tables is one sample of a machine whose speed drifts (4.65 s on
// PostgreSQL in one bench, 2.83-3.39 s in six runs of bench/interleave.js right after).
const LARGE_RUNS = Number(process.env.AUTOGEN_BENCH_LARGE_RUNS || 3);
// A run slower than this is not repeated: one run of minutes is already a steady figure, and
// repeating TypeORM's log() on MariaDB at 2,000 tables (minutes per run) made the bench take an hour.
const SLOW_SECONDS = Number(process.env.AUTOGEN_BENCH_SLOW_SECONDS || 30);
const ANCHOR_MAX = Number(process.env.AUTOGEN_BENCH_ANCHOR_MAX || 2000);
const DEFAULT_SIZES = "1000,2000,10000";
const GOAL_RATIO = 10;
const LINEAR_GOAL = 2.2;
const WORKERS = path.join(__dirname, "workers");

/** A python3 that can import alembic, sqlalchemy and the driver (PATH's may be a pyenv without Debian's packages). */
function findAlembicPython(profile) {
  const candidates = [process.env.AUTOGEN_BENCH_PYTHON, "python3", "/usr/bin/python3"].filter(Boolean);
  const probe = `import alembic, sqlalchemy, ${profile.alembic.driverModule}`;
  return candidates.find((py) => spawnSync(py, ["-c", probe], { stdio: "ignore" }).status === 0);
}

const progress = (line) => process.stderr.write(`  ${line}\n`);

/**
 * Runs one worker process and returns its result line, with the whole process's wall time.
 * @throws Error naming the worker, with the end of its stderr, when it fails
 */
function runWorker(command, args) {
  const start = performance.now();
  const r = spawnSync(command, args, { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  const processSeconds = (performance.now() - start) / 1000;
  if (r.status !== 0) {
    const tail = (r.stderr || r.error?.message || "").trim().split("\n").slice(-3).join(" | ");
    const worker = args.find((a) => a.endsWith(".js")) ?? command;
    throw new Error(`${path.basename(worker)} failed (exit ${r.status}): ${tail}`);
  }
  return { ...JSON.parse(r.stdout.trim().split("\n").pop()), processSeconds };
}

/**
 * Cold runs of several workers, interleaved: round after round, one run of each (A, B, C, A, B,
 * C...), so that a machine whose speed drifts moves every tool's figures alike and the ratios
 * between them stay fair. `count` rounds; a worker whose run took over SLOW_SECONDS is not run
 * again. Returns, per worker, the figures of each run and the last run's counts.
 */
function measureInterleaved(workers, count = RUNS) {
  const all = workers.map(() => []);
  for (let i = 0; i < count; i++) {
    workers.forEach((w, k) => {
      const runs = all[k];
      if (runs.length > 0 && runs.at(-1).processSeconds > SLOW_SECONDS) return;
      progress(`${w.label}: run ${i + 1}/${count}`);
      runs.push(runWorker(w.command, w.args));
      if (runs.at(-1).processSeconds > SLOW_SECONDS && i + 1 < count) {
        progress(`${w.label}: ${seconds(runs.at(-1).processSeconds)}, over ${SLOW_SECONDS} s: not repeated`);
      }
    });
  }
  return all.map(summary);
}

/** The figures of one worker's runs, and the last run's counts. */
function summary(runs) {
  const last = runs.at(-1);
  return {
    runs: runs.map((r) => r.seconds),
    prebuiltRuns: runs.map((r) => r.prebuiltSeconds).filter((s) => s !== undefined),
    processSeconds: median(runs.map((r) => r.processSeconds)),
    rssMB: Math.max(...runs.map((r) => r.rssMB)),
    statements: last.statements,
    ...(last.catalogQueries !== undefined && { catalogQueries: last.catalogQueries }),
    phantoms: last.phantoms,
    sample: last.sample,
  };
}

/** Adds `tables` (in creation order) to the database with the profile's plain DDL. */
async function loadTables(db, typeorm, profile, tables) {
  const statements = ddlStatements(typeorm, profile, tables);
  const conn = await db.connect();
  try {
    // PostgreSQL and SQLite: batches of tables per transaction (much faster than one each);
    // MariaDB commits each DDL statement whatever we do.
    const batch = profile.loadBatch ? profile.loadBatch * (statements.length / tables.length) : 1;
    for (let i = 0; i < statements.length; i += batch) {
      if (batch > 1) await conn.query("BEGIN");
      for (const sql of statements.slice(i, i + batch)) await conn.query(sql);
      if (batch > 1) await conn.query("COMMIT");
    }
  } finally {
    await conn.close();
  }
}

/**
 * Runs `work(db)` on a fresh database of `dialect` holding the bench's first `n` tables (plain
 * DDL, synthetic-model.js), and drops the database afterwards (profile-check.js, interleave.js).
 */
async function withBenchDatabase(dialect, n, work) {
  require("reflect-metadata");
  const { freshDatabase } = require("@autogen/dialects/testing");
  const db = await freshDatabase(dialect);
  try {
    await loadTables(db, require("typeorm"), require(`./profiles/${dialect}`), syntheticModel(n));
    return await work(db);
  } finally {
    await db.drop();
  }
}

const seconds = (s) => `${s.toFixed(3)} s`;
const phantomNote = (m) =>
  `${m.catalogQueries !== undefined ? `${m.catalogQueries} catalog queries of ` : ""}${m.statements} statements sent, ${m.phantoms} phantom ops${m.phantoms ? ` (e.g. ${m.sample[0]})` : ""}`;

/** The bench module (`{ title, run }`, see run.js) for the profile at `profilePath`. */
function autogenerateBench(profilePath) {
  const profile = require(profilePath);
  return {
    title: `no-change autogenerate on ${profile.label}, from decorated entities, on a schema written as plain DDL: autogen check vs TypeORM log() and Alembic compare_metadata`,
    async run() {
      require("reflect-metadata");
      const typeorm = require("typeorm");
      const { freshDatabase } = require("@autogen/dialects/testing");
      const sizes = (process.env[profile.sizesEnv] || process.env.AUTOGEN_BENCH_SIZES || DEFAULT_SIZES)
        .split(",")
        .map(Number)
        .sort((a, b) => a - b);
      const model = syntheticModel(sizes.at(-1));
      const python = findAlembicPython(profile);
      if (!python) console.log(`Alembic: not installed (${profile.alembic.installHint}); only TypeORM is compared`);
      const db = await freshDatabase(profile.dialect);
      const results = [];
      try {
        let loaded = 0;
        let previous = null;
        for (const n of sizes) {
          const start = performance.now();
          await loadTables(db, typeorm, profile, model.slice(loaded, n));
          progress(
            `${profile.label}: ${n} tables loaded (+${n - loaded} in ${seconds((performance.now() - start) / 1000)})`,
          );
          loaded = n;
          const job = JSON.stringify({ profile: profilePath, n, url: db.url });
          const ourWorker = {
            label: `autogen ${n}`,
            command: process.execPath,
            args: [path.join(WORKERS, "autogen-check.js"), job],
          };
          // Each anchor with the worker that measures it.
          const anchorTools = [];
          if (n <= ANCHOR_MAX) {
            anchorTools.push({
              tool: "TypeORM",
              name: `TypeORM initialize() + log(), ${n} tables`,
              what: "log()",
              worker: {
                label: `TypeORM ${n}`,
                command: process.execPath,
                args: [path.join(WORKERS, "typeorm-log.js"), job],
              },
            });
            if (python) {
              const alembicJob = JSON.stringify({
                url: profile.alembic.url(db.url),
                model: model.slice(0, n),
                imports: profile.alembic.imports,
                columns: profile.columns.map((c) => `Column(${JSON.stringify(c.name)}, ${c.sqlalchemy})`),
              });
              anchorTools.push({
                tool: "Alembic",
                name: `Alembic MetaData + compare_metadata, ${n} tables`,
                what: "compare_metadata",
                worker: {
                  label: `Alembic ${n}`,
                  command: python,
                  args: [path.join(WORKERS, "alembic_compare.py"), alembicJob],
                },
              });
            }
          }
          const [ours, ...anchorRuns] = measureInterleaved(
            [ourWorker, ...anchorTools.map((a) => a.worker)],
            n <= ANCHOR_MAX ? RUNS : LARGE_RUNS,
          );
          const anchors = anchorTools.map(({ worker: _worker, ...a }, i) => ({ ...a, ...anchorRuns[i] }));
          const ourMedian = median(ours.runs);
          const notes = [`${phantomNote(ours)}, whole process ${seconds(ours.processSeconds)}`];
          const result = { name: `autogen check, ${n} tables`, tool: "autogen", size: n, ...ours };
          if (anchors.length > 0) {
            notes.push(
              anchors.map((a) => `${(median(a.runs) / ourMedian).toFixed(1)}x faster than ${a.tool}`).join(", "),
            );
            const faster = anchors.reduce((a, b) => (median(a.runs) <= median(b.runs) ? a : b));
            result.goal = Number((median(faster.runs) / GOAL_RATIO).toFixed(4));
            result.goalNote = `>= ${GOAL_RATIO}x faster than the faster anchor (${faster.tool})`;
          }
          if (previous) {
            const ratio = ourMedian / previous.median;
            const perDoubling = ratio ** (1 / Math.log2(n / previous.n));
            notes.push(
              `${ratio.toFixed(2)}x the ${previous.n}-table time, ${perDoubling.toFixed(2)}x per doubling (goal <= ${LINEAR_GOAL}x: ${perDoubling <= LINEAR_GOAL ? "met" : "MISSED"})`,
            );
          }
          result.note = notes.join("; ");
          results.push(result);
          for (const a of anchors) {
            const prebuilt = a.prebuiltRuns.length ? `${a.what} alone ${seconds(median(a.prebuiltRuns))}, ` : "";
            results.push({
              name: a.name,
              tool: a.tool,
              size: n,
              ...a,
              compareTo: result.name,
              note: `${prebuilt}${phantomNote(a)}, whole process ${seconds(a.processSeconds)}`,
            });
          }
          previous = { n, median: ourMedian };
        }
      } finally {
        await db.drop();
      }
      return results;
    },
  };
}

module.exports = { autogenerateBench, loadTables, runWorker, withBenchDatabase };
