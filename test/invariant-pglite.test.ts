/*
 * The invariant (docs/architecture.md) on PGlite (PostgreSQL compiled to WebAssembly, in this process): every
 * PostgreSQL fixture, those with extensions too (PGlite loads its contrib ones: uuid-ossp, pgcrypto,
 * citext...), under TypeORM 1.x. One PGlite instance for the file, emptied between fixtures:
 * starting one takes seconds.
 */
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { after, before, test } from "node:test";
import { connect, type Connection } from "@autogen/dialects";
import { loadModule, registerTsLoader } from "@autogen/runtime";
import { assertRoundTrip } from "./helpers/round-trip";

const FIXTURES = path.resolve(__dirname, "..", "..", "fixtures");

interface Fixture {
  entities: unknown[];
  dialects?: string[];
  dataSourceOptions?: Record<string, unknown>;
  extensions?: string[];
}

registerTsLoader();
const { DataSource } = require("typeorm") as { DataSource: new (o: Record<string, unknown>) => unknown };
let pglite: Connection;
before(async () => {
  pglite = await connect("pglite://:memory:");
});
after(() => pglite.close());

/** Drops every schema a fixture made (public included, made again): the next one starts empty. */
async function emptyDatabase(conn: Connection): Promise<void> {
  const { rows } = await conn.query<{ name: string }>(
    "SELECT nspname AS name FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema'",
  );
  for (const { name } of rows) await conn.query(`DROP SCHEMA "${name.replaceAll('"', '""')}" CASCADE`);
  await conn.query("CREATE SCHEMA public");
}

const names = fs.readdirSync(FIXTURES).filter((n) => fs.existsSync(path.join(FIXTURES, n, "entities.ts")));
/** The PostgreSQL cases: the others are no test here (not a skipped one). */
const postgresCases = names.filter((name) => {
  const fx = require(path.join(FIXTURES, name, "entities.ts")) as Fixture;
  return (fx.dialects ?? ["sqlite"]).includes("postgres");
});
for (const name of postgresCases.sort()) {
  test(`pglite: ${name}`, async (t) => {
    const fx = (await loadModule(path.join(FIXTURES, name, "entities.ts"))) as unknown as Fixture;
    await emptyDatabase(pglite);
    const dataSource = new DataSource({
      type: "postgres",
      ...fx.dataSourceOptions,
      entities: fx.entities,
    });
    await assertRoundTrip(t, { dialect: "postgres", connection: pglite }, { dataSource }, `${name}-pglite`);
  });
}

test("pglite: the fixtures are there", () => assert.ok(postgresCases.length >= 40, `found ${postgresCases.length}`));
