// What the bench workers share: what autogen's workers load before their timers, a
// statement-counting connection, op counting, the result line.
"use strict";
const { setFlagsFromString } = require("node:v8");
const { runInNewContext } = require("node:vm");

/**
 * What an autogen check worker loads before its timer starts, as the anchors' workers load
 * theirs: the database driver (TypeORM's DataSource constructor and SQLAlchemy's create_engine
 * load theirs) and the autogenerate pipeline, which the CLI requires only when a command needs
 * it (packages/cli/src/lazy-modules.ts): TypeORM's worker has all of TypeORM loaded by
 * `require("typeorm")`, Alembic's imports compare_metadata. Returns the CLI's API.
 */
function loadAutogenForCheck(profile) {
  require(profile.autogen.driverModule);
  require("autogen/dist/src/autogenerate");
  return require("autogen");
}

/**
 * Collects, before a worker's timer starts, the garbage that loading modules and decorating the
 * entities left: otherwise V8 collects it at the first idle moment of the timed window (while
 * the first statement waits on the database), and the check is charged for setup work. Measured
 * on autogen's 1,000-table SQLite check: a scavenge and the end of an incremental mark ran
 * between the timer's start and the open connection, which took 28-46 ms, and 4-5 ms when the
 * process had had time to settle. Every Node worker calls it (TypeORM's too); the Alembic worker runs Python's
 * gc.collect() likewise.
 */
function settleHeap() {
  setFlagsFromString("--expose-gc");
  runInNewContext("gc")();
}

/** A statement that reads the database's catalog (as reflection does), by the catalog objects it names. */
const CATALOG = /\bpg_\w+|\binformation_schema\.|\bsqlite_(schema|master)\b|\bpragma_\w+/i;

/** An autogen Connection that counts the statements sent through it, and those that read the catalog. */
function countingConnection(conn) {
  const counted = {
    count: 0,
    catalog: 0,
    dialect: conn.dialect,
    query: (sql, params) => {
      counted.count++;
      if (CATALOG.test(sql)) counted.catalog++;
      return conn.query(sql, params);
    },
    serverVersion: () => conn.serverVersion(),
    close: () => conn.close(),
  };
  return counted;
}

/** Ops in a tree, containers flattened. */
function countOps(ops) {
  return ops.reduce((n, op) => n + (Array.isArray(op.ops) ? countOps(op.ops) : 1), 0);
}

/** Prints the worker's result as the last line of stdout, with the process's peak RSS in MB and its CPU seconds so far. */
function report(result) {
  const { user, system } = process.cpuUsage();
  console.log(
    JSON.stringify({ ...result, rssMB: process.resourceUsage().maxRSS / 1024, cpuSeconds: (user + system) / 1e6 }),
  );
}

module.exports = { settleHeap, loadAutogenForCheck, countingConnection, countOps, report };
