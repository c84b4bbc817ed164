/**
 * The adoption check, on every fixture and every dialect it lists: TypeORM's own
 * `synchronize()` builds the schema (as on a project that used it before autogen), then
 * autogen's `check` must find nothing to do. A fixture whose schema TypeORM itself still wants
 * to change right after its synchronize is excused (TYPEORM_DIFFS_ITSELF, with the reason);
 * the test fails if such a fixture stops diffing, so the list cannot go stale.
 */
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { command, defineConfig } from "autogen";
import { parseUrl, type DialectName } from "@autogen/dialects";
import { tempDir, useDatabase } from "@autogen/dialects/testing";
import { loadModule, registerTsLoader } from "@autogen/runtime";
import { FIXTURES, selectedFixtureNames } from "./helpers/fixture-names";
import { TYPEORM_TYPE } from "./helpers/typeorm-lines";

/** TypeORM's DataSource `type` for each dialect (1.x dropped `sqlite` in favour of better-sqlite3). */

type TypeormPackage = "typeorm" | "typeorm03";

/**
 * `fixture/dialect` (or `fixture/dialect/typeorm03` for one TypeORM line) whose schema TypeORM's
 * own schema builder still wants to change after its synchronize: autogen agreeing with the
 * database there is not asked. Each entry says why.
 */
export const TYPEORM_DIFFS_ITSELF: Record<string, string> = {
  "defaults-as-strings/postgres":
    "compares numeric and boolean defaults given as strings ('10.5', '1') to the stored text",
  "defaults-as-strings/mysql": "compares the decimal default '10.5' to the stored 10.50",
  "defaults-functions-postgres/postgres": "reads a gen_random_uuid() default on a non-key column back as a change",
  "defaults-phantom-traps/postgres": "compares the boolean default 'false' (a string) to the stored false",
  "mysql-checks-comments/mysql": "does not escape a backslash in a table comment, so the stored comment never matches",
  "mysql-datetime-precision/mysql": "compares CURRENT_TIMESTAMP(6) on a timestamp(3) column to what the server stores",
  "mysql-zerofill-boolean/mysql/typeorm03": "0.3 compares a ZEROFILL bigint's default '42' to the stored one",
  "numeric-rounded-defaults/postgres": "compares decimal defaults to the server's rounded form",
  "numeric-rounded-defaults/mysql": "compares decimal defaults to the server's rounded form",
  "postgres-array-constructor-defaults/postgres": "compares ARRAY[...] defaults to the stored '{...}'::type[] text",
  "postgres-datetime-literal-defaults/postgres": "compares date/time literal defaults to the server's normalized form",
  "postgres-rewritten-expressions/postgres": "compares defaults to the text PostgreSQL rewrites them into",
  "postgres-stored-literal-defaults/postgres": "compares bit, bytea and numeric literal defaults to their stored form",
  "primary-rowid/sqlite": "recreates a table whose INTEGER PRIMARY KEY it declared itself",
  "sqlite-redundant-unique/sqlite": "recreates a table whose unique constraint repeats its primary key",
  "postgres-unique-primary-key/postgres":
    "adds again the unique constraint on the key that CREATE TABLE merged into it",
  "postgres-unique-primary-key/sqlite": "recreates a table whose unique constraint repeats its primary key",
};

/**
 * `fixture/dialect[/typeorm03]` whose schema TypeORM's synchronize cannot build at all (its DDL
 * fails): the fixtures test what autogen renders that TypeORM does not. Each entry says why.
 */
export const TYPEORM_CANNOT_BUILD: Record<string, string> = {
  "defaults-literals/sqlite": "string defaults with a quote are not escaped",
  "defaults-literals/postgres": "string defaults with a quote are not escaped",
  "defaults-literals/mysql": "string defaults with a quote are not escaped",
  "mysql-charset-spelled-out/mysql": "CHARACTER SET is written before an enum's value list",
  "mysql-collation-defaults/mysql": "COLLATE is written before an enum's value list",
  "mysql-default-literals/mysql": "string defaults with a quote are not escaped",
  "mysql-phantom-traps/mysql": "an object default for a json column is written as [object Object]",
  "mysql-server-filled-defaults/mysql": "string defaults with a quote are not escaped",
  "postgres-json-time-defaults/postgres": "string defaults with a quote are not escaped",
  "postgres-array-literal-defaults/postgres": "array defaults are joined unquoted, so a quote breaks the CREATE TABLE",
  "sqlite-bigint-increment/sqlite": "writes bigint PRIMARY KEY AUTOINCREMENT, which SQLite refuses",
  "generated-increment-column/mysql": "writes an AUTO_INCREMENT column without the key MySQL requires",
};

interface Fixture {
  entities: unknown[];
  dialects?: DialectName[];
  dataSourceOptions?: Record<string, unknown>;
  extensions?: string[];
}

interface TypeormDataSource {
  initialize(): Promise<unknown>;
  synchronize(): Promise<void>;
  destroy(): Promise<void>;
  query(sql: string): Promise<unknown>;
  entityMetadatas: { schema?: string }[];
  driver: { createSchemaBuilder(): { log(): Promise<{ upQueries: { query: string }[] }> } };
}

/** TypeORM's connection options for a test database URL. */
function typeormTarget(dialect: DialectName, url: string): Record<string, unknown> {
  if (dialect !== "sqlite") return { type: TYPEORM_TYPE[dialect], url };
  const parsed = parseUrl(url);
  return { type: TYPEORM_TYPE[dialect], database: parsed.filename };
}

/**
 * `fixture/dialect[/typeorm03]` where TypeORM's synchronize writes something other than the
 * entities say while its own schema builder sees no change, so autogen's check reports a real
 * difference (and must: the test fails if it stops). Each entry says what TypeORM wrote.
 */
export const TYPEORM_WRITES_OTHER_THAN_DECLARED: Record<string, string> = {
  "float-defaults/mysql":
    "a number default goes through toFixed(scale): 3.5 on a float without scale is written DEFAULT '4'",
};

/** The excuse in `list` for a fixture on a dialect under a TypeORM line, if it has one. */
function excuse(list: Record<string, string>, name: string, dialect: DialectName, pkg: TypeormPackage) {
  return list[`${name}/${dialect}/${pkg}`] ?? list[`${name}/${dialect}`];
}

/**
 * What a project that used synchronize made by hand first (TypeORM creates neither): the
 * PostgreSQL extensions the fixture needs and the schemas its entities name.
 */
async function prepareDatabase(ds: TypeormDataSource, dialect: DialectName, fx: Fixture): Promise<void> {
  if (dialect !== "postgres") return;
  for (const ext of fx.extensions ?? []) await ds.query(`CREATE EXTENSION IF NOT EXISTS "${ext}"`);
  const schemas = new Set(ds.entityMetadatas.map((m) => m.schema).filter((s): s is string => !!s));
  for (const schema of schemas) await ds.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
}

/** Registers one test per fixture (one subtest per dialect) for the given TypeORM package. */
export function adoptionSuite(typeormPackage: TypeormPackage): void {
  registerTsLoader(typeormPackage === "typeorm" ? {} : { moduleAliases: { typeorm: typeormPackage } });
  const { DataSource } = require(typeormPackage) as {
    DataSource: new (o: Record<string, unknown>) => TypeormDataSource;
  };
  for (const name of selectedFixtureNames()) {
    test(`adoption ${typeormPackage}: ${name}`, async (t) => {
      const fx = (await loadModule(path.join(FIXTURES, name, "entities.ts"))) as unknown as Fixture;
      for (const dialect of fx.dialects ?? ["sqlite"]) {
        await t.test(dialect, async (t) => {
          const db = await useDatabase(t, dialect);
          if (!db) return;
          const synced = new DataSource({
            ...typeormTarget(dialect, db.url),
            ...fx.dataSourceOptions,
            entities: fx.entities,
          });
          await synced.initialize();
          let typeormLeft: string[];
          const cannotBuild = excuse(TYPEORM_CANNOT_BUILD, name, dialect, typeormPackage);
          try {
            await prepareDatabase(synced, dialect, fx);
            if (cannotBuild) {
              await assert.rejects(synced.synchronize(), `excused (${cannotBuild}) but it builds: drop the excuse`);
              return;
            }
            await synced.synchronize();
            typeormLeft = (await synced.driver.createSchemaBuilder().log()).upQueries.map((q) => q.query);
          } finally {
            await synced.destroy();
          }
          const diffsItself = excuse(TYPEORM_DIFFS_ITSELF, name, dialect, typeormPackage);
          if (diffsItself) {
            assert.notDeepEqual(
              typeormLeft,
              [],
              `excused (${diffsItself}) but TypeORM no longer diffs: drop the excuse`,
            );
            return;
          }
          assert.deepEqual(
            typeormLeft,
            [],
            `TypeORM's own schema builder diffs after its synchronize (excuse it):\n${typeormLeft.join("\n")}`,
          );

          const scriptLocation = tempDir(`adopt-${name}-${dialect}`);
          fs.mkdirSync(path.join(scriptLocation, "versions"));
          t.after(() => fs.rmSync(scriptLocation, { recursive: true, force: true }));
          const dataSource = new DataSource({
            type: TYPEORM_TYPE[dialect],
            database: ":memory:",
            ...fx.dataSourceOptions,
            entities: fx.entities,
          });
          const config = defineConfig({ scriptLocation, url: db.url, dataSource });
          const result = await command.check(config);
          const differs = excuse(TYPEORM_WRITES_OTHER_THAN_DECLARED, name, dialect, typeormPackage);
          if (differs) {
            assert.equal(result.upToDate, false, `listed (${differs}) but check is empty: drop the entry`);
            return;
          }
          assert.equal(
            result.upToDate,
            true,
            `autogen sees changes on TypeORM's own schema:\n${JSON.stringify(result.ops.upgradeOps.ops, null, 1)}`,
          );
        });
      }
    });
  }
}
