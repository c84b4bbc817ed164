/**
 * DESIGN's one invariant, checked on every fixture and every dialect it lists: empty database →
 * autogenerate → upgrade → autogenerate again gives an EMPTY op tree → downgrade base gives an
 * empty database again. Runs through the public `command` API, so the generated revision file
 * is really written, formatted, loaded and executed.
 */
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { command, defineConfig } from "autogen";
import { useDatabase, connect, getDialect, type DialectName } from "@autogen/dialects";
import { createIntrospector } from "@autogen/reflection";
import { loadModule, registerTsLoader } from "@autogen/runtime";

const FIXTURES = path.resolve(__dirname, "..", "..", "fixtures");

/** TypeORM's DataSource `type` for each dialect (1.x dropped `sqlite` in favour of better-sqlite3). */
const TYPEORM_TYPE: Record<DialectName, string> = { sqlite: "better-sqlite3", postgres: "postgres", mysql: "mariadb" };

interface Fixture {
  entities: unknown[];
  dialects?: DialectName[];
  dataSourceOptions?: Record<string, unknown>;
}

/** Registers one test per fixture (one subtest per dialect) for the given TypeORM package. */
export function invariantSuite(typeormPackage: "typeorm" | "typeorm03"): void {
  registerTsLoader(typeormPackage === "typeorm" ? {} : { moduleAliases: { typeorm: typeormPackage } });
  const { DataSource } = require(typeormPackage) as { DataSource: new (o: Record<string, unknown>) => unknown };
  const names = fs.existsSync(FIXTURES) ? fs.readdirSync(FIXTURES).filter((n) => fs.existsSync(path.join(FIXTURES, n, "entities.ts"))) : [];
  test("fixtures are present", () => assert.ok(names.length >= 40, `expected at least 40 fixtures, found ${names.length}`));
  for (const name of names.sort()) {
    test(`${typeormPackage}: ${name}`, async (t) => {
      const fx = (await loadModule(path.join(FIXTURES, name, "entities.ts"))) as unknown as Fixture;
      for (const dialect of fx.dialects ?? ["sqlite"]) {
        await t.test(dialect, async (t) => {
          const db = await useDatabase(t, dialect);
          if (!db) return;
          const scriptLocation = fs.mkdtempSync(path.join(os.tmpdir(), `autogen-inv-${name}-`));
          fs.mkdirSync(path.join(scriptLocation, "versions"));
          t.after(() => fs.rmSync(scriptLocation, { recursive: true, force: true }));
          const dataSource = new DataSource({ type: TYPEORM_TYPE[dialect], database: ":memory:", ...fx.dataSourceOptions, entities: fx.entities });
          const config = defineConfig({ scriptLocation, url: db.url, dataSource });

          const file = await command.revision(config, { message: "initial", autogenerate: true });
          assert.ok(file, "the first autogenerate writes a revision");
          await command.upgrade(config, "head");

          const again = await command.check(config);
          assert.equal(again.upToDate, true, `phantom diff after upgrade:\n${JSON.stringify(again.ops.upgradeOps.ops, null, 1)}\n--- revision ---\n${fs.readFileSync(file, "utf8")}`);

          await command.downgrade(config, "base");
          const conn = await connect(db.url);
          try {
            const left = await createIntrospector(conn, getDialect(dialect)).reflect();
            assert.deepEqual(
              { tables: left.tables.map((x) => x.name), enums: left.enums.map((e) => e.name) },
              { tables: [], enums: [] },
              "downgrade base leaves an empty schema",
            );
          } finally {
            await conn.close();
          }
        });
      }
    });
  }
}
