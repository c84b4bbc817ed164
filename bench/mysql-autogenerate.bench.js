// Autogenerate on MariaDB/MySQL, no-change case, on synthetic schemas of 100, 500 and 1,000
// tables (each: 10 columns of mixed types, 2 indexes, a unique, a foreign key to the table
// before), loaded into a fresh database, against TypeORM 1.x's
// `driver.createSchemaBuilder().log()` (a real DataSource of type mariadb) and Alembic's
// `compare_metadata` (SQLAlchemy + PyMySQL) on equivalent models, in the same run and on the
// same database. For each tool it prints the wall time, the statements sent to the server and
// the phantom diffs it reports (the database was created from the very same model, so every
// diff is a phantom). Goal: at 1,000 tables, autogen at least 10x faster than both, with zero
// phantom diffs. A second autogen line times reflection + compare alone, with the model built
// before the clock starts, which is how the other two tools are timed.
//
// AUTOGEN_BENCH_MYSQL_SIZES (default "100,500,1000"), AUTOGEN_BENCH_RUNS (default 3),
// AUTOGEN_BENCH_PYTHON (a python3 that imports alembic, sqlalchemy and pymysql),
// AUTOGEN_TEST_MYSQL_URL (the server; default mysql://root@127.0.0.1:3306/test).
"use strict";
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { spawnSync } = require("node:child_process");
const { performance } = require("node:perf_hooks");

const SIZES = (process.env.AUTOGEN_BENCH_MYSQL_SIZES || "100,500,1000").split(",").map(Number);
const RUNS = Number(process.env.AUTOGEN_BENCH_RUNS || 3);
const GOAL_RATIO = 10;

const tableName = (i) => `t_${String(i).padStart(4, "0")}`;

/** The model as plain data, turned into TypeORM EntitySchemas and into SQLAlchemy tables below. */
function syntheticModel(n) {
  return Array.from({ length: n }, (_, i) => ({ name: tableName(i), parent: i === 0 ? null : tableName(i - 1) }));
}

function typeormEntities(EntitySchema, model) {
  return model.map(
    (t) =>
      new EntitySchema({
        name: t.name,
        columns: {
          id: { type: Number, primary: true, generated: "increment" },
          title: { type: "varchar", length: 100 },
          qty: { type: "int", default: 0 },
          price: { type: "decimal", precision: 10, scale: 2, nullable: true },
          active: { type: "boolean", default: true },
          created: { type: "datetime", precision: 6, default: () => "CURRENT_TIMESTAMP(6)" },
          data: { type: "json", nullable: true },
          code: { type: "varchar", length: 20, unique: true },
          notes: { type: "text", nullable: true },
        },
        relations: t.parent ? { parent: { type: "many-to-one", target: t.parent, nullable: true, onDelete: "SET NULL" } } : {},
        indices: [
          { name: `idx_${t.name}_title`, columns: ["title"] },
          { name: `idx_${t.name}_qty_created`, columns: ["qty", "created"] },
        ],
      }),
  );
}

/** The same model for SQLAlchemy; Alembic compares it with compare_type and compare_server_default on, as autogen does. */
const ALEMBIC_SCRIPT = String.raw`
import json, sys, threading, time
from sqlalchemy import (MetaData, Table, Column, Integer, String, Numeric, Boolean, Text, JSON, ForeignKey,
                        Index, UniqueConstraint, create_engine, event, text)
from sqlalchemy.dialects.mysql import DATETIME
from alembic.migration import MigrationContext
from alembic.autogenerate import compare_metadata

url, model, runs = sys.argv[1], json.loads(sys.argv[2]), int(sys.argv[3])
md = MetaData()
for t in model:
    cols = [
        Column("id", Integer, primary_key=True, autoincrement=True),
        Column("title", String(100), nullable=False),
        Column("qty", Integer, nullable=False, server_default=text("0")),
        Column("price", Numeric(10, 2), nullable=True),
        Column("active", Boolean(create_constraint=False), nullable=False, server_default=text("1")),
        Column("created", DATETIME(fsp=6), nullable=False, server_default=text("CURRENT_TIMESTAMP(6)")),
        Column("data", JSON, nullable=True),
        Column("code", String(20), nullable=False),
        Column("notes", Text, nullable=True),
    ]
    extra = [UniqueConstraint("code"), Index("idx_%s_title" % t["name"], "title"), Index("idx_%s_qty_created" % t["name"], "qty", "created")]
    if t["parent"]:
        cols.append(Column("parentId", Integer, ForeignKey("%s.id" % t["parent"], ondelete="SET NULL"), nullable=True))
    Table(t["name"], md, *cols, *extra)

engine = create_engine(url)
statements = [0]
@event.listens_for(engine, "before_cursor_execute")
def count(conn, cursor, statement, parameters, context, executemany):
    statements[0] += 1

# Only the model's tables: the version tables of the other tools are not part of the comparison.
names = {t["name"] for t in model}
def include_object(obj, name, type_, reflected, compare_to):
    return type_ != "table" or name in names

times, diffs = [], []
def measure():
    global diffs
    for _ in range(runs):
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
print(json.dumps({"times": times, "statements": statements[0], "diffs": len(flat), "sample": [repr(d)[:160] for d in flat[:3]]}))
`;

/** A python3 that can import alembic, sqlalchemy and pymysql (PATH's may be a pyenv without Debian's packages). */
function findAlembicPython() {
  const candidates = [process.env.AUTOGEN_BENCH_PYTHON, "python3", "/usr/bin/python3"].filter(Boolean);
  return candidates.find((py) => spawnSync(py, ["-c", "import alembic, sqlalchemy, pymysql"], { stdio: "ignore" }).status === 0);
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

/** Reflection + compare against a target schema built before timing. */
async function diffOnly(db, entities, autogenName) {
  const { getDialect } = require("@autogen/dialects");
  const { schemaFromTypeORM } = require("@autogen/metadata");
  const { createIntrospector } = require("@autogen/reflection");
  const { compareSchemas } = require("@autogen/compare");
  const dialect = getDialect("mysql");
  const conn = await db.connect();
  try {
    const target = await schemaFromTypeORM({ entities }, dialect, { serverVersion: await conn.serverVersion() });
    const runs = [];
    let ops = 0;
    let statements = 0;
    for (let i = 0; i < RUNS; i++) {
      const counted = counting(conn);
      const { seconds, value } = await timed(async () => {
        const reflected = await createIntrospector(counted, dialect).reflect({ exclude: ["autogen_version"] });
        return compareSchemas(target, reflected, { dialect: "mysql" });
      });
      runs.push(seconds);
      ops = countOps(value.ops);
      statements = counted.count;
    }
    return { name: `${autogenName}, model prebuilt`, runs, compareTo: autogenName, note: `reflect + compare only: ${statements} statements, ${ops} phantom diffs` };
  } finally {
    await conn.close();
  }
}

async function benchSize(n, python) {
  const { command, defineConfig } = require("autogen");
  const { freshDatabase } = require("@autogen/dialects");
  const { DataSource, EntitySchema } = require("typeorm");
  const model = syntheticModel(n);
  const db = await freshDatabase("mysql");
  const scriptLocation = fs.mkdtempSync(path.join(os.tmpdir(), "autogen-bench-mysql-"));
  fs.mkdirSync(path.join(scriptLocation, "versions"));
  const results = [];
  try {
    // Load: the schema is created by autogen itself from the model (not timed).
    const config = defineConfig({ scriptLocation, url: db.url, entities: typeormEntities(EntitySchema, model), postWriteHooks: [] });
    if (!(await command.revision(config, { message: "load", autogenerate: true }))) throw new Error("no load revision written");
    await command.upgrade(config, "head");

    const conn = await db.connect();
    const autogenRuns = [];
    let statements = 0;
    let phantoms = 0;
    try {
      for (let i = 0; i < RUNS; i++) {
        const counted = counting(conn);
        const { seconds, value } = await timed(() => command.check(config, { connection: counted }));
        autogenRuns.push(seconds);
        statements = counted.count;
        phantoms = countOps(value.ops.upgradeOps.ops);
      }
    } finally {
      await conn.close();
    }
    const autogenName = `autogen ${n} tables`;
    results.push({ name: autogenName, runs: autogenRuns, note: `${statements} statements, ${phantoms} phantom diffs` });
    // The same diff with the model already built, as TypeORM's and Alembic's figures are timed
    // (their metadata exists before the clock starts): reflection and compare alone.
    results.push(await diffOnly(db, typeormEntities(EntitySchema, model), autogenName));

    // TypeORM 1.x: a real DataSource of type mariadb on the same database with the same EntitySchemas.
    const logger = new CountingLogger();
    const ds = new DataSource({ type: "mariadb", url: db.url.replace(/^mysql:/, "mariadb:"), entities: typeormEntities(EntitySchema, model), logging: true, logger });
    await ds.initialize();
    const typeormRuns = [];
    let typeormStatements = 0;
    let typeormPhantoms = 0;
    let typeormSample = "";
    try {
      for (let i = 0; i < RUNS; i++) {
        logger.count = 0;
        const { seconds, value } = await timed(() => ds.driver.createSchemaBuilder().log());
        typeormRuns.push(seconds);
        typeormStatements = logger.count;
        typeormPhantoms = value.upQueries.length;
        typeormSample = value.upQueries[0]?.query?.slice(0, 120) ?? "";
      }
    } finally {
      await ds.destroy();
    }
    results.push({
      name: `TypeORM log() ${n} tables`,
      runs: typeormRuns,
      compareTo: autogenName,
      note: `${typeormStatements} statements, ${typeormPhantoms} phantom diffs (upQueries)${typeormSample ? ` (e.g. ${typeormSample})` : ""}`,
    });

    if (python) {
      const r = spawnSync(python, ["-c", ALEMBIC_SCRIPT, db.url.replace(/^mysql:/, "mysql+pymysql:"), JSON.stringify(model), String(RUNS)], {
        encoding: "utf8",
        maxBuffer: 64 * 1024 * 1024,
      });
      if (r.status !== 0) throw new Error(`alembic compare_metadata failed: ${(r.stderr || "").trim().split("\n").pop()}`);
      const out = JSON.parse(r.stdout.trim().split("\n").pop());
      results.push({
        name: `Alembic compare_metadata ${n} tables`,
        runs: out.times,
        compareTo: autogenName,
        note: `${out.statements} statements, ${out.diffs} phantom diffs${out.diffs ? ` (e.g. ${out.sample[0]})` : ""}`,
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

module.exports = {
  title: "autogenerate on MariaDB/MySQL (no change) vs TypeORM log() and Alembic compare_metadata",
  async run() {
    require("reflect-metadata");
    const python = findAlembicPython();
    if (!python) console.log("Alembic: not installed (apt-get install python3-alembic python3-sqlalchemy python3-pymysql); only TypeORM is compared");
    const all = [];
    for (const n of SIZES) {
      const results = await benchSize(n, python);
      all.push(...results);
      // The goal, printed: autogen at least 10x faster than each tool measured at this size.
      const [ours, prebuilt, ...others] = results;
      const fastestOther = Math.min(...others.map((r) => median(r.runs)));
      ours.goal = Number((fastestOther / GOAL_RATIO).toFixed(4));
      const ratios = others.map((r) => `${(median(r.runs) / median(ours.runs)).toFixed(1)}x faster than ${r.name.replace(/ \d+ tables$/, "")}`);
      ours.note += `; ${ratios.join(", ")} (goal >= ${GOAL_RATIO}x${n === 1000 ? ", at 1,000 tables" : ""})`;
      prebuilt.note += `; ${others.map((r) => `${(median(r.runs) / median(prebuilt.runs)).toFixed(1)}x faster than ${r.name.replace(/ \d+ tables$/, "")}`).join(", ")}`;
    }
    return all;
  },
};
