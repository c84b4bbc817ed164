import { test, type TestContext } from "node:test";
import assert from "node:assert/strict";
import { DatabaseError } from "@autogen/core";
import type { DialectName } from "@autogen/dialects";
import { dialectsUnderTest } from "@autogen/dialects/testing";
import { createIntrospector } from "@autogen/reflection";
import { currentHeads, upgrade } from "../src/index";
import { openWithScript } from "./support/script-fixture";

const A = "aaaaaaaaaaa1";
const B = "bbbbbbbbbbb2";

/** A parent with an ON DELETE CASCADE child, rows in both. */
const SETUP = `  await op.createTable("parent", [{ name: "id", type: "integer", primaryKey: true }, { name: "name", type: "varchar(20)" }, { name: "legacy", type: "integer" }]);
  await op.createTable("child", [{ name: "id", type: "integer", primaryKey: true }, { name: "parent_id", type: "integer", nullable: false }], {
    foreignKeys: [{ name: "fk_child_parent", columns: ["parent_id"], refTable: "parent", refColumns: ["id"], onDelete: "CASCADE" }],
  });
  await op.bulkInsert("parent", [{ id: 1, name: "p1", legacy: 0 }, { id: 2, name: "p2", legacy: 0 }]);
  await op.bulkInsert("child", [{ id: 10, parent_id: 1 }, { id: 11, parent_id: 1 }, { id: 12, parent_id: 2 }]);`;

/**
 * Opens `name`'s database and upgrades it to revision A (`setup`); `toHead` then runs revision
 * B (`batch`) and returns the statements it executed.
 */
async function setupThenBatch(t: TestContext, name: DialectName, batch: string, setup = SETUP) {
  const env = await openWithScript(t, name, [
    { rev: A, down: null, upgrade: setup, downgrade: "" },
    { rev: B, down: A, upgrade: batch, downgrade: "" },
  ]);
  if (!env) return undefined;
  const { conn, dialect, script } = env;
  await upgrade({ script, dialect, connection: conn, target: A });
  const toHead = async (): Promise<string[]> => {
    const statements: string[] = [];
    await upgrade({ script, dialect, connection: conn, target: "head", onStatement: (s) => statements.push(s) });
    return statements;
  };
  return { conn, dialect, toHead };
}

test("sqlite: a batch that recreates the parent keeps every ON DELETE CASCADE child row", async (t) => {
  const run = await setupThenBatch(
    t,
    "sqlite",
    `  await op.batchAlterTable("parent", async (batch) => {
    await batch.dropColumn("legacy");
    await batch.alterColumn("name", { nullable: false, existingType: "varchar(20)" });
    await batch.createIndex("ix_parent_name", ["name"]);
  });`,
  );
  if (!run) return;
  const { conn, dialect } = run;
  const statements = await run.toHead();
  // It did recreate (move and copy), not alter in place.
  assert.ok(
    statements.some((s) => s.startsWith('DROP TABLE "parent"')),
    statements.join("\n"),
  );

  const children = await conn.query<{ id: number; parent_id: number }>("SELECT id, parent_id FROM child ORDER BY id");
  assert.deepEqual(
    children.rows.map((r) => [Number(r.id), Number(r.parent_id)]),
    [
      [10, 1],
      [11, 1],
      [12, 2],
    ],
  );
  const parents = await conn.query<{ id: number; name: string }>("SELECT id, name FROM parent ORDER BY id");
  assert.deepEqual(
    parents.rows.map((r) => [Number(r.id), r.name]),
    [
      [1, "p1"],
      [2, "p2"],
    ],
  );
  const schema = await createIntrospector(conn, dialect).reflect({ tables: ["parent", "child"] });
  const parent = schema.tables.find((x) => x.name === "parent")!;
  assert.deepEqual(
    parent.columns.map((c) => [c.name, c.nullable]),
    [
      ["id", false],
      ["name", false],
    ],
  );
  assert.deepEqual(
    parent.indexes.map((i) => i.name),
    ["ix_parent_name"],
  );
  // The child's foreign key still points at the (new) parent.
  const child = schema.tables.find((x) => x.name === "child")!;
  assert.deepEqual(
    child.foreignKeys.map((f) => [f.refTable, f.onDelete]),
    [["parent", "CASCADE"]],
  );
  assert.deepEqual(await currentHeads({ dialect, connection: conn }), [B]);
});

test("sqlite: a batch that recreates a table creates its triggers again (DROP TABLE deletes them)", async (t) => {
  const trigger = `CREATE TRIGGER "parent_audit" AFTER UPDATE OF "name" ON "parent" BEGIN INSERT INTO "audit" ("parent_id") VALUES (NEW."id"); END`;
  const run = await setupThenBatch(
    t,
    "sqlite",
    `  await op.batchAlterTable("parent", async (batch) => {\n    await batch.dropColumn("legacy");\n  });`,
    `${SETUP}
  await op.createTable("audit", [{ name: "parent_id", type: "integer" }]);
  await op.execute(${JSON.stringify(trigger)});`,
  );
  if (!run) return;
  const { conn } = run;
  const statements = await run.toHead();
  assert.ok(
    statements.some((s) => s.startsWith('DROP TABLE "parent"')),
    statements.join("\n"),
  );
  const { rows } = await conn.query<{ sql: string }>(
    `SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'parent'`,
  );
  assert.deepEqual(
    rows.map((r) => r.sql),
    [trigger],
  );
  await conn.query(`UPDATE "parent" SET "name" = 'renamed' WHERE "id" = 2`);
  const audit = await conn.query<{ parent_id: number }>(`SELECT parent_id FROM audit`);
  assert.deepEqual(
    audit.rows.map((r) => Number(r.parent_id)),
    [2],
  );
});

test("sqlite: a batch that orphans rows fails and rolls back", async (t) => {
  // Renumbering the parents leaves the children pointing at ids that no longer exist.
  const run = await setupThenBatch(
    t,
    "sqlite",
    `  await op.execute("UPDATE parent SET id = id + 100");
  await op.batchAlterTable("parent", async (batch) => {
    await batch.dropColumn("legacy");
  });`,
  );
  if (!run) return;
  const { conn, dialect } = run;
  await assert.rejects(run.toHead(), (e: unknown) => {
    assert.ok(e instanceof DatabaseError, String(e));
    assert.match(
      e.message,
      /Batch alter of table parent left 3 row\(s\) violating foreign keys \(child rowid 10 -> parent/,
    );
    assert.match(e.message, /rolled back/);
    return true;
  });
  assert.deepEqual(await currentHeads({ dialect, connection: conn }), [A]);
  const { rows } = await conn.query<{ id: number; legacy: number }>("SELECT id, legacy FROM parent ORDER BY id");
  assert.deepEqual(
    rows.map((r) => [Number(r.id), Number(r.legacy)]),
    [
      [1, 0],
      [2, 0],
    ],
  );
});

for (const name of dialectsUnderTest()) {
  test(`${name}: a batch of ops that can run in place alters the table in place`, async (t) => {
    const run = await setupThenBatch(
      t,
      name,
      `  await op.batchAlterTable("parent", async (batch) => {
    await batch.addColumn({ name: "note", type: "varchar(30)" });
    await batch.createIndex("ix_parent_note", ["note"]);
  });`,
    );
    if (!run) return;
    const { conn, dialect } = run;
    const statements = await run.toHead();
    assert.ok(!statements.some((s) => s.startsWith("DROP TABLE")), statements.join("\n"));
    const { rows } = await conn.query<{ n: number }>(`SELECT COUNT(*) AS n FROM child`);
    assert.equal(Number(rows[0].n), 3);
    const schema = await createIntrospector(conn, dialect).reflect({ tables: ["parent"] });
    assert.deepEqual(
      schema.tables[0].columns.map((c) => c.name),
      ["id", "name", "legacy", "note"],
    );
  });
}
