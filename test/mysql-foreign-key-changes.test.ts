/**
 * MariaDB refuses a foreign key whose column differs from the referenced one in type, sign,
 * charset or collation (errno 150), where TypeORM's synchronize succeeds. Each case changes the
 * referenced key, or adds the key, in the same revision as the change that makes the columns
 * match: autogenerate → upgrade must succeed with the key in place, the model is then in sync,
 * and the step downgrades and upgrades again.
 */
import "reflect-metadata";
import assert from "node:assert/strict";
import { test } from "node:test";
import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from "typeorm";
import { command } from "autogen";
import { useDatabase } from "@autogen/dialects/testing";
import { entities, pk } from "./helpers/entity-builder";
import { scenarioConfigs } from "./helpers/change-scenario";

const m = entities({
  OwnerV1: [Entity("owner"), { id: [Number, PrimaryColumn("int")] }],
  PetV1: [Entity("pet"), { id: pk(), ownerId: [Number, Column("int")] }],
  OwnerV2: [Entity("owner"), { id: [Number, PrimaryColumn({ type: "bigint", unsigned: true })] }],
  PetV2: [Entity("pet"), { id: pk(), owner: [Object, ManyToOne(() => m.OwnerV2), JoinColumn({ name: "ownerId" })] }],
  ZoneV1: [Entity("zone"), { code: [String, PrimaryColumn({ length: 8 })] }],
  PlotV1: [Entity("plot"), { id: pk(), zone: [Object, ManyToOne(() => m.ZoneV1)] }],
  ZoneLatin: [
    Entity("zone"),
    { code: [String, PrimaryColumn({ length: 8, charset: "latin1", collation: "latin1_bin" })] },
  ],
  PlotLatin: [Entity("plot"), { id: pk(), zone: [Object, ManyToOne(() => m.ZoneLatin)] }],
  ZoneBin: [Entity("zone"), { code: [String, PrimaryColumn({ length: 8, collation: "utf8mb4_bin" })] }],
  PlotBin: [Entity("plot"), { id: pk(), zone: [Object, ManyToOne(() => m.ZoneBin)] }],
  HouseV1: [Entity("house"), { id: pk() }],
  Street: [Entity("street"), { id: [Number, PrimaryGeneratedColumn({ unsigned: true })] }],
  HouseV2: [Entity("house"), { id: pk(), street: [Object, ManyToOne(() => m.Street)] }],
});

/** [case, v1 entities, v2 entities, the table whose foreign key v2 must have]. */
const CASES: [string, Function[], Function[], string][] = [
  [
    "a key added to a column retyped (int -> bigint unsigned) with its referenced key",
    [m.OwnerV1!, m.PetV1!],
    [m.OwnerV2!, m.PetV2!],
    "pet",
  ],
  ["a new table referencing a key whose charset changes", [m.ZoneV1!], [m.ZoneLatin!, m.PlotLatin!], "plot"],
  [
    "a referenced key's charset and collation change under an existing key",
    [m.ZoneV1!, m.PlotV1!],
    [m.ZoneLatin!, m.PlotLatin!],
    "plot",
  ],
  [
    "a referenced key's collation changes under an existing key",
    [m.ZoneV1!, m.PlotV1!],
    [m.ZoneBin!, m.PlotBin!],
    "plot",
  ],
  [
    "an existing table gets a key to an unsigned key of a table created in the same revision",
    [m.HouseV1!],
    [m.Street!, m.HouseV2!],
    "house",
  ],
];

for (const [name, before, after, child] of CASES) {
  test(`mysql foreign key: ${name}`, async (t) => {
    const db = await useDatabase(t, "mysql");
    if (!db) return;
    const { v1, v2 } = scenarioConfigs(t, db, before, after);
    await command.revision(v1, { message: "v1", autogenerate: true });
    await command.upgrade(v1, "head");
    await command.revision(v2, { message: "v2", autogenerate: true });
    await command.upgrade(v2, "head");
    const conn = await db.connect();
    t.after(() => conn.close());
    const keys = await conn.query(
      "SELECT COUNT(*) AS n FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE() AND TABLE_NAME = ?",
      [child],
    );
    assert.equal(Number(keys.rows[0]!.n), 1, `${child} has its foreign key`);
    const synced = await command.check(v2);
    assert.equal(synced.upToDate, true, `v2 in sync: ${JSON.stringify(synced.ops.upgradeOps.ops)}`);
    // The downgrade undoes the step, and the step runs again on what it left.
    await command.downgrade(v2, "-1");
    await command.upgrade(v2, "head");
    const again = await command.check(v2);
    assert.equal(
      again.upToDate,
      true,
      `v2 in sync after downgrade and upgrade: ${JSON.stringify(again.ops.upgradeOps.ops)}`,
    );
  });
}
