/**
 * Reflection cost does not grow with the schema (issue 4): one autogenerate against a 10-table
 * and a 1,000-table PostgreSQL schema sends the same number of catalog queries (the
 * introspector's own count) and the same number of statements in all (counted on the
 * connection the command is handed), and finds nothing to do in both.
 */
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { EntitySchema } from "typeorm";
import { command, defineConfig } from "autogen";
import { getDialect, type Connection } from "@autogen/dialects";
import { useDatabase, tempDir } from "@autogen/dialects/testing";
import { createIntrospector } from "@autogen/reflection";

/** `n` tables of mixed column types, each with 2 indexes, a unique and a foreign key to the one before. */
function syntheticEntities(n: number): EntitySchema<Record<string, unknown>>[] {
  const name = (i: number) => `t_${String(i).padStart(4, "0")}`;
  return Array.from({ length: n }, (_, i) => {
    const table = name(i);
    return new EntitySchema<Record<string, unknown>>({
      name: table,
      columns: {
        id: { type: Number, primary: true, generated: "increment" },
        title: { type: "varchar", length: 100 },
        qty: { type: "int", default: 0 },
        price: { type: "numeric", precision: 10, scale: 2, nullable: true },
        active: { type: "boolean", default: true },
        created: { type: "timestamptz", default: () => "now()" },
        data: { type: "jsonb", nullable: true },
        code: { type: "varchar", length: 20, unique: true },
        notes: { type: "text", nullable: true },
      },
      relations:
        i === 0 ? {} : { parent: { type: "many-to-one", target: name(i - 1), nullable: true, onDelete: "SET NULL" } },
      indices: [
        { name: `idx_${table}_title`, columns: ["title"] },
        { name: `idx_${table}_qty_created`, columns: ["qty", "created"] },
      ],
    });
  });
}

/** An autogen Connection that counts the statements sent through it. */
function counting(conn: Connection): Connection & { count: number } {
  const wrapped = {
    count: 0,
    dialect: conn.dialect,
    query: (sql: string, params?: readonly unknown[]) => {
      wrapped.count++;
      return conn.query(sql, params as unknown[]);
    },
    serverVersion: () => conn.serverVersion(),
    close: async () => undefined,
  };
  return wrapped as unknown as Connection & { count: number };
}

interface Counts {
  readonly catalogQueries: number;
  readonly statements: number;
}

async function countsFor(t: import("node:test").TestContext, tables: number): Promise<Counts | null> {
  const db = await useDatabase(t, "postgres");
  if (!db) return null;
  const scriptLocation = tempDir("pg-count");
  fs.mkdirSync(path.join(scriptLocation, "versions"));
  t.after(() => fs.rmSync(scriptLocation, { recursive: true, force: true }));
  // 200 tables per revision and transaction: creating 1,000 tables with their indexes and keys
  // in one transaction needs more locks than max_locks_per_transaction allows by default.
  const entities = syntheticEntities(tables);
  const configFor = (list: typeof entities) =>
    defineConfig({ scriptLocation, url: db.url, entities: list, postWriteHooks: [], transactionPerMigration: true });
  for (let end = Math.min(200, tables); ; end = Math.min(end + 200, tables)) {
    assert.ok(
      await command.revision(configFor(entities.slice(0, end)), { message: `load ${end}`, autogenerate: true }),
    );
    await command.upgrade(configFor(entities.slice(0, end)), "head");
    if (end === tables) break;
  }
  const config = configFor(entities);

  const conn = await db.connect();
  t.after(() => conn.close());
  const { rows } = await conn.query<{ n: string }>(
    "SELECT count(*) AS n FROM pg_tables WHERE schemaname = 'public' AND tablename LIKE 't\\_%'",
  );
  assert.equal(Number(rows[0]?.n), tables, "the schema was loaded");

  const introspector = createIntrospector(conn, getDialect("postgres"));
  const reflected = await introspector.reflect();
  assert.equal(reflected.tables.filter((x) => x.name.startsWith("t_")).length, tables);

  const counted = counting(conn);
  const result = await command.check(config, { connection: counted });
  assert.equal(result.upToDate, true, `no phantom diff on ${tables} tables`);
  return { catalogQueries: introspector.lastQueryCount, statements: counted.count };
}

test("postgres: one autogenerate sends as many queries for 1,000 tables as for 10", { timeout: 600_000 }, async (t) => {
  const small = await countsFor(t, 10);
  if (!small) return;
  const large = await countsFor(t, 1000);
  assert.ok(large);
  assert.ok(small.catalogQueries > 0 && small.statements >= small.catalogQueries, JSON.stringify(small));
  assert.deepEqual(large, small, `10 tables: ${JSON.stringify(small)}, 1,000 tables: ${JSON.stringify(large)}`);
  t.diagnostic(
    `catalog queries per reflect: ${small.catalogQueries}; statements per autogenerate: ${small.statements}`,
  );
});
