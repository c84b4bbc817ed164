import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { getDialect } from "@autogen/dialects";
import { schemaFromTypeORM } from "../../src/index";
import { fixtureNames, loadFixture } from "./fixtures";
import type { TypeORMLine } from "./typeorm-names";

/** Every fixture converts on every dialect it lists, to a non-empty, sorted, frozen Schema. */
export function defineFixturesSuite(line: TypeORMLine): void {
  describe(`every fixture converts (TypeORM ${line})`, () => {
    const names = fixtureNames();
    it("has at least 40 fixtures", () => assert.ok(names.length >= 40, `${names.length} fixtures`));
    for (const name of names) {
      it(name, async () => {
        const fx = await loadFixture(name);
        assert.ok(fx.dialects.length > 0, "lists at least one dialect");
        for (const d of fx.dialects) {
          const s = await schemaFromTypeORM(
            { entities: fx.entities, dataSourceOptions: fx.dataSourceOptions },
            getDialect(d),
          );
          assert.ok(s.tables.length > 0, `${d}: no tables`);
          assert.ok(Object.isFrozen(s) && Object.isFrozen(s.tables[0]!.columns[0]), `${d}: frozen`);
          const keys = s.tables.map((t) => `${t.schema ?? ""}.${t.name}`);
          assert.deepEqual(keys, [...keys].sort(), `${d}: tables sorted`);
          for (const t of s.tables) {
            assert.ok(t.columns.length > 0, `${d}: ${t.name} has columns`);
            assert.ok(t.primaryKey, `${d}: ${t.name} has a primary key`);
            for (const c of [
              ...t.primaryKey.columns,
              ...t.indexes.flatMap((i) => i.elements.map((e) => e.column!)),
              ...t.foreignKeys.flatMap((f) => f.columns),
            ]) {
              assert.ok(hasColumn(t, c), `${d}: ${t.name} references its own column ${c}`);
            }
            for (const f of t.foreignKeys) {
              const ref = s.tables.find((x) => x.name === f.refTable && x.schema === f.refSchema);
              assert.ok(ref, `${d}: ${t.name} FK to a table in the schema (${f.refTable})`);
              for (const c of f.refColumns) assert.ok(hasColumn(ref, c), `${d}: ${f.refTable}.${c} exists`);
            }
          }
        }
      });
    }
  });
}

function hasColumn(t: { columns: readonly { name: string }[] }, name: string): boolean {
  return t.columns.some((c) => c.name === name);
}
