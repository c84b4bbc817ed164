import { test } from "node:test";
import assert from "node:assert/strict";
import {
  CreateViewOp,
  DropViewOp,
  NotReversibleError,
  QualifiedName,
  ReplaceViewOp,
  reverseOp,
  reverseOps,
  type OpNode,
} from "@autogen/core";
import { getDialect, type Connection, type Dialect } from "@autogen/dialects";
import { dialectsUnderTest } from "@autogen/dialects/testing";
import { MigrationContext, createOperations, currentHeads, downgrade, upgrade } from "../src/index";
import { loadScript, openDatabase, tableExists, writeScript } from "./support/script-fixture";

const V1 = "SELECT id, name FROM people WHERE active = 1";
const V2 = "SELECT id, name FROM people";

test("view ops reverse into each other, carrying the definition they replace", () => {
  const view = QualifiedName.create("active_people");
  assert.deepEqual(reverseOp(CreateViewOp.create(view, V1)), DropViewOp.create(view, V1));
  assert.deepEqual(reverseOp(DropViewOp.create(view, V1)), CreateViewOp.create(view, V1));
  assert.deepEqual(reverseOp(ReplaceViewOp.create(view, V2, V1)), ReplaceViewOp.create(view, V1, V2));
  assert.throws(() => reverseOp(DropViewOp.create(view)), NotReversibleError);
  assert.throws(() => reverseOp(ReplaceViewOp.create(view, V2)), NotReversibleError);
});

async function viewIds(conn: Connection, dialect: Dialect): Promise<number[]> {
  const { rows } = await conn.query<{ id: number }>(`SELECT id FROM ${dialect.quote("active_people")} ORDER BY id`);
  return rows.map((r) => Number(r.id));
}

for (const name of dialectsUnderTest()) {
  test(`${name}: createView, replaceView and their reverses`, async (t) => {
    const env = await openDatabase(t, name);
    if (!env) return;
    const { conn, dialect } = env;
    await conn.query(`CREATE TABLE people (id integer PRIMARY KEY, name varchar(20), active integer)`);
    await conn.query(`INSERT INTO people (id, name, active) VALUES (1, 'a', 1), (2, 'b', 0)`);

    const ctx = new MigrationContext({ dialect, connection: conn });
    const op = createOperations(ctx);
    const view = QualifiedName.create("active_people");
    const forward: OpNode[] = [CreateViewOp.create(view, V1), ReplaceViewOp.create(view, V2, V1)];

    await op.invoke(forward[0]);
    assert.deepEqual(await viewIds(conn, dialect), [1]);
    await op.invoke(forward[1]);
    assert.deepEqual(await viewIds(conn, dialect), [1, 2]);

    const [undoReplace, undoCreate] = reverseOps(forward);
    await op.invoke(undoReplace);
    assert.deepEqual(await viewIds(conn, dialect), [1]);
    await op.invoke(undoCreate);
    assert.equal(await tableExists(conn, dialect, "active_people"), false);
  });

  test(`${name}: op.createView / op.replaceView / op.dropView in revision files, upgrade and downgrade`, async (t) => {
    const env = await openDatabase(t, name);
    if (!env) return;
    const { conn, dialect } = env;
    const [r1, r2] = ["aaaaaaaaaaa1", "bbbbbbbbbbb2"];
    const script = loadScript(
      writeScript([
        {
          rev: r1,
          down: null,
          upgrade: `  await op.createTable("people", [{ name: "id", type: "integer", primaryKey: true }, { name: "name", type: "varchar(20)" }, { name: "active", type: "integer" }]);
  await op.bulkInsert("people", [{ id: 1, name: "a", active: 1 }, { id: 2, name: "b", active: 0 }]);
  await op.createView("active_people", "${V1}");`,
          downgrade: `  await op.dropView("active_people", { existingDefinition: "${V1}" });\n  await op.dropTable("people");`,
        },
        {
          rev: r2,
          down: r1,
          upgrade: `  await op.replaceView("active_people", "${V2}", { existingDefinition: "${V1}" });`,
          downgrade: `  await op.replaceView("active_people", "${V1}", { existingDefinition: "${V2}" });`,
        },
      ]),
    );
    await upgrade({ script, dialect, connection: conn, target: r1 });
    assert.deepEqual(await viewIds(conn, dialect), [1]);
    await upgrade({ script, dialect, connection: conn, target: "head" });
    assert.deepEqual(await viewIds(conn, dialect), [1, 2]);
    await downgrade({ script, dialect, connection: conn, target: r1 });
    assert.deepEqual(await viewIds(conn, dialect), [1]);
    await downgrade({ script, dialect, connection: conn, target: "base" });
    assert.equal(await tableExists(conn, dialect, "active_people"), false);
    assert.deepEqual(await currentHeads({ dialect, connection: conn }), []);
  });
}

test("sqlite replaces a view by drop and create; the others say OR REPLACE", async () => {
  const sqlOf = async (name: "sqlite" | "postgres" | "mysql") => {
    const ctx = new MigrationContext({ dialect: getDialect(name) });
    await createOperations(ctx).invoke(ReplaceViewOp.create(QualifiedName.create("v", "s"), "SELECT 1", "SELECT 2"));
    return ctx.sql;
  };
  assert.equal(await sqlOf("sqlite"), 'DROP VIEW "s"."v";\nCREATE VIEW "s"."v" AS SELECT 1;\n');
  assert.equal(await sqlOf("postgres"), 'CREATE OR REPLACE VIEW "s"."v" AS SELECT 1;\n');
  assert.equal(await sqlOf("mysql"), "CREATE OR REPLACE VIEW `s`.`v` AS SELECT 1;\n");
});
