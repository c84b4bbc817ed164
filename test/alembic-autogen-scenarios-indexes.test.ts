/**
 * Alembic's autogenerate scenario catalog (Alembic's tests/test_autogen_*.py and alembic/testing/suite/test_autogen_*.py) on real SQLite — part 3: indexes
 * and unique constraints (items 53–79, T/test_autogen_indexes.py), with TypeORM entities and,
 * where entities cannot say it (unnamed UNIQUE, DESC or expression index), hand-written DDL.
 */
import "reflect-metadata";
import assert from "node:assert/strict";
import fs from "node:fs";
import { test } from "node:test";
import { Column, Entity, Index, Unique } from "typeorm";
import { entities, pk } from "./helpers/entity-builder";
import { command } from "autogen";
import type { Index as CoreIndex, UniqueConstraint } from "@autogen/core";
import { describeOps, scenarioEnv } from "./helpers/autogen-scenario";

test("an index flag becomes a named unique constraint: remove_index, then add_unique (ported from Alembic tests/test_autogen_indexes.py)", async (t) => {
  const env = await scenarioEnv(t);
  if (!env) return;
  const { U1, U2 } = entities({
    U1: [Entity("user"), { id: pk(), name: [String, Index("ix_user_name"), Column({ type: "varchar", length: 50 })] }],
    U2: [
      Entity("user"),
      Unique("uq_user_name", ["name"]),
      { id: pk(), name: [String, Column({ type: "varchar", length: 50 })] },
    ],
  });
  await env.apply([U1]);
  await env.conn.query(`INSERT INTO "user" ("name") VALUES ('a'), ('b')`);
  const config = env.config([U2]);
  assert.deepEqual(await env.diff(config), ["remove_index user.ix_user_name", "add_unique user.uq_user_name(name)"]);
  await env.upgradeInSync(config);
  await assert.rejects(
    () => env.conn.query(`INSERT INTO "user" ("name") VALUES ('a')`),
    /UNIQUE/,
    "the unique constraint is enforced",
  );
});

test("a new named unique constraint next to an untouched index: only add_unique (ported from Alembic tests/test_autogen_indexes.py)", async (t) => {
  const env = await scenarioEnv(t);
  if (!env) return;
  const { A1, A2 } = entities({
    A1: [Entity("address"), { id: pk(), email_address: [String, Column()], qpr: [String, Index("ix_qpr"), Column()] }],
    A2: [
      Entity("address"),
      Unique("uq_email_address", ["email_address"]),
      { id: pk(), email_address: [String, Column()], qpr: [String, Index("ix_qpr"), Column()] },
    ],
  });
  await env.apply([A1]);
  const config = env.config([A2]);
  assert.deepEqual(await env.diff(config), ["add_unique address.uq_email_address(email_address)"]);
  await env.upgradeInSync(config);
});

const { UniqIdx } = entities({
  UniqIdx: [Entity("t"), Index("x", ["x"], { unique: true }), { id: pk(), x: [Number, Column()] }],
});

test("the same unique index on both sides: no diff (ported from Alembic tests/test_autogen_indexes.py)", async (t) => {
  const env = await scenarioEnv(t);
  if (!env) return;
  await env.apply([UniqIdx]);
  assert.deepEqual(await env.diff(env.config([UniqIdx])), []);
});

test("a non-unique index that becomes unique: remove_index then add_index unique (ported from Alembic tests/test_autogen_indexes.py)", async (t) => {
  const env = await scenarioEnv(t);
  if (!env) return;
  const { O1, O2 } = entities({
    O1: [
      Entity("order"),
      Index("order_user_id_amount_idx", ["user_id", "amount"]),
      { id: pk(), user_id: [Number, Column()], amount: [Number, Column()] },
    ],
    O2: [
      Entity("order"),
      Index("order_user_id_amount_idx", ["user_id", "amount"], { unique: true }),
      { id: pk(), user_id: [Number, Column()], amount: [Number, Column()] },
    ],
  });
  await env.apply([O1]);
  const config = env.config([O2]);
  assert.deepEqual(await env.diff(config), [
    "remove_index order.order_user_id_amount_idx",
    "add_index order.order_user_id_amount_idx(user_id,amount) unique",
  ]);
  await env.upgradeInSync(config);
});

const { UniqueCol } = entities({
  UniqueCol: [Entity("t"), { id: pk(), x: [Number, Column({ unique: true })] }],
});

test("an unnamed UNIQUE in the database (SQLite keeps no name) matches the model's unique column by column set (ported from Alembic tests/test_autogen_indexes.py)", async (t) => {
  const env = await scenarioEnv(t);
  if (!env) return;
  await env.conn.query(
    `CREATE TABLE "t" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "x" integer NOT NULL, UNIQUE ("x"))`,
  );
  assert.deepEqual(await env.diff(env.config([UniqueCol])), []);
});

test("a named unique constraint that gains a column: remove_unique then add_unique, same name (ported from Alembic tests/test_autogen_indexes.py)", async (t) => {
  const env = await scenarioEnv(t);
  if (!env) return;
  const { T1, T2 } = entities({
    T1: [Entity("t"), Unique("nochange", ["x"]), { id: pk(), x: [Number, Column()], y: [Number, Column()] }],
    T2: [Entity("t"), Unique("nochange", ["x", "y"]), { id: pk(), x: [Number, Column()], y: [Number, Column()] }],
  });
  await env.apply([T1]);
  const config = env.config([T2]);
  assert.deepEqual(await env.diff(config), ["remove_unique t.nochange(x)", "add_unique t.nochange(x,y)"]);
  await env.upgradeInSync(config);
});

test("unique + index on one column, and two composite uniques listed in any order: no diff (ported from Alembic tests/test_autogen_indexes.py)", async (t) => {
  const env = await scenarioEnv(t);
  if (!env) return;
  const { T1, T2 } = entities({
    T1: [
      Entity("t"),
      Unique("uq_sid_label", ["sid", "label"]),
      Unique("uq_sid_fid", ["sid", "fid"]),
      {
        id: pk(),
        x: [Number, Index("ix_t_x"), Column({ unique: true })],
        sid: [Number, Column()],
        label: [String, Column()],
        fid: [Number, Column()],
      },
    ],
    T2: [
      Entity("t"),
      Unique("uq_sid_fid", ["sid", "fid"]),
      Unique("uq_sid_label", ["sid", "label"]),
      {
        id: pk(),
        x: [Number, Index("ix_t_x"), Column({ unique: true })],
        sid: [Number, Column()],
        label: [String, Column()],
        fid: [Number, Column()],
      },
    ],
  });
  await env.apply([T1]);
  assert.deepEqual(await env.diff(env.config([T1])), []);
  assert.deepEqual(await env.diff(env.config([T2])), []);
});

test("two unnamed uniques in the database, the model keeps one: exactly one removal (ported from Alembic tests/test_autogen_indexes.py)", async (t) => {
  const env = await scenarioEnv(t);
  if (!env) return;
  await env.conn.query(
    `CREATE TABLE "t" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "x" integer NOT NULL, "y" integer NOT NULL, UNIQUE ("x"), UNIQUE ("y"))`,
  );
  const { T } = entities({
    T: [Entity("t"), { id: pk(), x: [Number, Column({ unique: true })], y: [Number, Column()] }],
  });
  assert.deepEqual(await env.diff(env.config([T])), ["remove_unique t.null(y)"]);
});

test("a unique constraint renamed only by case: remove first, then add (ported from Alembic tests/test_autogen_indexes.py)", async (t) => {
  const env = await scenarioEnv(t);
  if (!env) return;
  const { T1, T2 } = entities({
    T1: [Entity("t"), Unique("SomeCasingConvention", ["x"]), { id: pk(), x: [Number, Column()] }],
    T2: [Entity("t"), Unique("somecasingconvention", ["x"]), { id: pk(), x: [Number, Column()] }],
  });
  await env.apply([T1]);
  const config = env.config([T2]);
  assert.deepEqual(await env.diff(config), [
    "remove_unique t.SomeCasingConvention(x)",
    "add_unique t.somecasingconvention(x)",
  ]);
  await env.upgradeInSync(config);
});

test("an unnamed unique (x) that becomes (x, y): remove the reflected one, add the model's (ported from Alembic tests/test_autogen_indexes.py)", async (t) => {
  const env = await scenarioEnv(t);
  if (!env) return;
  await env.conn.query(
    `CREATE TABLE "t" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "x" integer NOT NULL, "y" integer NOT NULL, UNIQUE ("x"))`,
  );
  const { T } = entities({
    T: [Entity("t"), Unique(["x", "y"]), { id: pk(), x: [Number, Column()], y: [Number, Column()] }],
  });
  const config = env.config([T]);
  const ops = await env.diff(config);
  assert.equal(ops.length, 2, `${ops}`);
  assert.equal(ops[0], "remove_unique t.null(x)");
  assert.match(ops[1]!, /^add_unique t\.UQ_[0-9a-f]+\(x,y\)$/);
});

test("a removed unique index is remove_index; a removed unique constraint of the same name is remove_unique (ported from Alembic tests/test_autogen_indexes.py)", async (t) => {
  const env = await scenarioEnv(t);
  if (!env) return;
  const { T1, T1u, T2 } = entities({
    T1: [Entity("t"), Index("xidx", ["x"], { unique: true }), { id: pk(), x: [Number, Column()] }],
    T1u: [Entity("t"), Unique("xidx", ["x"]), { id: pk(), x: [Number, Column()] }],
    T2: [Entity("t"), { id: pk(), x: [Number, Column()] }],
  });
  await env.apply([T1]);
  assert.deepEqual(await env.diff(env.config([T2])), ["remove_index t.xidx"]);
  assert.deepEqual(
    await env.diff(env.config([T1u])),
    ["remove_index t.xidx", "add_unique t.xidx(x)"],
    "a unique index and a unique constraint of one name are different objects",
  );
  await env.upgradeInSync(env.config([T1u]));
  assert.deepEqual(await env.diff(env.config([T2])), ["remove_unique t.xidx(x)"]);
  await env.upgradeInSync(env.config([T2]));
});

test("a new table with a unique column: one add_table with the unique inline (ported from Alembic tests/test_autogen_indexes.py)", async (t) => {
  const env = await scenarioEnv(t);
  if (!env) return;
  const config = env.config([UniqueCol]);
  const r = await command.check(config);
  assert.deepEqual(describeOps(r.ops.upgradeOps.ops), ["add_table t"]);
  const table = (r.ops.upgradeOps.ops[0] as unknown as { table: { uniques: UniqueConstraint[] } }).table;
  assert.deepEqual(
    table.uniques.map((u) => u.columns),
    [["x"]],
  );
  assert.deepEqual(describeOps(r.ops.downgradeOps.ops), ["remove_table t"]);
  await env.upgradeInSync(config);
});

test("a new table with a unique index and plain indexes: the indexes travel with the table and are created (ported from Alembic tests/test_autogen_indexes.py)", async (t) => {
  const env = await scenarioEnv(t);
  if (!env) return;
  const { Extra } = entities({
    Extra: [
      Entity("extra"),
      Index("newtable_idx", ["bar"]),
      {
        id: pk(),
        foo: [String, Index("ix_extra_foo"), Column()],
        bar: [String, Column()],
        u: [String, Index("ix_extra_u", { unique: true }), Column()],
      },
    ],
  });
  const config = env.config([Extra]);
  const r = await command.check(config);
  assert.deepEqual(
    describeOps(r.ops.upgradeOps.ops),
    ["add_table extra"],
    "the indexes travel inside the CreateTableOp (Alembic: separate add_index ops after it)",
  );
  const inline = (r.ops.upgradeOps.ops[0] as unknown as { table: { indexes: CoreIndex[] } }).table.indexes.map(
    (i) => `${i.name}${i.unique ? " unique" : ""}`,
  );
  assert.deepEqual(inline, ["ix_extra_foo", "ix_extra_u unique", "newtable_idx"]);
  await env.upgradeInSync(config);
  const idx = (
    await env.conn.query(
      `SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'extra' AND sql IS NOT NULL ORDER BY name`,
    )
  ).rows.map((x) => x.name);
  assert.deepEqual(idx, ["ix_extra_foo", "ix_extra_u", "newtable_idx"]);
});

test("plain, mixed-case, very long and column-named indexes unchanged: no diff (ported from Alembic tests/test_autogen_indexes.py)", async (t) => {
  const env = await scenarioEnv(t);
  if (!env) return;
  const long = "idx_q_table_this_is_more_than_thirty_characters_and_then_some_more_to_be_sure";
  const { T } = entities({
    T: [
      Entity("t"),
      Index("SomeMixedCase", ["a"]),
      Index(long, ["b"]),
      Index("c", ["c"]),
      Index("ix_ab", ["a", "b"]),
      {
        id: pk(),
        plain: [Number, Index(), Column()],
        a: [Number, Column()],
        b: [Number, Column()],
        c: [Number, Column()],
      },
    ],
  });
  await env.apply([T]);
  assert.deepEqual(await env.diff(env.config([T])), []);
});

test("an index renamed only by case: remove_index then add_index (ported from Alembic tests/test_autogen_indexes.py)", async (t) => {
  const env = await scenarioEnv(t);
  if (!env) return;
  const { T1, T2 } = entities({
    T1: [Entity("t"), Index("SomeCasingConvention", ["x"]), { id: pk(), x: [Number, Column()] }],
    T2: [Entity("t"), Index("somecasingconvention", ["x"]), { id: pk(), x: [Number, Column()] }],
  });
  await env.apply([T1]);
  const config = env.config([T2]);
  assert.deepEqual(await env.diff(config), [
    "remove_index t.SomeCasingConvention",
    "add_index t.somecasingconvention(x)",
  ]);
  await env.upgradeInSync(config);
});

test("an index named like its column: add_index, then remove_index (ported from Alembic tests/test_autogen_indexes.py)", async (t) => {
  const env = await scenarioEnv(t);
  if (!env) return;
  const { T1, T2 } = entities({
    T1: [Entity("t"), { id: pk(), x: [Number, Column()] }],
    T2: [Entity("t"), Index("x", ["x"]), { id: pk(), x: [Number, Column()] }],
  });
  await env.apply([T1]);
  assert.deepEqual(await env.diff(env.config([T2])), ["add_index t.x(x)"]);
  await env.upgradeInSync(env.config([T2]));
  assert.deepEqual(await env.diff(env.config([T1])), ["remove_index t.x"]);
  await env.upgradeInSync(env.config([T1]));
});

test("a DESC index in the database vs an ascending one in the model: remove_index then add_index (ported from Alembic tests/test_autogen_indexes.py)", async (t) => {
  const env = await scenarioEnv(t);
  if (!env) return;
  const { T } = entities({
    T: [Entity("t"), Index("ix_x", ["x"]), { id: pk(), x: [Number, Column()] }],
  });
  await env.conn.query(`CREATE TABLE "t" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "x" integer NOT NULL)`);
  await env.conn.query(`CREATE INDEX "ix_x" ON "t" ("x" DESC)`);
  const r = await command.check(env.config([T]));
  assert.deepEqual(describeOps(r.ops.upgradeOps.ops), ["remove_index t.ix_x", "add_index t.ix_x(x)"]);
  const dropped = (r.ops.upgradeOps.ops as any[]).flatMap((o) => o.ops ?? [o]).flatMap((o: any) => o.ops ?? [o])[0];
  assert.equal(dropped.index.elements[0].descending, true, "the reflected index is DESC");
  await env.upgradeInSync(env.config([T]));
});

test("index column order (x, y) -> (y, x): remove_index then add_index (ported from Alembic tests/test_autogen_indexes.py)", async (t) => {
  const env = await scenarioEnv(t);
  if (!env) return;
  const { T1, T2 } = entities({
    T1: [Entity("t"), Index("ix_xy", ["x", "y"]), { id: pk(), x: [Number, Column()], y: [Number, Column()] }],
    T2: [Entity("t"), Index("ix_xy", ["y", "x"]), { id: pk(), x: [Number, Column()], y: [Number, Column()] }],
  });
  await env.apply([T1]);
  const config = env.config([T2]);
  assert.deepEqual(await env.diff(config), ["remove_index t.ix_xy", "add_index t.ix_xy(y,x)"]);
  await env.upgradeInSync(config);
});

test("a database-only expression index is removed, and the downgrade re-creates it with its expression (ported from Alembic tests/test_autogen_indexes.py)", async (t) => {
  const env = await scenarioEnv(t);
  if (!env) return;
  const { T } = entities({
    T: [Entity("t"), { id: pk(), x: [String, Column()], y: [Number, Column()] }],
  });
  await env.apply([T]);
  await env.conn.query(`CREATE INDEX "SomeIndex" ON "t" ("y", lower("x"))`);
  const config = env.config([T]);
  const r = await command.check(config);
  assert.deepEqual(describeOps(r.ops.upgradeOps.ops), ["remove_index t.SomeIndex"]);
  const file = await env.upgradeInSync(config);
  await command.downgrade(config, "-1");
  const sql = (await env.conn.query(`SELECT sql FROM sqlite_master WHERE name = 'SomeIndex'`)).rows[0]?.sql as
    string | undefined;
  assert.ok(sql, `the downgrade re-creates SomeIndex\n${fs.readFileSync(file, "utf8")}`);
  assert.match(sql, /lower\("x"\)/i);
});

// 77: include hooks on indexes and uniques

const { Ix12, Ix0, Ix12b, Uq12 } = entities({
  Ix12: [
    Entity("t"),
    Index("ix1", ["x"]),
    Index("ix2", ["y"]),
    { id: pk(), x: [Number, Column()], y: [Number, Column()] },
  ],
  Ix0: [Entity("t"), { id: pk(), x: [Number, Column()], y: [Number, Column()] }],
  Ix12b: [
    Entity("t"),
    Index("ix1", ["x", "y"]),
    Index("ix2", ["y", "x"]),
    { id: pk(), x: [Number, Column()], y: [Number, Column()] },
  ],
  Uq12: [
    Entity("t"),
    Unique("uq1", ["x"]),
    Unique("uq2", ["y"]),
    { id: pk(), x: [Number, Column()], y: [Number, Column()] },
  ],
});

test("include hooks: a reflected index excluded by name or by object is not removed (ported from Alembic tests/test_autogen_indexes.py)", async (t) => {
  const env = await scenarioEnv(t);
  if (!env) return;
  await env.apply([Ix12]);
  const byName = env.config([Ix0], { includeName: (name, type) => !(type === "index" && name === "ix1") });
  assert.deepEqual(await env.diff(byName), ["remove_index t.ix2"]);
  const byObject = env.config([Ix0], {
    includeObject: (obj, name, type, reflected) =>
      !(type === "index" && reflected && name === "ix1" && (obj as CoreIndex).kind === "Index"),
  });
  assert.deepEqual(await env.diff(byObject), ["remove_index t.ix2"]);
  await env.upgradeInSync(byObject);
  const left = (
    await env.conn.query(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 't' AND sql IS NOT NULL`)
  ).rows.map((r) => r.name);
  assert.deepEqual(left, ["ix1"], "the excluded index is left alone by the batch recreate");
});

test("include hooks: a reflected unique excluded is not removed (ported from Alembic tests/test_autogen_indexes.py)", async (t) => {
  const env = await scenarioEnv(t);
  if (!env) return;
  await env.apply([Uq12]);
  const config = env.config([Ix0], {
    includeObject: (_o, name, type) => !(type === "unique_constraint" && name === "uq1"),
  });
  assert.deepEqual(await env.diff(config), ["remove_unique t.uq2(y)"]);
  assert.deepEqual(
    await env.diff(
      env.config([Ix0], { includeName: (name, type) => !(type === "unique_constraint" && name === "uq1") }),
    ),
    ["remove_unique t.uq2(y)"],
  );
});

test("include hooks: a model index excluded is not added (ported from Alembic tests/test_autogen_indexes.py)", async (t) => {
  const env = await scenarioEnv(t);
  if (!env) return;
  await env.apply([Ix0]);
  const config = env.config([Ix12], {
    includeObject: (_o, name, type, reflected) => !(type === "index" && !reflected && name === "ix1"),
  });
  assert.deepEqual(await env.diff(config), ["add_index t.ix2(y)"]);
});

test("include hooks: changed ix1/ix2 with the hook excluding ix1 via compareTo: only ix2 is re-created (ported from Alembic tests/test_autogen_indexes.py)", async (t) => {
  const env = await scenarioEnv(t);
  if (!env) return;
  await env.apply([Ix12]);
  const config = env.config([Ix12b], {
    includeObject: (_o, _name, type, _reflected, compareTo) =>
      !(type === "index" && compareTo !== null && (compareTo as CoreIndex).name === "ix1"),
  });
  assert.deepEqual(await env.diff(config), ["remove_index t.ix2", "add_index t.ix2(y,x)"]);
});

test("a new column and its new index on an existing table: add_column before add_index (Alembic's op ordering, autogenerate/compare.py)", async (t) => {
  const env = await scenarioEnv(t);
  if (!env) return;
  const { T1, T2 } = entities({
    T1: [Entity("t"), { id: pk() }],
    T2: [Entity("t"), { id: pk(), z: [Number, Index("ix_t_z"), Column({ nullable: true })] }],
  });
  await env.apply([T1]);
  const config = env.config([T2]);
  assert.deepEqual(await env.diff(config), ["add_column t.z", "add_index t.ix_t_z(z)"]);
  await env.upgradeInSync(config);
});
