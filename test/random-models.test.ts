/*
 * The invariant (docs/architecture.md) on random models: for each dialect and each TypeORM line,
 * models generated from fixed seeds (test/helpers/random-model.ts with the dialect's menu in
 * random-menus/) go through autogenerate → upgrade → check is empty → downgrade base. Fixtures
 * pin the cases someone thought of; these find the combinations nobody did (MariaDB's rewritten
 * defaults and key prefixes were found this way). A failure names its seed, dialect and line:
 * `randomEntities(EntitySchema, menu, seed)` rebuilds the model.
 *
 * CI runs a fixed sample; AUTOGEN_RANDOM_SEEDS=1-500 (or `3,17,40-45`) runs those seeds instead,
 * AUTOGEN_RANDOM_DIALECTS=postgres,sqlite and AUTOGEN_RANDOM_TYPEORM=typeorm03 narrow the rest.
 */
import { test } from "node:test";
import { type DialectName } from "@autogen/dialects";
import { type FreshDatabase, useDatabase } from "@autogen/dialects/testing";
import { parseSeeds, randomEntities, type ColumnMenu } from "./helpers/random-model";
import { mysqlMenu } from "./helpers/random-menus/mysql";
import { postgresMenu } from "./helpers/random-menus/postgres";
import { sqliteMenu } from "./helpers/random-menus/sqlite";
import { assertRoundTrip } from "./helpers/round-trip";
import { modelDataSource, typeormLine, type TypeORMLine } from "./helpers/typeorm-lines";

const MENUS: Record<DialectName, ColumnMenu> = { mysql: mysqlMenu, postgres: postgresMenu, sqlite: sqliteMenu };
const LINES: readonly TypeORMLine[] = ["typeorm", "typeorm03"];
const SEEDS = parseSeeds(
  process.env["AUTOGEN_RANDOM_SEEDS"],
  Array.from({ length: 8 }, (_, i) => 1000 + i * 7919),
);
const only = (name: string): string[] | undefined => process.env[name]?.split(",").map((s) => s.trim());
const dialects = only("AUTOGEN_RANDOM_DIALECTS") ?? Object.keys(MENUS);
const lines = only("AUTOGEN_RANDOM_TYPEORM") ?? LINES;

for (const [dialect, menu] of Object.entries(MENUS) as [DialectName, ColumnMenu][]) {
  if (!dialects.includes(dialect)) continue;
  for (const line of LINES.filter((l) => lines.includes(l))) {
    test(`${dialect}, ${line}: random models`, async (t) => {
      const { EntitySchema } = typeormLine(line);
      // One database for the seeds while they pass (each ends with an empty schema); a failed
      // seed may leave tables behind, so the next seed gets a new database.
      let db: FreshDatabase | null | undefined;
      for (const seed of SEEDS) {
        await t.test(`seed ${seed}`, async (st) => {
          db ??= await useDatabase(t, dialect);
          if (!db) return;
          const dataSource = modelDataSource(line, dialect, randomEntities(EntitySchema, menu, seed));
          try {
            await assertRoundTrip(st, db, { dataSource }, `random-${seed}-${dialect}-${line}`);
          } catch (e) {
            db = undefined;
            throw e;
          }
        });
      }
    });
  }
}
