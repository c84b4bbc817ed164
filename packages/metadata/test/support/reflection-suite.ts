import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { CreateEnumOp, CreateExtensionOp, CreateSchemaOp, CreateTableOp, Table, type OpNode } from "@autogen/core";
import { getDialect } from "@autogen/dialects";
import { dialectsUnderTest, useDatabase } from "@autogen/dialects/testing";
import { createIntrospector } from "@autogen/reflection";
import { schemaFromTypeORM } from "../../src/index";
import { fixtureNames, loadFixture } from "./fixtures";
import type { TypeORMLine } from "./typeorm-names";

/** Tables in an order where each one's foreign keys point at tables created before it. */
function creationOrder(tables: readonly Table[]): Table[] {
  const out: Table[] = [];
  const seen = new Set<Table>();
  const visit = (t: Table) => {
    if (seen.has(t)) return;
    seen.add(t);
    for (const fk of t.foreignKeys) {
      const ref = tables.find((x) => x.name === fk.refTable && x.schema === fk.refSchema);
      if (ref) visit(ref);
    }
    out.push(t);
  };
  tables.forEach(visit);
  return out;
}

/**
 * The metadata side and the reflection side must describe the same database in the same
 * canonical terms: create each fixture's Schema with autogen's own DDL, reflect it, and expect
 * exactly the Schema back (tables and enum types; views have no core create op). The lead's
 * invariant test checks the same through compare; this one pins the failure to a field.
 */
export function defineReflectionSuite(line: TypeORMLine): void {
  describe(`metadata matches reflection (TypeORM ${line})`, () => {
    for (const name of fixtureNames()) {
      it(name, async (t) => {
        const fx = await loadFixture(name);
        for (const d of fx.dialects.filter((x) => dialectsUnderTest().includes(x))) {
          const dialect = getDialect(d);
          const target = await schemaFromTypeORM(
            { entities: fx.entities, dataSourceOptions: fx.dataSourceOptions },
            dialect,
          );
          const db = await useDatabase(t, d);
          if (!db) continue;
          const conn = await db.connect();
          try {
            // The extensions the columns' defaults need (uuid-ossp), as a revision would create them.
            const extensions = [
              ...new Set(target.tables.flatMap((x) => x.columns.flatMap((c) => dialect.requiredExtensions?.(c) ?? []))),
            ];
            const ops: OpNode[] = [
              ...extensions.map((e) => CreateExtensionOp.create(e)),
              ...target.schemas.map((s) => CreateSchemaOp.create(s)),
              ...target.enums.map((e) => CreateEnumOp.create(e)),
              ...creationOrder(target.tables).map((table) => CreateTableOp.create(table)),
            ];
            for (const op of ops) for (const sql of dialect.createDdlCompiler().compile(op)) await conn.query(sql);
            const warnings: string[] = [];
            const schemas =
              target.schemas.length > 0 ? [...(await createIntrospector(conn, dialect).schemaNames())] : undefined;
            const introspector = createIntrospector(conn, dialect);
            const reflected = await introspector.reflect({ schemas, onWarning: (m) => warnings.push(m) });
            assert.deepEqual(warnings, [], `${d}: reflection warnings`);
            // What the database fills in for the model (MySQL column charsets equal to their
            // table's), resolved as autogenerate resolves it.
            const resolved = introspector.canonicalTarget ? await introspector.canonicalTarget(target) : target;
            // Table options aside: reflection reports them relative to the server's defaults
            // (@@default_storage_engine, the schema's charset), which metadata cannot know
            // offline, and compare does not compare them.
            const withoutOptions = (tables: readonly Table[]) => tables.map((x) => Table.cloneWith(x, { options: {} }));
            assert.deepEqual(withoutOptions(reflected.tables), withoutOptions(resolved.tables), `${d}: tables`);
            assert.deepEqual(reflected.enums, target.enums, `${d}: enums`);
          } finally {
            await conn.close();
          }
        }
      });
    }
  });
}
