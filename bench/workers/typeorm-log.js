// TypeORM's own no-change diff in a process of its own: a DataSource on the bench database with
// the same decorated entities, `initialize()` (metadata build + connect) then the schema
// builder's `log()` (what `migration:generate` runs). argv[2]: a JSON job { profile, n, url }.
// Prints one JSON line: seconds (initialize + log), prebuiltSeconds (log alone), statements,
// phantoms (upQueries), peak RSS.
"use strict";
require("reflect-metadata");
const { performance } = require("node:perf_hooks");
const { decoratedEntities, syntheticModel } = require("../synthetic-model");
const { settleHeap, report } = require("./worker-support");

class CountingLogger {
  count = 0;
  logQuery() {
    this.count++;
  }
  logQueryError() {}
  logQuerySlow() {}
  logSchemaBuild() {}
  logMigration() {}
  log() {}
}

async function main() {
  const job = JSON.parse(process.argv[2]);
  const profile = require(job.profile);
  const typeorm = require("typeorm");
  const entities = decoratedEntities(typeorm, profile, syntheticModel(job.n));
  const logger = new CountingLogger();
  const ds = new typeorm.DataSource({ ...profile.typeorm.options(job.url), entities, logging: true, logger });
  settleHeap();
  const start = performance.now();
  await ds.initialize();
  const built = performance.now();
  const sql = await ds.driver.createSchemaBuilder().log();
  const end = performance.now();
  await ds.destroy();
  report({
    seconds: (end - start) / 1000,
    prebuiltSeconds: (end - built) / 1000,
    statements: logger.count,
    phantoms: sql.upQueries.length,
    sample: sql.upQueries.slice(0, 3).map((q) => q.query.slice(0, 200)),
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
