/**
 * Alembic's autogenerate scenario catalog (alembic.md §7.2) ported to TypeORM entities on a
 * real SQLite database — part 1: the canonical ModelOne fixture (items 1–13), tables and
 * metadata (15–29), rendering-level expectations (108–109) and Alembic's weak spots (§8)
 * that autogen beats. Each test: database state (a first autogenerate + upgrade from the
 * "before" entities, or hand-written DDL) → model state (the "after" entities) → the exact,
 * ORDERED op list of `command.check` → (where it makes sense) the revision runs and leaves the
 * model in sync.
 *
 * Other parts: -types (30–48), -indexes (53–79), -constraints (80–107 and hooks).
 */
import "reflect-metadata";
import assert from "node:assert/strict";
import fs from "node:fs";
import { test } from "node:test";
import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  Unique,
} from "typeorm";
import { command } from "autogen";
import { describeOps, flattenOps, scenarioEnv } from "./helpers/autogen-scenario";

// ---- ModelOne (S/_autogen_fixtures.py): the database side (m1) and the model side (m2) ----

@Entity("user")
class M1User {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: "varchar", length: 50, nullable: true }) name!: string;
  @Column({ type: "text", nullable: true }) a1!: string;
  @Index("pw_idx") @Column({ type: "varchar", length: 50, nullable: true }) pw!: string;
}
@Entity("address")
class M1Address {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: "varchar", length: 100 }) email_address!: string;
}
@Entity("order")
@Check("ck_order_amount", `"amount" >= 0`)
class M1Order {
  @PrimaryGeneratedColumn() order_id!: number;
  @Column("decimal", { precision: 8, scale: 2, default: 0 }) amount!: string;
}
@Entity("extra")
class M1Extra {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: "character", length: 1, nullable: true }) x!: string;
  @ManyToOne(() => M1User, { nullable: true }) @JoinColumn({ name: "uid" }) u!: M1User;
}

@Entity("user")
class M2User {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: "text", nullable: true, default: "x" }) a1!: string;
  @Column({ type: "varchar", length: 50 }) name!: string;
}
@Entity("address")
@Unique("uq_email", ["email_address"])
class M2Address {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: "varchar", length: 100 }) email_address!: string;
  @Column({ type: "varchar", length: 50, nullable: true }) street!: string;
}
@Entity("order")
@Check("ck_order_amount", `"amount" >= 0`)
class M2Order {
  @PrimaryGeneratedColumn() order_id!: number;
  @Column("decimal", { precision: 10, scale: 2, default: 0, nullable: true }) amount!: string;
  @ManyToOne(() => M2User, { nullable: true }) @JoinColumn({ name: "user_id" }) user!: M2User;
}
@Entity("item")
@Check("ck_item_description", `length("description") > 5`)
class M2Item {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: "varchar", length: 100, nullable: true }) description!: string;
  @ManyToOne(() => M2Order, { nullable: true }) @JoinColumn({ name: "order_id" }) order!: M2Order;
}

const MODEL_ONE_DB = [M1User, M1Address, M1Order, M1Extra];
const MODEL_ONE = [M2User, M2Address, M2Order, M2Item];

test("§7.2 1–11 ModelOne: every facet, in Alembic's order (new tables, dropped tables, then tables by name: add col → alter → uniques → FKs → drop index → drop col)", async (t) => {
  const env = await scenarioEnv(t);
  if (!env) return;
  await env.apply(MODEL_ONE_DB);
  const config = env.config(MODEL_ONE);
  assert.deepEqual(await env.diff(config), [
    "add_table item", // 1: first op, FK/PK/CHECK inline
    "remove_table extra", // 2
    "add_column address.street", // 3
    "add_unique address.uq_email(email_address)", // 4: after the add_column
    "add_column order.user_id", // 5
    "alter_column order.amount nullable=true type=decimal(10,2)", // 6: ONE op for type + nullable
    "add_fk order(user_id)->user(id)", // 5: after the alters
    "alter_column user.a1 default='x'", // 9
    "alter_column user.name nullable=false", // 8
    "remove_index user.pw_idx", // 10: before the drop of its column
    "remove_column user.pw", // 11: last op of the table
  ]);

  const { ops } = await command.check(config);
  const flat = describeOps(ops.upgradeOps.ops);
  const item = ops.upgradeOps.ops[0] as unknown as {
    table: { foreignKeys: unknown[]; checks: { name: string }[]; primaryKey: { columns: string[] } };
  };
  assert.equal(item.table.foreignKeys.length, 1, "item's FK is inline in its CreateTableOp");
  assert.deepEqual(
    item.table.checks.map((c) => c.name),
    ["ck_item_description"],
    "item's CHECK is inline",
  );
  assert.deepEqual(item.table.primaryKey.columns, ["id"]);
  assert.ok(
    !flat.some((l) => l.startsWith("add_fk item") || l.startsWith("add_check item")),
    "no separate op for item's FK/CHECK",
  );
  const amount = flattenOps(ops.upgradeOps.ops).find(
    (o) => o.kind === "AlterColumnOp" && (o as any).column === "amount",
  ) as any;
  assert.equal(amount.existing.default, "0", "6: the unchanged default is carried as existing");
  const extra = (ops.upgradeOps.ops as any[]).find((o) => o.kind === "DropTableOp");
  assert.deepEqual(
    extra.table.columns.map((c: any) => c.name),
    ["id", "x", "uid"],
    "2: the drop carries the reflected table for the downgrade",
  );

  // the downgrade is the upgrade reversed, each op reversed (Alembic's rendered downgrade of ModelOne)
  assert.deepEqual(describeOps(ops.downgradeOps.ops), [
    "add_column user.pw",
    "add_index user.pw_idx(pw)",
    "alter_column user.name nullable=true",
    "alter_column user.a1 default=null",
    "remove_fk order(user_id)->user(id)",
    "alter_column order.amount nullable=false type=decimal(8,2)",
    "remove_column order.user_id",
    "remove_unique address.uq_email(email_address)",
    "remove_column address.street",
    "add_table extra",
    "remove_table item",
  ]);

  await env.conn.query(`INSERT INTO "user" ("id", "name", "a1", "pw") VALUES (1, 'ann', 'y', 'secret')`);
  await env.conn.query(`INSERT INTO "order" ("order_id", "amount") VALUES (1, 12.5)`);
  const file = await env.upgradeInSync(config);
  const text = fs.readFileSync(file, "utf8");
  assert.match(text, /^ {2}await op\.createTable\(\s*"item"/m, "new tables stay top-level");
  assert.match(text, /^ {2}await op\.dropTable\("extra"/m, "dropped tables stay top-level");
  for (const table of ["address", "order", "user"])
    assert.match(
      text,
      new RegExp(`await op\\.batchAlterTable\\("${table}"`),
      `SQLite renders ${table}'s changes as a batch`,
    );
  assert.deepEqual(
    (await env.conn.query(`SELECT "id", "name", "a1" FROM "user"`)).rows.map((r) => ({ ...r })),
    [{ id: 1, name: "ann", a1: "y" }],
  );
  assert.deepEqual(
    (await env.conn.query(`SELECT "order_id", "amount", "user_id" FROM "order"`)).rows.map((r) => ({ ...r })),
    [{ order_id: 1, amount: 12.5, user_id: null }],
  );
  await command.downgrade(config, "-1");
  fs.rmSync(file);
  assert.deepEqual(
    await env.diff(env.config(MODEL_ONE_DB)),
    [],
    "downgrade recreates extra (with its FK), pw, pw_idx and the old types",
  );
});

test("§7.2 7 ModelOne: a same-named CHECK whose expression changed is dropped and re-created (Alembic compares CHECKs by name only, #508)", async (t) => {
  const env = await scenarioEnv(t);
  if (!env) return;
  @Entity("order")
  @Check("ck_order_amount", `"amount" > -1`)
  class Order2 {
    @PrimaryGeneratedColumn() order_id!: number;
    @Column("decimal", { precision: 8, scale: 2, default: 0 }) amount!: string;
  }
  await env.apply([M1Order]);
  const config = env.config([Order2]);
  assert.deepEqual(await env.diff(config), ["remove_check order.ck_order_amount", "add_check order.ck_order_amount"]);
  await env.upgradeInSync(config);
  const sql = (await env.conn.query(`SELECT sql FROM sqlite_master WHERE name = 'order'`)).rows[0]!.sql as string;
  assert.match(sql, /"amount" > -1/);
});

test("§7.2 12 include_object: rejecting tables other than address/order/user and the column street", async (t) => {
  const env = await scenarioEnv(t);
  if (!env) return;
  await env.apply(MODEL_ONE_DB);
  const seen: string[] = [];
  const config = env.config(MODEL_ONE, {
    includeObject: (_obj, name, type, reflected, compareTo) => {
      if (type === "table") seen.push(`${name}:${reflected}:${compareTo ? "pair" : "alone"}`);
      if (type === "table") return ["address", "order", "user"].includes(name!);
      if (type === "column") return name !== "street";
      return true;
    },
  });
  assert.deepEqual(await env.diff(config), [
    "add_unique address.uq_email(email_address)",
    "add_column order.user_id",
    "alter_column order.amount nullable=true type=decimal(10,2)",
    "add_fk order(user_id)->user(id)",
    "alter_column user.a1 default='x'",
    "alter_column user.name nullable=false",
    "remove_index user.pw_idx",
    "remove_column user.pw",
  ]);
  assert.ok(seen.includes("item:false:alone"), `model-only item is offered as not reflected: ${seen}`);
  assert.ok(seen.includes("extra:true:alone"), `db-only extra is offered as reflected: ${seen}`);
  assert.ok(seen.includes("user:false:pair"), `a table on both sides comes with its counterpart: ${seen}`);
});

test("§7.2 13 include_name: sees only reflected names, so model-only item and street are still added while extra is never reflected", async (t) => {
  const env = await scenarioEnv(t);
  if (!env) return;
  await env.apply(MODEL_ONE_DB);
  const seen: string[] = [];
  const config = env.config(MODEL_ONE, {
    includeName: (name, type, parents) => {
      seen.push(`${type}:${parents.tableName ? `${parents.tableName}.` : ""}${name}`);
      if (type === "table") return ["address", "order", "user"].includes(name!);
      if (type === "column") return name !== "street";
      return true;
    },
  });
  assert.deepEqual(await env.diff(config), [
    "add_table item",
    "add_column address.street",
    "add_unique address.uq_email(email_address)",
    "add_column order.user_id",
    "alter_column order.amount nullable=true type=decimal(10,2)",
    "add_fk order(user_id)->user(id)",
    "alter_column user.a1 default='x'",
    "alter_column user.name nullable=false",
    "remove_index user.pw_idx",
    "remove_column user.pw",
  ]);
  for (const s of [
    "table:extra",
    "table:user",
    "column:user.pw",
    "index:user.pw_idx",
    "check_constraint:order.ck_order_amount",
  ]) {
    assert.ok(seen.includes(s), `the hook is asked about reflected ${s}: ${seen}`);
  }
  for (const s of ["table:item", "column:address.street", "unique_constraint:address.uq_email"]) {
    assert.ok(!seen.includes(s), `the hook never sees model-only ${s}`);
  }
  assert.ok(!seen.some((s) => s.startsWith("column:extra.")), "the columns of an excluded table are not reflected");
});

// ---- tables / metadata ----

@Entity("z_parent")
class OrdParent {
  @PrimaryGeneratedColumn() id!: number;
}
@Entity("a_child")
class OrdChild {
  @PrimaryGeneratedColumn() id!: number;
  @ManyToOne(() => OrdParent) @JoinColumn({ name: "parent_id" }) parent!: OrdParent;
}

test("§7.2 15 new tables come in FK order, parent before child, whatever their names", async (t) => {
  const env = await scenarioEnv(t);
  if (!env) return;
  const config = env.config([OrdChild, OrdParent]);
  assert.deepEqual(await env.diff(config), ["add_table z_parent", "add_table a_child"]);
  await env.upgradeInSync(config);
});

test("§8 dropped tables come in reverse FK order, child before parent (Alembic: set order), and the downgrade re-creates them", async (t) => {
  const env = await scenarioEnv(t);
  if (!env) return;
  @Entity("keep")
  class Keep {
    @PrimaryGeneratedColumn() id!: number;
  }
  @Entity("m_grandchild")
  class GrandChild {
    @PrimaryGeneratedColumn() id!: number;
    @ManyToOne(() => OrdChild) @JoinColumn({ name: "child_id" }) child!: OrdChild;
  }
  await env.apply([OrdParent, OrdChild, GrandChild, Keep]);
  const config = env.config([Keep]);
  assert.deepEqual(await env.diff(config), [
    "remove_table m_grandchild",
    "remove_table a_child",
    "remove_table z_parent",
  ]);
  const file = await env.upgradeInSync(config);
  await command.downgrade(config, "-1");
  fs.rmSync(file);
  assert.deepEqual(
    await env.diff(env.config([OrdParent, OrdChild, GrandChild, Keep])),
    [],
    "downgrade re-creates the three tables",
  );
});

test("§8 #326: a new FK cycle is split — both tables created, then the FK that closes the cycle", async (t) => {
  const env = await scenarioEnv(t);
  if (!env) return;
  @Entity("cyc_a")
  class CycA {
    @PrimaryGeneratedColumn() id!: number;
    @ManyToOne(() => CycB, { nullable: true }) @JoinColumn({ name: "b_id" }) b!: unknown;
  }
  @Entity("cyc_b")
  class CycB {
    @PrimaryGeneratedColumn() id!: number;
    @ManyToOne(() => CycA, { nullable: true }) @JoinColumn({ name: "a_id" }) a!: unknown;
  }
  const config = env.config([CycA, CycB]);
  const ops = await env.diff(config);
  assert.deepEqual(ops.filter((l) => l.startsWith("add_table")).sort(), ["add_table cyc_a", "add_table cyc_b"]);
  assert.equal(ops.length, 3, `two tables and one cycle-closing FK: ${ops}`);
  assert.match(ops[2]!, /^add_fk (cyc_a\(b_id\)->cyc_b|cyc_b\(a_id\)->cyc_a)\(id\)$/);
  await env.upgradeInSync(config);
  await command.downgrade(config, "base");
  const left = (await env.conn.query(`SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'cyc_%'`)).rows;
  assert.deepEqual(left, [], "downgrade to base drops both");
});

@Entity("a")
class MmA1 {
  @PrimaryColumn() id!: number;
}
@Entity("b1")
class MmB1 {
  @PrimaryColumn() id!: number;
}
@Entity("b2")
class MmB2 {
  @PrimaryColumn() id!: number;
}
@Entity("c1")
class MmC1 {
  @PrimaryColumn() id!: number;
  @Column({ nullable: true }) x!: number;
}
@Entity("a")
class MmA2 {
  @PrimaryColumn() id!: number;
  @Column({ nullable: true }) q!: number;
}
@Entity("c1")
class MmC1b {
  @PrimaryColumn() id!: number;
}
@Entity("c2")
class MmC2 {
  @PrimaryColumn() id!: number;
}

test("§7.2 16 several entity sets: add_table c2, remove_table b2, add_column a.q, remove_column c1.x", async (t) => {
  const env = await scenarioEnv(t);
  if (!env) return;
  await env.apply([MmA1, MmB1, MmB2, MmC1]);
  const config = env.config([MmA2, MmB1, MmC1b, MmC2]);
  assert.deepEqual(await env.diff(config), ["add_table c2", "remove_table b2", "add_column a.q", "remove_column c1.x"]);
  await env.upgradeInSync(config);
});

test("§7.2 18 no entities, empty database: up to date, and no table at all is proposed", async (t) => {
  const env = await scenarioEnv(t);
  if (!env) return;
  const r = await command.check(env.config([]));
  assert.equal(r.upToDate, true);
  assert.deepEqual(describeOps(r.ops.upgradeOps.ops), []);
});

test("§7.2 19 the version table (default or custom name, with its revisions table) and TypeORM's migrations/typeorm_metadata tables never diff", async (t) => {
  const env = await scenarioEnv(t);
  if (!env) return;
  await env.apply([MmB1]);
  await env.conn.query(
    `CREATE TABLE "migrations" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "timestamp" bigint NOT NULL, "name" varchar NOT NULL)`,
  );
  await env.conn.query(
    `CREATE TABLE "typeorm_metadata" ("type" varchar NOT NULL, "database" varchar, "schema" varchar, "table" varchar, "name" varchar, "value" text)`,
  );
  assert.deepEqual(await env.diff(env.config([MmB1])), []);

  const env2 = await scenarioEnv(t);
  if (!env2) return;
  await env2.apply([MmB1], { versionTable: "my_versions" });
  const tables = (
    await env2.conn.query(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`,
    )
  ).rows.map((r) => r.name);
  // The revisions table follows the version table's name, and is never diffed either.
  assert.deepEqual(tables, ["b1", "my_versions", "my_versions_revisions"]);
  assert.deepEqual(await env2.diff(env2.config([MmB1], { versionTable: "my_versions" })), []);
});

test("§7.2 21 a property whose column name differs (TypeORM's `name`, Alembic's `key`) is matched by the column name", async (t) => {
  const env = await scenarioEnv(t);
  if (!env) return;
  @Entity("keyed")
  class Keyed1 {
    @PrimaryGeneratedColumn() id!: number;
    @Column({ name: "some_name", type: "varchar", length: 20 }) someKey!: string;
  }
  @Entity("keyed")
  class Keyed2 {
    @PrimaryGeneratedColumn() id!: number;
    @Column({ name: "some_name", type: "varchar", length: 20 }) someKey!: string;
    @Column({ name: "other_name", type: "integer", nullable: true }) otherKey!: number;
  }
  await env.apply([Keyed1]);
  assert.deepEqual(await env.diff(env.config([Keyed1])), []);
  const config = env.config([Keyed2]);
  assert.deepEqual(await env.diff(config), ["add_column keyed.other_name"]);
  await env.upgradeInSync(config);
});

test("§7.2 26 a composite primary key whose columns are NOT NULL gives no nullable diff", async (t) => {
  const env = await scenarioEnv(t);
  if (!env) return;
  @Entity("person_role")
  class PersonRole {
    @PrimaryColumn() person_id!: number;
    @PrimaryColumn() role_id!: number;
  }
  await env.conn.query(
    `CREATE TABLE "person_role" ("person_id" integer NOT NULL, "role_id" integer NOT NULL, PRIMARY KEY ("person_id", "role_id"))`,
  );
  assert.deepEqual(await env.diff(env.config([PersonRole])), []);
  const env2 = await scenarioEnv(t);
  if (!env2) return;
  await env2.apply([PersonRole]);
  assert.deepEqual(await env2.diff(env2.config([PersonRole])), []);
});

@Entity("pk_ext")
class PkExt1 {
  @PrimaryColumn() a!: number;
  @Column() b!: number;
}
@Entity("pk_ext")
class PkExt2 {
  @PrimaryColumn() a!: number;
  @PrimaryColumn() b!: number;
}

test("§8 #993: a composite primary key extended by a column is detected (Alembic misses it) and the revision runs", async (t) => {
  const env = await scenarioEnv(t);
  if (!env) return;
  await env.apply([PkExt1]);
  await env.conn.query(`INSERT INTO "pk_ext" ("a", "b") VALUES (1, 1), (2, 1)`);
  const config = env.config([PkExt2]);
  assert.deepEqual(await env.diff(config), ["remove_pk pk_ext(a)", "add_pk pk_ext(a,b)"]);
  const file = await env.upgradeInSync(config);
  assert.deepEqual(
    (await env.conn.query(`SELECT "a", "b" FROM "pk_ext" ORDER BY "a"`)).rows.map((r) => ({ ...r })),
    [
      { a: 1, b: 1 },
      { a: 2, b: 1 },
    ],
  );
  await command.downgrade(config, "-1");
  fs.rmSync(file);
  assert.deepEqual(await env.diff(env.config([PkExt1])), [], "downgrade restores the one-column key");
});

test("§8 #1617: a table that gets a primary key column (old key dropped, new column added) is detected", async (t) => {
  const env = await scenarioEnv(t);
  if (!env) return;
  @Entity("pk_move")
  class PkMove1 {
    @PrimaryColumn() code!: string;
    @Column() label!: string;
  }
  @Entity("pk_move")
  class PkMove2 {
    @PrimaryGeneratedColumn() id!: number;
    @Column() code!: string;
    @Column() label!: string;
  }
  await env.apply([PkMove1]);
  const config = env.config([PkMove2]);
  assert.deepEqual(await env.diff(config), ["add_column pk_move.id", "remove_pk pk_move(code)", "add_pk pk_move(id)"]);
  await env.upgradeInSync(config);
});

test("§7.2 28 an FK to a table excluded by include_name is still dropped when the model drops it", async (t) => {
  const env = await scenarioEnv(t);
  if (!env) return;
  @Entity("ph_parent")
  class PhParent {
    @PrimaryGeneratedColumn() id!: number;
  }
  @Entity("ph_child")
  class PhChild1 {
    @PrimaryGeneratedColumn() id!: number;
    @ManyToOne(() => PhParent, { nullable: true }) @JoinColumn({ name: "parent_id" }) p!: PhParent;
  }
  @Entity("ph_child")
  class PhChild2 {
    @PrimaryGeneratedColumn() id!: number;
    @Column({ nullable: true }) parent_id!: number;
  }
  await env.apply([PhParent, PhChild1]);
  const config = env.config([PhChild2], { includeName: (name, type) => type !== "table" || name !== "ph_parent" });
  assert.deepEqual(await env.diff(config), ["remove_fk ph_child(parent_id)->ph_parent(id)"]);
  await env.upgradeInSync(config);
});

test("§7.2 29 a mixed-case FK name from the database is carried exactly by the remove_fk, and the drop runs", async (t) => {
  const env = await scenarioEnv(t);
  if (!env) return;
  await env.conn.query(`CREATE TABLE "parent" ("id" integer PRIMARY KEY NOT NULL)`);
  await env.conn.query(
    `CREATE TABLE "child" ("id" integer PRIMARY KEY NOT NULL, "parent_id" integer, CONSTRAINT "FK_child_parent_id_parent" FOREIGN KEY ("parent_id") REFERENCES "parent" ("id"))`,
  );
  @Entity("parent")
  class Parent {
    @PrimaryColumn() id!: number;
  }
  @Entity("child")
  class Child {
    @PrimaryColumn() id!: number;
    @Column({ nullable: true }) parent_id!: number;
  }
  const config = env.config([Parent, Child]);
  const { ops } = await command.check(config);
  assert.deepEqual(describeOps(ops.upgradeOps.ops), ["remove_fk child(parent_id)->parent(id)"]);
  const drop = flattenOps(ops.upgradeOps.ops)[0] as any;
  assert.equal(drop.constraint.name, "FK_child_parent_id_parent");
  await env.upgradeInSync(config);
});

@Entity("user")
class AddThree1 {
  @PrimaryGeneratedColumn() id!: number;
  @Column() name!: string;
}
@Entity("user")
class AddThree2 {
  @PrimaryGeneratedColumn() id!: number;
  @Column() name!: string;
  @Column({ type: "varchar", length: 50, nullable: true }) username!: string;
  @Column({ type: "varchar", length: 32, nullable: true }) password_hash!: string;
  @Column({ type: "datetime", nullable: true }) timestamp!: Date;
}

test("§7.2 109 no changes: check is up to date and an autogenerated revision has empty bodies that run", async (t) => {
  const env = await scenarioEnv(t);
  if (!env) return;
  await env.apply([AddThree1]);
  const config = env.config([AddThree1]);
  const r = await command.check(config);
  assert.equal(r.upToDate, true);
  assert.deepEqual(r.ops.upgradeOps.ops, []);
  assert.deepEqual(r.ops.downgradeOps.ops, []);
  const file = await env.upgradeInSync(config);
  assert.doesNotMatch(fs.readFileSync(file, "utf8"), /await op\./, "no op calls in an empty revision");
});

test("§4 process_revision_directives: emptying the directives when there are no changes writes no file (cookbook)", async (t) => {
  const env = await scenarioEnv(t);
  if (!env) return;
  await env.apply([AddThree1]);
  const calls: number[] = [];
  const config = env.config([AddThree1], {
    processRevisionDirectives: (_ctx, _rev, directives) => {
      calls.push(directives.length);
      if (directives[0]!.upgradeOps.ops.length === 0) directives.length = 0;
    },
  });
  assert.equal(await command.revision(config, { message: "nothing", autogenerate: true }), null);
  assert.deepEqual(calls, [1]);
  assert.equal(
    fs.readdirSync(`${env.scriptLocation}/versions`).filter((f) => f.endsWith(".ts")).length,
    1,
    "only the state revision exists",
  );
  const changed = env.config([AddThree2], { processRevisionDirectives: config.processRevisionDirectives! });
  assert.ok(
    await command.revision(changed, { message: "something", autogenerate: true }),
    "a non-empty diff still writes its file",
  );
});

test("§7.2 2/65 a database-only table (no entity, hand-written DDL with FK, unique and check) is one remove_table whose downgrade recreates it", async (t) => {
  const env = await scenarioEnv(t);
  if (!env) return;
  @Entity("owner")
  class Owner {
    @PrimaryGeneratedColumn() id!: number;
  }
  await env.apply([Owner]);
  await env.conn.query(
    `CREATE TABLE "legacy" ("id" integer PRIMARY KEY NOT NULL, "y" varchar(10), "owner_id" integer, CONSTRAINT "uq_y" UNIQUE ("y"), CONSTRAINT "ck_legacy_y" CHECK (length("y") > 1), CONSTRAINT "fk_legacy_owner" FOREIGN KEY ("owner_id") REFERENCES "owner" ("id"))`,
  );
  await env.conn.query(`CREATE INDEX "ix_legacy_owner" ON "legacy" ("owner_id")`);
  const config = env.config([Owner]);
  const r = await command.check(config);
  assert.deepEqual(
    describeOps(r.ops.upgradeOps.ops),
    ["remove_table legacy"],
    "UQ/CHECK/FK/index inline: a single op (Alembic 62/65/71/100)",
  );
  const dropped = (r.ops.upgradeOps.ops as any[])[0].table;
  assert.deepEqual(
    dropped.uniques.map((u: any) => u.columns),
    [["y"]],
  );
  assert.deepEqual(
    dropped.checks.map((c: any) => c.name),
    ["ck_legacy_y"],
  );
  assert.deepEqual(
    dropped.foreignKeys.map((f: any) => f.refTable),
    ["owner"],
  );
  assert.deepEqual(
    dropped.indexes.map((i: any) => i.name),
    ["ix_legacy_owner"],
  );
  const before = (
    await env.conn.query(
      `SELECT type, name FROM sqlite_master WHERE tbl_name = 'legacy' AND name NOT LIKE 'sqlite_autoindex%' ORDER BY name`,
    )
  ).rows.map((x) => ({ ...x }));
  const file = await env.upgradeInSync(config);
  await command.downgrade(config, "-1");
  const after = (
    await env.conn.query(
      `SELECT type, name FROM sqlite_master WHERE tbl_name = 'legacy' AND name NOT LIKE 'sqlite_autoindex%' ORDER BY name`,
    )
  ).rows.map((x) => ({ ...x }));
  assert.deepEqual(after, before, `downgrade recreates legacy and its index\n${fs.readFileSync(file, "utf8")}`);
  fs.rmSync(file);
  const back = await command.check(config);
  assert.deepEqual(describeOps(back.ops.upgradeOps.ops), ["remove_table legacy"]);
  const again = (back.ops.upgradeOps.ops as any[])[0].table;
  assert.deepEqual(
    {
      uniques: again.uniques.map((u: any) => u.columns),
      checks: again.checks.map((c: any) => c.name),
      fks: again.foreignKeys.map((f: any) => f.refTable),
    },
    { uniques: [["y"]], checks: ["ck_legacy_y"], fks: ["owner"] },
    "the recreated table has its unique, check and FK back",
  );
});

test("§7.2 3/5 a new NOT NULL FK column on a table with rows: add_column then add_fk, and the batch keeps the rows", async (t) => {
  const env = await scenarioEnv(t);
  if (!env) return;
  @Entity("team")
  class Team {
    @PrimaryGeneratedColumn() id!: number;
  }
  @Entity("member")
  class Member1 {
    @PrimaryGeneratedColumn() id!: number;
    @Column() name!: string;
  }
  @Entity("member")
  @Unique("uq_member_name", ["name"])
  class Member2 {
    @PrimaryGeneratedColumn() id!: number;
    @Column() name!: string;
    @ManyToOne(() => Team, { nullable: true, onDelete: "SET NULL" }) @JoinColumn({ name: "team_id" }) team!: Team;
  }
  await env.apply([Team, Member1]);
  await env.conn.query(`INSERT INTO "member" ("id", "name") VALUES (1, 'a'), (2, 'b')`);
  const config = env.config([Team, Member2]);
  assert.deepEqual(await env.diff(config), [
    "add_column member.team_id",
    "add_unique member.uq_member_name(name)",
    "add_fk member(team_id)->team(id) onDelete=SET NULL",
  ]);
  await env.upgradeInSync(config);
  assert.deepEqual(
    (await env.conn.query(`SELECT "id", "name", "team_id" FROM "member" ORDER BY "id"`)).rows.map((r) => ({ ...r })),
    [
      { id: 1, name: "a", team_id: null },
      { id: 2, name: "b", team_id: null },
    ],
  );
});

test("§8 #902: on one table, the FK drop comes before the drop of an index on the same column", async (t) => {
  const env = await scenarioEnv(t);
  if (!env) return;
  @Entity("grp")
  class Grp {
    @PrimaryGeneratedColumn() id!: number;
  }
  @Entity("acct")
  class Acct1 {
    @PrimaryGeneratedColumn() id!: number;
    @Index("ix_acct_grp") @ManyToOne(() => Grp, { nullable: true }) @JoinColumn({ name: "grp_id" }) grp!: Grp;
  }
  @Entity("acct")
  class Acct2 {
    @PrimaryGeneratedColumn() id!: number;
    @Column({ nullable: true }) grp_id!: number;
  }
  await env.apply([Grp, Acct1]);
  const config = env.config([Grp, Acct2]);
  assert.deepEqual(await env.diff(config), ["remove_fk acct(grp_id)->grp(id)", "remove_index acct.ix_acct_grp"]);
  await env.upgradeInSync(config);
});

test("§7.2 19 the version table declared as an entity in the model still never diffs", async (t) => {
  const env = await scenarioEnv(t);
  if (!env) return;
  @Entity("autogen_version")
  class Ver {
    @PrimaryColumn({ type: "varchar", length: 32 }) version_num!: string;
  }
  await env.apply([MmB1]);
  assert.deepEqual(await env.diff(env.config([MmB1, Ver])), []);
});

test("§7.2 24 include_name excluding an existing table the model has: it is not reflected, so it looks new (add_table)", async (t) => {
  const env = await scenarioEnv(t);
  if (!env) return;
  await env.apply([MmB1, MmB2]);
  assert.deepEqual(
    await env.diff(env.config([MmB1, MmB2], { includeName: (name, type) => !(type === "table" && name === "b2") })),
    ["add_table b2"],
  );
  assert.deepEqual(
    await env.diff(env.config([MmB1], { includeName: (name, type) => !(type === "table" && name === "b2") })),
    [],
    "nor is it dropped",
  );
});

test("§8 dropped tables in an FK cycle: the closing FK is dropped first, then the tables child-first, and it runs", async (t) => {
  const env = await scenarioEnv(t);
  if (!env) return;
  @Entity("cyc_a")
  class CycA {
    @PrimaryGeneratedColumn() id!: number;
    @ManyToOne(() => CycB, { nullable: true }) @JoinColumn({ name: "b_id" }) b!: unknown;
  }
  @Entity("cyc_b")
  class CycB {
    @PrimaryGeneratedColumn() id!: number;
    @ManyToOne(() => CycA, { nullable: true }) @JoinColumn({ name: "a_id" }) a!: unknown;
  }
  await env.apply([CycA, CycB, MmB1]);
  const config = env.config([MmB1]);
  assert.deepEqual(await env.diff(config), [
    "remove_fk cyc_b(a_id)->cyc_a(id)",
    "remove_table cyc_a",
    "remove_table cyc_b",
  ]);
  const file = await env.upgradeInSync(config);
  await command.downgrade(config, "-1");
  fs.rmSync(file);
  assert.deepEqual(await env.diff(env.config([CycA, CycB, MmB1])), [], "downgrade re-creates both tables and both FKs");
});

test("§8 an existing table's FK to a dropped table is dropped before the table (Alembic emits the drop_table first)", async (t) => {
  const env = await scenarioEnv(t);
  if (!env) return;
  @Entity("vendor")
  class Vendor {
    @PrimaryGeneratedColumn() id!: number;
  }
  @Entity("product")
  class Product1 {
    @PrimaryGeneratedColumn() id!: number;
    @Column({ nullable: true }) vendor_id!: number;
    @ManyToOne(() => Vendor, { nullable: true }) @JoinColumn({ name: "vendor_id" }) v!: Vendor;
  }
  @Entity("product")
  class Product2 {
    @PrimaryGeneratedColumn() id!: number;
    @Column({ nullable: true }) vendor_id!: number;
  }
  await env.apply([Vendor, Product1]);
  const config = env.config([Product2]);
  assert.deepEqual(await env.diff(config), ["remove_fk product(vendor_id)->vendor(id)", "remove_table vendor"]);
  await env.upgradeInSync(config);
});

@Entity("ref")
class WRef {
  @PrimaryGeneratedColumn() id!: number;
}
@Entity("w")
@Index("ix_w_old", ["a"])
@Check("ck_w_old", `"a" > 0`)
class W1 {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ nullable: true }) a!: number;
  @Column({ nullable: true }) ref_id!: number;
  @ManyToOne(() => WRef, { nullable: true })
  @JoinColumn({ name: "ref_id", foreignKeyConstraintName: "fk_w_ref" })
  r!: WRef;
  @Column({ nullable: true }) gone!: number;
}
@Entity("w")
@Index("ix_w_new", ["new_col"])
@Check("ck_w_new", `"a" > 1`)
class W2 {
  @PrimaryGeneratedColumn() id!: number;
  @Column() a!: number;
  @Column({ nullable: true }) ref_id!: number;
  @Column({ nullable: true }) new_col!: number;
  @ManyToOne(() => WRef, { nullable: true })
  @JoinColumn({ name: "new_col", foreignKeyConstraintName: "fk_w_new" })
  r!: WRef;
}

test("§3.6 one table with every kind of change: add col → alter → drop FK → drop index → add index → add FK → drop check → add check → drop col", async (t) => {
  const env = await scenarioEnv(t);
  if (!env) return;
  await env.apply([WRef, W1]);
  await env.conn.query(`INSERT INTO "ref" ("id") VALUES (1)`);
  await env.conn.query(`INSERT INTO "w" ("id", "a", "ref_id", "gone") VALUES (1, 5, 1, 9)`);
  const config = env.config([WRef, W2]);
  assert.deepEqual(await env.diff(config), [
    "add_column w.new_col",
    "alter_column w.a nullable=false",
    "remove_fk w(ref_id)->ref(id)",
    "remove_index w.ix_w_old",
    "add_index w.ix_w_new(new_col)",
    "add_fk w(new_col)->ref(id)",
    "remove_check w.ck_w_old",
    "add_check w.ck_w_new",
    "remove_column w.gone",
  ]);
  const file = await env.upgradeInSync(config);
  assert.deepEqual(
    (await env.conn.query(`SELECT "id", "a", "ref_id", "new_col" FROM "w"`)).rows.map((r) => ({ ...r })),
    [{ id: 1, a: 5, ref_id: 1, new_col: null }],
  );
  await command.downgrade(config, "-1");
  fs.rmSync(file);
  assert.deepEqual(
    await env.diff(env.config([WRef, W1])),
    [],
    "the downgrade (reverse order, each op reversed) restores the table",
  );
  assert.deepEqual(
    (await env.conn.query(`SELECT "id", "a", "ref_id" FROM "w"`)).rows.map((r) => ({ ...r })),
    [{ id: 1, a: 5, ref_id: 1 }],
  );
});
