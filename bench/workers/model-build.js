// One cold build of the autogenerate bench's model (synthetic-model.js) by one checkout's
// schemaFromTypeORM, in a process of its own, V8 tuned as the bin tunes it. argv[2]: a JSON
// job { checkout, dialect, n }. Prints one JSON line: seconds (the build alone; decorating the
// entities and loading modules come before it), peak RSS, CPU seconds.
"use strict";
const path = require("node:path");
const { createRequire } = require("node:module");

const job = JSON.parse(process.argv[2]);
// Every module from the checkout under test, this file's own helpers included.
const from = createRequire(path.join(path.resolve(job.checkout), "package.json"));
from("autogen/dist/src/short-run-v8").tuneV8ForShortRun();
from("reflect-metadata");
const { decoratedEntities, syntheticModel } = from("./bench/synthetic-model");
const { settleHeap, report } = require("./worker-support");

/** The server version the MariaDB bench database reports: TypeORM maps some types by it. */
const SERVER_VERSIONS = { mysql: "10.11.19-MariaDB", postgres: undefined, sqlite: undefined };

async function main() {
  const profile = from(`./bench/profiles/${job.dialect}.js`);
  const entities = decoratedEntities(from("typeorm"), profile, syntheticModel(job.n));
  const { schemaFromTypeORM } = from("@autogen/metadata");
  const { getDialect } = from("@autogen/dialects");
  settleHeap();
  const start = performance.now();
  const schema = await schemaFromTypeORM({ entities }, getDialect(job.dialect), {
    serverVersion: SERVER_VERSIONS[job.dialect],
  });
  const seconds = (performance.now() - start) / 1000;
  if (schema.tables.length !== job.n) throw new Error(`${schema.tables.length} tables built, ${job.n} expected`);
  report({ seconds });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
