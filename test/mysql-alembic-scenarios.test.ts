/**
 * Alembic's autogenerate scenarios (Alembic's tests/test_autogen_*.py and alembic/testing/suite/test_autogen_*.py) that are about MySQL, or that MySQL does
 * differently, on a real MariaDB/MySQL database: each test sets the database state (an
 * autogenerate + upgrade from "before" entities, or hand-written DDL), compares the "after"
 * entities, asserts the exact ordered ops (Alembic's diff names), and, where the change can
 * run, upgrades and checks that the model is then in sync. Where autogen deliberately answers
 * differently from Alembic, the test says why.
 */
import "reflect-metadata";
import assert from "node:assert/strict";
import fs from "node:fs";
import { test } from "node:test";
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, Unique } from "typeorm";
import { entities, pk } from "./helpers/entity-builder";
import { describeOps, scenarioEnv } from "./helpers/autogen-scenario";

const FK = /FK_[0-9a-f]{27}/g;
const named = (ops: string[]) => ops.map((o) => o.replace(FK, "FK_*"));

// 38. MySQL charset and collation, and integer display width.
const { T38Latin, T38Utf8, T38Bin, T38LatinBin, T38Plain } = entities({
  T38Latin: [Entity("t38"), { id: pk(), name: [String, Column({ length: 200, charset: "latin1" })] }],
  T38Utf8: [Entity("t38"), { id: pk(), name: [String, Column({ length: 200, charset: "utf8mb3" })] }],
  T38Bin: [Entity("t38"), { id: pk(), name: [String, Column({ length: 200, collation: "utf8mb4_bin" })] }],
  T38LatinBin: [Entity("t38"), { id: pk(), name: [String, Column({ length: 200, collation: "latin1_bin" })] }],
  T38Plain: [Entity("t38"), { id: pk(), name: [String, Column({ length: 200 })] }],
});

test("38 MySQL: charset latin1 -> utf8 is a change, the column is converted", async (t) => {
  const env = await scenarioEnv(t, "mysql");
  if (!env) return;
  await env.apply([T38Latin]);
  await env.conn.query("INSERT INTO t38 (name) VALUES ('café')");
  assert.deepEqual(await env.diff(env.config([T38Utf8])), ["alter_column t38.name charset=utf8mb3"]);
  await env.upgradeInSync(env.config([T38Utf8]));
  assert.deepEqual((await env.conn.query("SELECT name FROM t38")).rows, [{ name: "café" }]);
});

test("38 MySQL: collation utf8mb4_bin -> latin1_bin is a change; -> none is a change back to the table's", async (t) => {
  const env = await scenarioEnv(t, "mysql");
  if (!env) return;
  await env.apply([T38Bin]);
  assert.deepEqual(await env.diff(env.config([T38LatinBin])), ["alter_column t38.name collation=latin1_bin"]);
  // Alembic reports nothing here (a model without a collation "does not care"); in TypeORM a
  // column without one takes its table's, which is what MODIFY COLUMN without COLLATE gives.
  assert.deepEqual(await env.diff(env.config([T38Plain])), ["alter_column t38.name collation=null"]);
  await env.upgradeInSync(env.config([T38Plain]));
});

test("38 MySQL: int(10) unsigned in the database and int unsigned in the model are the same", async (t) => {
  const env = await scenarioEnv(t, "mysql");
  if (!env) return;
  await env.conn.query(
    "CREATE TABLE t38w (id int(10) unsigned NOT NULL AUTO_INCREMENT PRIMARY KEY, n int(4) unsigned NOT NULL)",
  );
  const { T38W } = entities({
    T38W: [
      Entity("t38w"),
      {
        id: [Number, PrimaryGeneratedColumn({ type: "int", unsigned: true })],
        n: [Number, Column({ type: "int", unsigned: true })],
      },
    ],
  });
  assert.deepEqual(await env.diff(env.config([T38W])), []);
});

// 42. MySQL native ENUM.
const { T42Abc, T42Abcd, T42Cba } = entities({
  T42Abc: [Entity("t42"), { id: pk(), v: [String, Column({ type: "enum", enum: ["A", "B", "C"] })] }],
  T42Abcd: [Entity("t42"), { id: pk(), v: [String, Column({ type: "enum", enum: ["A", "B", "C", "D"] })] }],
  T42Cba: [Entity("t42"), { id: pk(), v: [String, Column({ type: "enum", enum: ["C", "B", "A"] })] }],
});

test("42 MySQL: an enum value added is a change, and so is one removed", async (t) => {
  const env = await scenarioEnv(t, "mysql");
  if (!env) return;
  await env.apply([T42Abc]);
  await env.conn.query("INSERT INTO t42 (v) VALUES ('A'), ('C')");
  assert.deepEqual(await env.diff(env.config([T42Abcd])), ["alter_column t42.v type=enum('A','B','C','D')"]);
  await env.upgradeInSync(env.config([T42Abcd]));
  assert.deepEqual(await env.diff(env.config([T42Abc])), ["alter_column t42.v type=enum('A','B','C')"]);
  await env.upgradeInSync(env.config([T42Abc]));
  assert.deepEqual((await env.conn.query("SELECT v FROM t42 ORDER BY id")).rows, [{ v: "A" }, { v: "C" }]);
});

test("42 MySQL: a reordered enum is a change (Alembic: none), since the order is the sort order and the stored index", async (t) => {
  const env = await scenarioEnv(t, "mysql");
  if (!env) return;
  await env.apply([T42Abc]);
  assert.deepEqual(await env.diff(env.config([T42Cba])), ["alter_column t42.v type=enum('C','B','A')"]);
});

// 48. MySQL server defaults.
const { T48V1, T48V2 } = entities({
  T48V1: [
    Entity("t48"),
    {
      id: pk(),
      ts: [Date, Column({ type: "timestamp", nullable: true })],
      touched: [Date, Column({ type: "timestamp", default: () => "CURRENT_TIMESTAMP", onUpdate: "CURRENT_TIMESTAMP" })],
      n: [Number, Column({ type: "int", nullable: true })],
      m: [Number, Column({ type: "int", default: 5 })],
      b: [Boolean, Column({ type: "boolean", default: true })],
    },
  ],
  T48V2: [
    Entity("t48"),
    {
      id: pk(),
      ts: [Date, Column({ type: "timestamp", nullable: true, default: () => "CURRENT_TIMESTAMP" })],
      touched: [Date, Column({ type: "timestamp", default: () => "CURRENT_TIMESTAMP", onUpdate: "CURRENT_TIMESTAMP" })],
      n: [Number, Column({ type: "int", nullable: true, default: 0 })],
      m: [Number, Column({ type: "int", default: 7 })],
      b: [Boolean, Column({ type: "boolean", default: false })],
    },
  ],
});

test("48 MySQL: TIMESTAMP default added, int None -> 0, 5 -> 7, boolean 1 -> 0; CURRENT_TIMESTAMP ON UPDATE unchanged", async (t) => {
  const env = await scenarioEnv(t, "mysql");
  if (!env) return;
  await env.apply([T48V1]);
  assert.deepEqual(await env.diff(env.config([T48V1])), []);
  assert.deepEqual(await env.diff(env.config([T48V2])), [
    "alter_column t48.ts default=CURRENT_TIMESTAMP",
    "alter_column t48.n default=0",
    "alter_column t48.m default=7",
    "alter_column t48.b default=0",
  ]);
  await env.upgradeInSync(env.config([T48V2]));
});

// 52. A PK widened keeps AUTO_INCREMENT (MODIFY COLUMN restates it).
const { T52Int, T52Big } = entities({
  T52Int: [Entity("t52"), { id: [Number, PrimaryGeneratedColumn({ type: "int" })], x: [Number, Column()] }],
  T52Big: [Entity("t52"), { id: [String, PrimaryGeneratedColumn({ type: "bigint" })], x: [Number, Column()] }],
});

test("52 MySQL: int -> bigint on an auto-increment key keeps AUTO_INCREMENT and the next value", async (t) => {
  const env = await scenarioEnv(t, "mysql");
  if (!env) return;
  await env.apply([T52Int]);
  await env.conn.query("INSERT INTO t52 (x) VALUES (1), (2)");
  assert.deepEqual(await env.diff(env.config([T52Big])), ["alter_column t52.id type=bigint"]);
  const file = await env.upgradeInSync(env.config([T52Big]));
  assert.match(fs.readFileSync(file, "utf8"), /existing: \{ autoIncrement: true \}/);
  await env.conn.query("INSERT INTO t52 (x) VALUES (3)");
  assert.deepEqual((await env.conn.query("SELECT id, x FROM t52 ORDER BY id")).rows, [
    { id: 1, x: 1 },
    { id: 2, x: 2 },
    { id: 3, x: 3 },
  ]);
});

// 60-64. Unique constraints are indexes on MySQL.
const { T60Two, T60One, T60Wider } = entities({
  T60Two: [
    Entity("t60"),
    Unique("uq_a", ["a"]),
    Unique("uq_b", ["b"]),
    { id: pk(), a: [Number, Column()], b: [Number, Column()] },
  ],
  T60One: [Entity("t60"), Unique("uq_a", ["a"]), { id: pk(), a: [Number, Column()], b: [Number, Column()] }],
  T60Wider: [Entity("t60"), Unique("uq_a", ["a", "b"]), { id: pk(), a: [Number, Column()], b: [Number, Column()] }],
});

test("60 MySQL: of two unique constraints one is removed: exactly one removal, as an index", async (t) => {
  const env = await scenarioEnv(t, "mysql");
  if (!env) return;
  await env.apply([T60Two]);
  assert.deepEqual(await env.diff(env.config([T60Two])), []);
  assert.deepEqual(await env.diff(env.config([T60One])), ["remove_index t60.uq_b"]);
  await env.upgradeInSync(env.config([T60One]));
});

test("58/63 MySQL: a unique constraint over more columns is dropped and created again", async (t) => {
  const env = await scenarioEnv(t, "mysql");
  if (!env) return;
  await env.apply([T60One]);
  assert.deepEqual(await env.diff(env.config([T60Wider])), ["remove_index t60.uq_a", "add_index t60.uq_a(a,b) unique"]);
  await env.upgradeInSync(env.config([T60Wider]));
});

test("62/64 MySQL: a dropped table takes its unique index along; a unique index removed alone is remove_index", async (t) => {
  const env = await scenarioEnv(t, "mysql");
  if (!env) return;
  const { Keep, T62, T62NoIdx } = entities({
    Keep: [Entity("t62keep"), { id: pk() }],
    T62: [Entity("t62"), Index("xidx", ["y"], { unique: true }), { id: pk(), y: [Number, Column()] }],
    T62NoIdx: [Entity("t62"), { id: pk(), y: [Number, Column()] }],
  });
  await env.apply([Keep, T62]);
  assert.deepEqual(await env.diff(env.config([Keep, T62NoIdx])), ["remove_index t62.xidx"]);
  assert.deepEqual(await env.diff(env.config([Keep])), ["remove_table t62"]);
  await env.upgradeInSync(env.config([Keep]));
});

// 67. The index InnoDB creates for a foreign key is not a diff.
test("67 MySQL: the index MySQL creates for a foreign key, and a declared one on the same column, are not diffs", async (t) => {
  const env = await scenarioEnv(t, "mysql");
  if (!env) return;
  await env.conn.query("CREATE TABLE p67 (id int NOT NULL AUTO_INCREMENT PRIMARY KEY)");
  await env.conn.query(
    "CREATE TABLE c67 (id int NOT NULL AUTO_INCREMENT PRIMARY KEY, pid int NULL, qid int NULL, " +
      "CONSTRAINT fk_c67_p FOREIGN KEY (pid) REFERENCES p67 (id), INDEX ix_qid (qid), CONSTRAINT fk_c67_q FOREIGN KEY (qid) REFERENCES p67 (id))",
  );
  const { P67, C67 } = entities({
    P67: [Entity("p67"), { id: pk() }],
    C67: [
      Entity("c67"),
      {
        id: pk(),
        p: [
          Object,
          ManyToOne(() => P67, { nullable: true, createForeignKeyConstraints: true }),
          JoinColumn({ name: "pid", foreignKeyConstraintName: "fk_c67_p" }),
        ],
        q: [
          Object,
          Index("ix_qid"),
          ManyToOne(() => P67, { nullable: true }),
          JoinColumn({ name: "qid", foreignKeyConstraintName: "fk_c67_q" }),
        ],
      },
    ],
  });
  assert.deepEqual(await env.diff(env.config([P67, C67])), []);
});

// 72-73. Index direction and column order (MariaDB 10.8+ and MySQL 8 keep DESC).
const { T72None, T72Xy, T72Yx } = entities({
  T72None: [Entity("t72"), { id: pk(), x: [Number, Column()], y: [Number, Column()] }],
  T72Xy: [Entity("t72"), Index("ix_xy", ["x", "y"]), { id: pk(), x: [Number, Column()], y: [Number, Column()] }],
  T72Yx: [Entity("t72"), Index("ix_xy", ["y", "x"]), { id: pk(), x: [Number, Column()], y: [Number, Column()] }],
});

test("73 MySQL: the column order of an index changes: remove_index, add_index", async (t) => {
  const env = await scenarioEnv(t, "mysql");
  if (!env) return;
  await env.apply([T72None]);
  assert.deepEqual(await env.diff(env.config([T72Xy])), ["add_index t72.ix_xy(x,y)"]);
  await env.upgradeInSync(env.config([T72Xy]));
  assert.deepEqual(await env.diff(env.config([T72Yx])), ["remove_index t72.ix_xy", "add_index t72.ix_xy(y,x)"]);
  await env.upgradeInSync(env.config([T72Yx]));
});

test("72 MySQL: an index DESC in the database and ascending in the model is dropped and created again", async (t) => {
  const env = await scenarioEnv(t, "mysql");
  if (!env) return;
  await env.conn.query(
    "CREATE TABLE t72 (id int NOT NULL AUTO_INCREMENT PRIMARY KEY, x int NOT NULL, y int NOT NULL, INDEX ix_xy (x DESC, y))",
  );
  // MariaDB 10.8+ and MySQL 8 keep the direction (older servers parse DESC and ignore it).
  const rows = (
    await env.conn.query(
      "SELECT COLLATION AS c FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND INDEX_NAME = 'ix_xy' ORDER BY SEQ_IN_INDEX",
    )
  ).rows;
  assert.deepEqual(rows, [{ c: "D" }, { c: "A" }]);
  assert.deepEqual(await env.diff(env.config([T72Xy])), ["remove_index t72.ix_xy", "add_index t72.ix_xy(x,y)"]);
  await env.upgradeInSync(env.config([T72Xy]));
});

// 86. Foreign key options.
const { P86, C86None, C86Cascade, C86Restrict, C86Combo } = entities({
  P86: [Entity("p86"), { id: pk() }],
  C86None: [Entity("c86"), { id: pk(), p: [Object, ManyToOne(() => P86, { nullable: true })] }],
  C86Cascade: [Entity("c86"), { id: pk(), p: [Object, ManyToOne(() => P86, { nullable: true, onDelete: "CASCADE" })] }],
  C86Restrict: [
    Entity("c86"),
    { id: pk(), p: [Object, ManyToOne(() => P86, { nullable: true, onDelete: "RESTRICT", onUpdate: "RESTRICT" })] },
  ],
  C86Combo: [
    Entity("c86"),
    { id: pk(), p: [Object, ManyToOne(() => P86, { nullable: true, onDelete: "SET NULL", onUpdate: "CASCADE" })] },
  ],
});

test("86 MySQL: ON DELETE none -> CASCADE -> none are remove_fk + add_fk; RESTRICT is the default InnoDB reports", async (t) => {
  const env = await scenarioEnv(t, "mysql");
  if (!env) return;
  await env.apply([P86, C86None]);
  assert.deepEqual(await env.diff(env.config([P86, C86Restrict])), [], "RESTRICT = NO ACTION = unspecified in InnoDB");
  assert.deepEqual(named(await env.diff(env.config([P86, C86Cascade]))), [
    "remove_fk c86(pId)->p86(id)",
    "add_fk c86(pId)->p86(id) onDelete=CASCADE",
  ]);
  await env.upgradeInSync(env.config([P86, C86Cascade]));
  assert.deepEqual(named(await env.diff(env.config([P86, C86None]))), [
    "remove_fk c86(pId)->p86(id) onDelete=CASCADE",
    "add_fk c86(pId)->p86(id)",
  ]);
  assert.deepEqual(named(await env.diff(env.config([P86, C86Combo]))), [
    "remove_fk c86(pId)->p86(id) onDelete=CASCADE",
    "add_fk c86(pId)->p86(id) onDelete=SET NULL onUpdate=CASCADE",
  ]);
  await env.upgradeInSync(env.config([P86, C86Combo]));
  assert.deepEqual(named(await env.diff(env.config([P86, C86Restrict]))), [
    "remove_fk c86(pId)->p86(id) onDelete=SET NULL onUpdate=CASCADE",
    "add_fk c86(pId)->p86(id)",
  ]);
  await env.upgradeInSync(env.config([P86, C86Restrict]));
});

test("80/86 MySQL: a server-named RESTRICT key written by hand, and the index InnoDB made for it, match a model without actions", async (t) => {
  const env = await scenarioEnv(t, "mysql");
  if (!env) return;
  await env.conn.query("CREATE TABLE p86 (id int NOT NULL AUTO_INCREMENT PRIMARY KEY)");
  // No CONSTRAINT name: the server names the key c86_ibfk_1 and its index after the column.
  await env.conn.query(
    "CREATE TABLE c86 (id int NOT NULL AUTO_INCREMENT PRIMARY KEY, pId int NULL, FOREIGN KEY (pId) REFERENCES p86 (id) ON DELETE RESTRICT ON UPDATE RESTRICT)",
  );
  const { C86ServerNamed } = entities({
    C86ServerNamed: [
      Entity("c86"),
      {
        id: pk(),
        p: [
          Object,
          ManyToOne(() => P86, { nullable: true }),
          JoinColumn({ name: "pId", foreignKeyConstraintName: "c86_ibfk_1" }),
        ],
      },
    ],
  });
  assert.deepEqual(await env.diff(env.config([P86, C86ServerNamed])), []);
  // Under TypeORM's name the key is dropped and created again; the server's index goes with it.
  assert.deepEqual(named(await env.diff(env.config([P86, C86None]))), [
    "remove_fk c86(pId)->p86(id)",
    "add_fk c86(pId)->p86(id)",
  ]);
  await env.upgradeInSync(env.config([P86, C86None]));
});

// 88-89. Comments.
const { T88None, T88Comment, T88Changed } = entities({
  T88None: [Entity("t88"), { id: pk(), amount: [Number, Column({ type: "float", nullable: true })] }],
  T88Comment: [
    Entity("t88", { comment: "this is some table" }),
    { id: pk(), amount: [Number, Column({ type: "float", nullable: true, comment: "the amount" })] },
  ],
  T88Changed: [
    Entity("t88", { comment: "this is also some table" }),
    { id: pk(), amount: [Number, Column({ type: "float", nullable: true, comment: "the total" })] },
  ],
});

test("88/89 MySQL: table and column comments added, changed, removed (column: one alter, rest of the column kept)", async (t) => {
  const env = await scenarioEnv(t, "mysql");
  if (!env) return;
  await env.apply([T88None]);
  assert.deepEqual(await env.diff(env.config([T88Comment])), [
    "alter_column t88.amount comment=the amount",
    "CreateTableCommentOp t88",
  ]);
  await env.upgradeInSync(env.config([T88Comment]));
  assert.deepEqual(await env.diff(env.config([T88Changed])), [
    "alter_column t88.amount comment=the total",
    "CreateTableCommentOp t88",
  ]);
  await env.upgradeInSync(env.config([T88Changed]));
  assert.deepEqual(await env.diff(env.config([T88None])), [
    "alter_column t88.amount comment=null",
    "DropTableCommentOp t88",
  ]);
  await env.upgradeInSync(env.config([T88None]));
});

// 90-91. Computed columns.
const { T90Plain, T90Computed, T90Spaced, T90Changed } = entities({
  T90Plain: [Entity("t90"), { id: pk(), bar: [Number, Column()] }],
  T90Computed: [
    Entity("t90"),
    {
      id: pk(),
      bar: [Number, Column()],
      foo: [Number, Column({ type: "int", asExpression: "`bar` * 5", generatedType: "STORED" })],
    },
  ],
  T90Spaced: [
    Entity("t90"),
    {
      id: pk(),
      bar: [Number, Column()],
      foo: [Number, Column({ type: "int", asExpression: "`bar`   *\n 5", generatedType: "STORED" })],
    },
  ],
  T90Changed: [
    Entity("t90"),
    {
      id: pk(),
      bar: [Number, Column()],
      foo: [Number, Column({ type: "int", asExpression: "`bar` * 42", generatedType: "STORED" })],
    },
  ],
});

test("90/91 MySQL: a generated column added and removed; whitespace is no change; a new expression is dropped and added", async (t) => {
  const env = await scenarioEnv(t, "mysql");
  if (!env) return;
  await env.apply([T90Plain]);
  await env.conn.query("INSERT INTO t90 (bar) VALUES (2)");
  assert.deepEqual(await env.diff(env.config([T90Computed])), ["add_column t90.foo"]);
  await env.upgradeInSync(env.config([T90Computed]));
  assert.deepEqual(await env.diff(env.config([T90Spaced])), []);
  // Alembic only warns ("cannot be modified"); a generated column holds no data of its own, so
  // autogen replaces it, and the values follow the new expression.
  assert.deepEqual(await env.diff(env.config([T90Changed])), ["remove_column t90.foo", "add_column t90.foo"]);
  await env.upgradeInSync(env.config([T90Changed]));
  assert.deepEqual((await env.conn.query("SELECT foo FROM t90")).rows, [{ foo: 84 }]);
  assert.deepEqual(await env.diff(env.config([T90Plain])), ["remove_column t90.foo"]);
});

// 26. Composite primary key columns are NOT NULL implicitly.
test("26 MySQL: a composite primary key written by hand, both columns NOT NULL: no diff", async (t) => {
  const env = await scenarioEnv(t, "mysql");
  if (!env) return;
  await env.conn.query(
    "CREATE TABLE role_grant (person_id int NOT NULL, role_id int NOT NULL, PRIMARY KEY (person_id, role_id))",
  );
  const { RoleGrant } = entities({
    RoleGrant: [Entity("role_grant"), { person_id: [Number, PrimaryColumn()], role_id: [Number, PrimaryColumn()] }],
  });
  assert.deepEqual(await env.diff(env.config([RoleGrant])), []);
});
