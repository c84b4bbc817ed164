/**
 * The one invariant (docs/architecture.md), checked on every fixture and every dialect it lists: empty database →
 * autogenerate → upgrade → autogenerate again gives an EMPTY op tree → downgrade base gives an
 * empty database again. Runs through the public `command` API, so the generated revision file
 * is really written, formatted, loaded and executed.
 */
import assert from "node:assert/strict";
import path from "node:path";
import { test } from "node:test";
import { type DialectName } from "@autogen/dialects";
import { useDatabase } from "@autogen/dialects/testing";
import { loadModule, registerTsLoader } from "@autogen/runtime";
import { FIXTURES, allFixtureNames, selectedFixtureNames } from "./helpers/fixture-names";
import { assertRoundTrip } from "./helpers/round-trip";
import { modelDataSource, type TypeORMLine } from "./helpers/typeorm-lines";

interface Fixture {
  entities: unknown[];
  dialects?: DialectName[];
  dataSourceOptions?: Record<string, unknown>;
}

/** Registers one test per fixture (one subtest per dialect) for the given TypeORM package. */
export function invariantSuite(typeormPackage: TypeORMLine): void {
  registerTsLoader(typeormPackage === "typeorm" ? {} : { moduleAliases: { typeorm: typeormPackage } });
  const found = allFixtureNames().length;
  test("fixtures are present", () => assert.ok(found >= 40, `expected at least 40 fixtures, found ${found}`));
  for (const name of selectedFixtureNames()) {
    test(`${typeormPackage}: ${name}`, async (t) => {
      const fx = (await loadModule(path.join(FIXTURES, name, "entities.ts"))) as unknown as Fixture;
      for (const dialect of fx.dialects ?? ["sqlite"]) {
        await t.test(dialect, async (t) => {
          const db = await useDatabase(t, dialect);
          if (!db) return;
          const dataSource = modelDataSource(typeormPackage, dialect, fx.entities, fx.dataSourceOptions);
          await assertRoundTrip(t, db, { dataSource }, `${name}-${dialect}`);
        });
      }
    });
  }
}
