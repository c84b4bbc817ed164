// The mechanism shared by the per-dialect autogenerate benchmarks: a synthetic model of N
// tables (10 columns of mixed types, 2 indexes, a unique, a foreign key to the table before),
// loaded into a fresh database by autogen itself (not timed); then, in the same run and on the
// same database, the no-change autogenerate of each tool timed two ways:
//   - like for like, the model already built: autogen's reflection + compare; TypeORM 1.x
//     `driver.createSchemaBuilder().log()` on an initialized DataSource; Alembic's
//     `compare_metadata` (compare_type and compare_server_default on) on a built MetaData. The
//     goal (at least 10x faster than each other tool) is judged on these.
//   - from the entities: a whole autogen `command.check` (entity metadata built, reflection,
//     compare, version table); TypeORM's metadata build (`buildMetadatas()`) + log(); the
//     SQLAlchemy MetaData built + compare_metadata.
// Alembic runs if a python3 with alembic, sqlalchemy and the dialect's driver is installed.
// The database was created from the very same model, so every diff any tool reports is a
// phantom. A dialect profile (postgres-autogenerate.bench.js, mysql-autogenerate.bench.js)
// supplies only the data: column types, the TypeORM DataSource type, the SQLAlchemy columns.
// Env: AUTOGEN_BENCH_RUNS (default 3), AUTOGEN_BENCH_PYTHON (the python3 to use), and the
// profile's sizes variable (default "100,500,1000").
"use strict";
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { spawnSync } = require("node:child_process");
const { performance } = require("node:perf_hooks");

const RUNS = Number(process.env.AUTOGEN_BENCH_RUNS || 3);
const GOAL_RATIO = 10;

const tableName = (i) => `t_${String(i).padStart(4, "0")}`;

/** The model as plain data, turned into TypeORM EntitySchemas and into SQLAlchemy tables. */
function syntheticModel(n) {
  return Array.from({ length: n }, (_, i) => ({ name: tableName(i), parent: i === 0 ? null : tableName(i - 1) }));
}

function typeormEntities(EntitySchema, model, profile) {
  return model.map(
    (t) =>
      new EntitySchema({
        name: t.name,
        columns: profile.columns,
        relations: t.parent
          ? { parent: { type: "many-to-one", target: t.parent, nullable: true, onDelete: "SET NULL" } }
          : {},
        indices: [
          { name: `idx_${t.name}_title`, columns: ["title"] },
          { name: `idx_${t.name}_qty_created`, columns: ["qty", "created"] },
        ],
      }),
  );
}

/** The same model for SQLAlchemy; the profile supplies the dialect imports and column list. */
const alembicScript = (profile) => String.raw`
import json, sys, threading, time
from sqlalchemy import (MetaData, Table, Column, Integer, String, Numeric, Boolean, Text, JSON, ForeignKey,
                        Index, UniqueConstraint, create_engine, event, text)
${profile.alembic.imports}
from alembic.migration import MigrationContext
from alembic.autogenerate import compare_metadata

url, model, runs = sys.argv[1], json.loads(sys.argv[2]), int(sys.argv[3])
def build_metadata():
    md = MetaData()
    for t in model:
        cols = [
${profile.alembic.columns.map((c) => `            ${c},`).join("\n")}
        ]
        extra = [UniqueConstraint("code"), Index("idx_%s_title" % t["name"], "title"), Index("idx_%s_qty_created" % t["name"], "qty", "created")]
        if t["parent"]:
            cols.append(Column("parentId", Integer, ForeignKey("%s.id" % t["parent"], ondelete="SET NULL"), nullable=True))
        Table(t["name"], md, *cols, *extra)
    return md

engine = create_engine(url)
statements = [0]
@event.listens_for(engine, "before_cursor_execute")
def count(conn, cursor, statement, parameters, context, executemany):
    statements[0] += 1

# Only the model's tables: the version tables of the other tools are not part of the comparison.
names = {t["name"] for t in model}
def include_object(obj, name, type_, reflected, compare_to):
    return type_ != "table" or name in names

times, model_times, diffs = [], [], []
def measure():
    global diffs
    for _ in range(runs):
        start = time.perf_counter()
        md = build_metadata()
        model_times.append(time.perf_counter() - start)
        statements[0] = 0
        start = time.perf_counter()
        with engine.connect() as conn:
            mc = MigrationContext.configure(conn, opts={"compare_type": True, "compare_server_default": True, "include_object": include_object})
            diffs = compare_metadata(mc, md)
        times.append(time.perf_counter() - start)

# SQLAlchemy reflects a referenced table from inside its referrer's reflection, so a chain of
# 1,000 foreign keys recurses 1,000 tables deep: a bigger stack and recursion limit.
sys.setrecursionlimit(100000)
threading.stack_size(512 * 1024 * 1024)
worker = threading.Thread(target=measure)
worker.start()
worker.join()
flat = [d for entry in diffs for d in (entry if isinstance(entry, list) else [entry])]
print(json.dumps({"times": times, "model_times": model_times, "statements": statements[0], "diffs": len(flat), "sample": [repr(d)[:160] for d in flat[:3]]}))
`;

/** A python3 that can import alembic, sqlalchemy and the driver (PATH's may be a pyenv without Debian's packages). */
function findAlembicPython(profile) {
  const candidates = [process.env.AUTOGEN_BENCH_PYTHON, "python3", "/usr/bin/python3"].filter(Boolean);
  const probe = `import alembic, sqlalchemy, ${profile.alembic.driverModule}`;
  return candidates.find((py) => spawnSync(py, ["-c", probe], { stdio: "ignore" }).status === 0);
}

/** An autogen Connection that counts the statements sent through it. */
function counting(conn) {
  const wrapped = {
    count: 0,
    dialect: conn.dialect,
    query: (sql, params) => {
      wrapped.count++;
      return conn.query(sql, params);
    },
    serverVersion: () => conn.serverVersion(),
    close: async () => undefined,
  };
  return wrapped;
}

/** A TypeORM logger that counts the queries TypeORM sends. */
class CountingLogger {
  constructor() {
    this.count = 0;
  }
  logQuery() {
    this.count++;
  }
  logQueryError() {}
  logQuerySlow() {}
  logSchemaBuild() {}
  logMigration() {}
  log() {}
}

async function timed(fn) {
  const start = performance.now();
  const value = await fn();
  return { seconds: (performance.now() - start) / 1000, value };
}

/** Ops in a tree, containers flattened: each is a phantom diff here. */
function countOps(ops) {
  return ops.reduce((n, op) => n + (Array.isArray(op.ops) ? countOps(op.ops) : 1), 0);
}

/** Runs `measure` RUNS times on a counting connection; returns the times and the last run's figures. */
async function repeated(conn, measure) {
  const runs = [];
  let last = { statements: 0, phantoms: 0 };
  for (let i = 0; i < RUNS; i++) {
    const counted = counting(conn);
    const { seconds, value } = await timed(() => measure(counted));
    runs.push(seconds);
    last = { statements: counted.count, phantoms: countOps(value) };
  }
  return { runs, ...last };
}

async function benchSize(profile, n, python) {
  const { command, defineConfig } = require("autogen");
  const { freshDatabase, getDialect } = require("@autogen/dialects");
  const { schemaFromTypeORM } = require("@autogen/metadata");
  const { createIntrospector } = require("@autogen/reflection");
  const { compareSchemas } = require("@autogen/compare");
  const { DataSource, EntitySchema } = require("typeorm");
  const model = syntheticModel(n);
  const db = await freshDatabase(profile.dialect);
  const scriptLocation = fs.mkdtempSync(path.join(os.tmpdir(), `autogen-bench-${profile.dialect}-`));
  fs.mkdirSync(path.join(scriptLocation, "versions"));
  const results = [];
  try {
    // Load (not timed): autogen creates the schema from the model, `loadChunk` tables per revision.
    const entities = typeormEntities(EntitySchema, model, profile);
    const configFor = (list) =>
      defineConfig({ scriptLocation, url: db.url, entities: list, postWriteHooks: [], transactionPerMigration: true });
    const chunk = profile.loadChunk ?? n;
    for (let end = Math.min(chunk, n); ; end = Math.min(end + chunk, n)) {
      if (!(await command.revision(configFor(entities.slice(0, end)), { message: `load ${end}`, autogenerate: true })))
        throw new Error("no load revision written");
      await command.upgrade(configFor(entities.slice(0, end)), "head");
      if (end === n) break;
    }
    const config = configFor(entities);
    const ours = `autogen ${n} tables`;

    const conn = await db.connect();
    try {
      const dialect = getDialect(profile.dialect);
      const target = await schemaFromTypeORM({ entities }, dialect, { serverVersion: await conn.serverVersion() });
      const diff = await repeated(
        conn,
        async (c) =>
          compareSchemas(target, await createIntrospector(c, dialect).reflect(), { dialect: profile.dialect }).ops,
      );
      results.push({
        name: `${ours}, model prebuilt`,
        measure: "prebuilt",
        runs: diff.runs,
        note: `reflect + compare: ${diff.statements} statements, ${diff.phantoms} phantom diffs`,
      });
      const whole = await repeated(
        conn,
        async (c) => (await command.check(config, { connection: c })).ops.upgradeOps.ops,
      );
      results.push({
        name: `${ours}, from entities`,
        measure: "whole",
        runs: whole.runs,
        note: `command.check: ${whole.statements} statements, ${whole.phantoms} phantom diffs`,
      });
    } finally {
      await conn.close();
    }

    // TypeORM 1.x: a real DataSource on the same database with the same EntitySchemas.
    const logger = new CountingLogger();
    const ds = new DataSource({
      type: profile.typeormType,
      url: profile.typeormUrl(db.url),
      entities: typeormEntities(EntitySchema, model, profile),
      logging: true,
      logger,
    });
    await ds.initialize();
    const typeormRuns = [];
    const typeormBuilds = [];
    let typeorm = { statements: 0, phantoms: 0, sample: [] };
    try {
      for (let i = 0; i < RUNS; i++) {
        // The metadata build initialize() did, again (its protected method), timed on its own.
        typeormBuilds.push((await timed(() => ds.buildMetadatas())).seconds);
        logger.count = 0;
        const { seconds, value } = await timed(() => ds.driver.createSchemaBuilder().log());
        typeormRuns.push(seconds);
        typeorm = {
          statements: logger.count,
          phantoms: value.upQueries.length,
          sample: value.upQueries.slice(0, 3).map((q) => q.query.slice(0, 100)),
        };
      }
    } finally {
      await ds.destroy();
    }
    const typeormNote = `${typeorm.statements} statements, ${typeorm.phantoms} phantom diffs (upQueries)${typeorm.sample.length ? ` (e.g. ${typeorm.sample.join(" | ")})` : ""}`;
    results.push({
      name: `TypeORM log() ${n} tables`,
      measure: "prebuilt",
      runs: typeormRuns,
      compareTo: `${ours}, model prebuilt`,
      note: typeormNote,
    });
    results.push({
      name: `TypeORM buildMetadatas() + log() ${n} tables`,
      measure: "whole",
      runs: typeormRuns.map((t, i) => t + typeormBuilds[i]),
      compareTo: `${ours}, from entities`,
      note: "the metadata build and log() of the same run, added",
    });

    if (python) {
      const r = spawnSync(
        python,
        ["-c", alembicScript(profile), profile.alembic.url(db.url), JSON.stringify(model), String(RUNS)],
        {
          encoding: "utf8",
          maxBuffer: 64 * 1024 * 1024,
        },
      );
      if (r.status !== 0)
        throw new Error(`alembic compare_metadata failed: ${(r.stderr || "").trim().split("\n").pop()}`);
      const out = JSON.parse(r.stdout.trim().split("\n").pop());
      results.push({
        name: `Alembic compare_metadata ${n} tables`,
        measure: "prebuilt",
        runs: out.times,
        compareTo: `${ours}, model prebuilt`,
        note: `${out.statements} statements, ${out.diffs} phantom diffs${out.diffs ? ` (e.g. ${out.sample[0]})` : ""}`,
      });
      results.push({
        name: `Alembic MetaData + compare_metadata ${n} tables`,
        measure: "whole",
        runs: out.times.map((t, i) => t + out.model_times[i]),
        compareTo: `${ours}, from entities`,
        note: "the SQLAlchemy model built and compared in the same run, added",
      });
    }
    return results;
  } finally {
    fs.rmSync(scriptLocation, { recursive: true, force: true });
    await db.drop();
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** The bench module (`{ title, run }`, see run.js) for one dialect profile. */
function autogenerateBench(profile) {
  return {
    title: `autogenerate on ${profile.label} (no change) vs TypeORM log() and Alembic compare_metadata`,
    async run() {
      require("reflect-metadata");
      const sizes = (process.env[profile.sizesEnv] || "100,500,1000").split(",").map(Number);
      const python = findAlembicPython(profile);
      if (!python) console.log(`Alembic: not installed (${profile.alembic.installHint}); only TypeORM is compared`);
      const all = [];
      for (const n of sizes) {
        const results = await benchSize(profile, n, python);
        all.push(...results);
        for (const measure of ["prebuilt", "whole"]) {
          const [ours, ...others] = results.filter((r) => r.measure === measure);
          const ratios = others.map(
            (r) =>
              `${(median(r.runs) / median(ours.runs)).toFixed(1)}x faster than ${r.name.replace(/ \d+ tables$/, "")}`,
          );
          ours.note += `; ${ratios.join(", ")}`;
          // The goal, like for like (every tool's model already built): at least 10x faster than each other tool.
          if (measure === "prebuilt") {
            ours.goal = Number((Math.min(...others.map((r) => median(r.runs))) / GOAL_RATIO).toFixed(4));
            ours.note += ` (goal >= ${GOAL_RATIO}x${n === 1000 ? ", at 1,000 tables" : ""})`;
          }
        }
      }
      return all;
    },
  };
}

module.exports = { autogenerateBench };
