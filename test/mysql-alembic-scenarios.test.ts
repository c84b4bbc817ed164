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
import { describeOps, scenarioEnv } from "./helpers/autogen-scenario";

const FK = /FK_[0-9a-f]{27}/g;
const named = (ops: string[]) => ops.map((o) => o.replace(FK, "FK_*"));

// 38. MySQL charset and collation, and integer display width.
@Entity("t38")
class T38Latin {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ length: 200, charset: "latin1" }) name!: string;
}
@Entity("t38")
class T38Utf8 {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ length: 200, charset: "utf8mb3" }) name!: string;
}
@Entity("t38")
class T38Bin {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ length: 200, collation: "utf8mb4_bin" }) name!: string;
}
@Entity("t38")
class T38LatinBin {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ length: 200, collation: "latin1_bin" }) name!: string;
}
@Entity("t38")
class T38Plain {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ length: 200 }) name!: string;
}

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
  @Entity("t38w")
  class T38W {
    @PrimaryGeneratedColumn({ type: "int", unsigned: true }) id!: number;
    @Column({ type: "int", unsigned: true }) n!: number;
  }
  assert.deepEqual(await env.diff(env.config([T38W])), []);
});

// 42. MySQL native ENUM.
@Entity("t42")
class T42Abc {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: "enum", enum: ["A", "B", "C"] }) v!: string;
}
@Entity("t42")
class T42Abcd {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: "enum", enum: ["A", "B", "C", "D"] }) v!: string;
}
@Entity("t42")
class T42Cba {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: "enum", enum: ["C", "B", "A"] }) v!: string;
}

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
@Entity("t48")
class T48V1 {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: "timestamp", nullable: true }) ts!: Date;
  @Column({ type: "timestamp", default: () => "CURRENT_TIMESTAMP", onUpdate: "CURRENT_TIMESTAMP" }) touched!: Date;
  @Column({ type: "int", nullable: true }) n!: number;
  @Column({ type: "int", default: 5 }) m!: number;
  @Column({ type: "boolean", default: true }) b!: boolean;
}
@Entity("t48")
class T48V2 {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: "timestamp", nullable: true, default: () => "CURRENT_TIMESTAMP" }) ts!: Date;
  @Column({ type: "timestamp", default: () => "CURRENT_TIMESTAMP", onUpdate: "CURRENT_TIMESTAMP" }) touched!: Date;
  @Column({ type: "int", nullable: true, default: 0 }) n!: number;
  @Column({ type: "int", default: 7 }) m!: number;
  @Column({ type: "boolean", default: false }) b!: boolean;
}

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
@Entity("t52")
class T52Int {
  @PrimaryGeneratedColumn({ type: "int" }) id!: number;
  @Column() x!: number;
}
@Entity("t52")
class T52Big {
  @PrimaryGeneratedColumn({ type: "bigint" }) id!: string;
  @Column() x!: number;
}

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
@Entity("t60")
@Unique("uq_a", ["a"])
@Unique("uq_b", ["b"])
class T60Two {
  @PrimaryGeneratedColumn() id!: number;
  @Column() a!: number;
  @Column() b!: number;
}
@Entity("t60")
@Unique("uq_a", ["a"])
class T60One {
  @PrimaryGeneratedColumn() id!: number;
  @Column() a!: number;
  @Column() b!: number;
}
@Entity("t60")
@Unique("uq_a", ["a", "b"])
class T60Wider {
  @PrimaryGeneratedColumn() id!: number;
  @Column() a!: number;
  @Column() b!: number;
}

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
  @Entity("t62keep")
  class Keep {
    @PrimaryGeneratedColumn() id!: number;
  }
  @Entity("t62")
  @Index("xidx", ["y"], { unique: true })
  class T62 {
    @PrimaryGeneratedColumn() id!: number;
    @Column() y!: number;
  }
  @Entity("t62")
  class T62NoIdx {
    @PrimaryGeneratedColumn() id!: number;
    @Column() y!: number;
  }
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
  @Entity("p67")
  class P67 {
    @PrimaryGeneratedColumn() id!: number;
  }
  @Entity("c67")
  class C67 {
    @PrimaryGeneratedColumn() id!: number;
    @ManyToOne(() => P67, { nullable: true, createForeignKeyConstraints: true })
    @JoinColumn({ name: "pid", foreignKeyConstraintName: "fk_c67_p" })
    p!: P67;
    @Index("ix_qid")
    @ManyToOne(() => P67, { nullable: true })
    @JoinColumn({ name: "qid", foreignKeyConstraintName: "fk_c67_q" })
    q!: P67;
  }
  assert.deepEqual(await env.diff(env.config([P67, C67])), []);
});

// 72-73. Index direction and column order (MariaDB 10.8+ and MySQL 8 keep DESC).
@Entity("t72")
class T72None {
  @PrimaryGeneratedColumn() id!: number;
  @Column() x!: number;
  @Column() y!: number;
}
@Entity("t72")
@Index("ix_xy", ["x", "y"])
class T72Xy {
  @PrimaryGeneratedColumn() id!: number;
  @Column() x!: number;
  @Column() y!: number;
}
@Entity("t72")
@Index("ix_xy", ["y", "x"])
class T72Yx {
  @PrimaryGeneratedColumn() id!: number;
  @Column() x!: number;
  @Column() y!: number;
}

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
@Entity("p86")
class P86 {
  @PrimaryGeneratedColumn() id!: number;
}
@Entity("c86")
class C86None {
  @PrimaryGeneratedColumn() id!: number;
  @ManyToOne(() => P86, { nullable: true }) p!: P86;
}
@Entity("c86")
class C86Cascade {
  @PrimaryGeneratedColumn() id!: number;
  @ManyToOne(() => P86, { nullable: true, onDelete: "CASCADE" }) p!: P86;
}
@Entity("c86")
class C86Restrict {
  @PrimaryGeneratedColumn() id!: number;
  @ManyToOne(() => P86, { nullable: true, onDelete: "RESTRICT", onUpdate: "RESTRICT" }) p!: P86;
}
@Entity("c86")
class C86Combo {
  @PrimaryGeneratedColumn() id!: number;
  @ManyToOne(() => P86, { nullable: true, onDelete: "SET NULL", onUpdate: "CASCADE" }) p!: P86;
}

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
  @Entity("c86")
  class C86ServerNamed {
    @PrimaryGeneratedColumn() id!: number;
    @ManyToOne(() => P86, { nullable: true })
    @JoinColumn({ name: "pId", foreignKeyConstraintName: "c86_ibfk_1" })
    p!: P86;
  }
  assert.deepEqual(await env.diff(env.config([P86, C86ServerNamed])), []);
  // Under TypeORM's name the key is dropped and created again; the server's index goes with it.
  assert.deepEqual(named(await env.diff(env.config([P86, C86None]))), [
    "remove_fk c86(pId)->p86(id)",
    "add_fk c86(pId)->p86(id)",
  ]);
  await env.upgradeInSync(env.config([P86, C86None]));
});

// 88-89. Comments.
@Entity("t88")
class T88None {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: "float", nullable: true }) amount!: number;
}
@Entity("t88", { comment: "this is some table" })
class T88Comment {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: "float", nullable: true, comment: "the amount" }) amount!: number;
}
@Entity("t88", { comment: "this is also some table" })
class T88Changed {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: "float", nullable: true, comment: "the total" }) amount!: number;
}

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
@Entity("t90")
class T90Plain {
  @PrimaryGeneratedColumn() id!: number;
  @Column() bar!: number;
}
@Entity("t90")
class T90Computed {
  @PrimaryGeneratedColumn() id!: number;
  @Column() bar!: number;
  @Column({ type: "int", asExpression: "`bar` * 5", generatedType: "STORED" }) foo!: number;
}
@Entity("t90")
class T90Spaced {
  @PrimaryGeneratedColumn() id!: number;
  @Column() bar!: number;
  @Column({ type: "int", asExpression: "`bar`   *\n 5", generatedType: "STORED" }) foo!: number;
}
@Entity("t90")
class T90Changed {
  @PrimaryGeneratedColumn() id!: number;
  @Column() bar!: number;
  @Column({ type: "int", asExpression: "`bar` * 42", generatedType: "STORED" }) foo!: number;
}

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
  @Entity("role_grant")
  class RoleGrant {
    @PrimaryColumn() person_id!: number;
    @PrimaryColumn() role_id!: number;
  }
  assert.deepEqual(await env.diff(env.config([RoleGrant])), []);
});
