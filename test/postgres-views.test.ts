/**
 * TypeORM @ViewEntity views on PostgreSQL, compared by definition although PostgreSQL stores a
 * re-deparsed form of the SQL: unchanged views give no diff, a changed one is dropped and
 * created again through the view ops (reversible), a removed one is dropped.
 */
import "reflect-metadata";
import assert from "node:assert/strict";
import fs from "node:fs";
import { test } from "node:test";
import { Column, Entity, ViewColumn, ViewEntity } from "typeorm";
import { entities, pk } from "./helpers/entity-builder";
import { command } from "autogen";
import { useDatabase } from "@autogen/dialects/testing";
import { scenarioConfigs } from "./helpers/change-scenario";

const { Sale, TotalsV1, TotalsV2 } = entities({
  Sale: [Entity("sale"), { id: pk(), region: [String, Column({ length: 40 })], amount: [Number, Column()] }],
  TotalsV1: [
    ViewEntity({
      name: "sales_by_region",
      expression: `SELECT "region", SUM("amount") AS "total" FROM "sale" GROUP BY "region"`,
    }),
    { region: [String, ViewColumn()], total: [Number, ViewColumn()] },
  ],
  TotalsV2: [
    ViewEntity({
      name: "sales_by_region",
      expression: `SELECT "region", MAX("amount") AS "total" FROM "sale" GROUP BY "region"`,
    }),
    { region: [String, ViewColumn()], total: [Number, ViewColumn()] },
  ],
});

const kinds = (ops: readonly { kind: string; ops?: readonly { kind: string }[] }[]): string[] =>
  ops.flatMap((o) => (o.ops ? kinds(o.ops) : [o.kind]));

test("postgres: a view compares by its stored definition; a change is drop + create, reversible, rows untouched", async (t) => {
  const db = await useDatabase(t, "postgres");
  if (!db) return;
  const { v1, v2 } = scenarioConfigs(t, db, [Sale, TotalsV1], [Sale, TotalsV2]);

  assert.ok(await command.revision(v1, { message: "v1", autogenerate: true }));
  await command.upgrade(v1, "head");
  assert.equal((await command.check(v1)).upToDate, true, "the view as PostgreSQL stores it equals the model's");
  const conn = await db.connect();
  t.after(() => conn.close());
  await conn.query(`INSERT INTO "sale" ("region", "amount") VALUES ('north', 5), ('north', 7), ('south', 3)`);
  const totals = async () =>
    (await conn.query(`SELECT "region", "total"::int AS "total" FROM "sales_by_region" ORDER BY "region"`)).rows;
  assert.deepEqual(await totals(), [
    { region: "north", total: 12 },
    { region: "south", total: 3 },
  ]);

  assert.deepEqual(kinds((await command.check(v2)).ops.upgradeOps.ops), ["DropViewOp", "CreateViewOp"]);
  const file = await command.revision(v2, { message: "v2", autogenerate: true });
  assert.ok(file);
  await command.upgrade(v2, "head");
  assert.deepEqual(await totals(), [
    { region: "north", total: 7 },
    { region: "south", total: 3 },
  ]);
  assert.equal((await command.check(v2)).upToDate, true);

  await command.downgrade(v2, "-1");
  assert.deepEqual(await totals(), [
    { region: "north", total: 12 },
    { region: "south", total: 3 },
  ]);
  fs.rmSync(file);
  assert.equal((await command.check(v1)).upToDate, true, "downgrade -1 brings the v1 view back");

  // The view's entity removed: the view is dropped, the table and its rows stay.
  assert.deepEqual(kinds((await command.check({ ...v1, entities: [Sale] })).ops.upgradeOps.ops), ["DropViewOp"]);
});
