/**
 * Alembic's autogenerate scenarios (alembic.md §7.2) that are about PostgreSQL, on a real
 * PostgreSQL database: schemas (include_schemas, cross-schema and schema-qualified foreign
 * keys, the default schema named explicitly, include_name/include_object on schemas), server
 * defaults PostgreSQL spells its own way, SERIAL and explicit sequences, index sort-order
 * equivalences, and deferrable keys. Each test: database state (a first autogenerate + upgrade,
 * or hand-written DDL) → model state → the exact, ordered op list → where it makes sense the
 * revision runs and leaves the model in sync.
 */
import "reflect-metadata";
import assert from "node:assert/strict";
import fs from "node:fs";
import { test } from "node:test";
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, Unique } from "typeorm";
import type { OpNode } from "@autogen/core";
import { command } from "autogen";
import { describeOps, flattenOps, scenarioEnv, type ScenarioEnv } from "./helpers/autogen-scenario";

/** describeOps with the schema in front of the table name where the op has one. */
function describeQualified(ops: readonly OpNode[]): string[] {
  const lines = describeOps(ops);
  return flattenOps(ops).map((op, i) => {
    const t = (op as OpNode & { table?: { schema: string | null; name: string } }).table;
    const line = lines[i] as string;
    return t?.schema ? line.replace(` ${t.name}`, ` ${t.schema}.${t.name}`) : line;
  });
}

async function pgEnv(
  t: import("node:test").TestContext,
  schemas: string[] = ["test_schema"],
): Promise<ScenarioEnv | null> {
  const env = await scenarioEnv(t, "postgres");
  if (!env) return null;
  for (const s of schemas) await env.conn.query(`CREATE SCHEMA "${s}"`);
  return env;
}

const diffQualified = async (env: ScenarioEnv, config: ReturnType<ScenarioEnv["config"]>): Promise<string[]> =>
  describeQualified((await command.check(config)).ops.upgradeOps.ops);

// ---- §7.2 14: ModelOne's facets in a non-default schema, with keys across schemas ----

@Entity({ name: "account" })
class S14Account {
  @PrimaryGeneratedColumn() id!: number;
}
@Entity({ name: "user", schema: "test_schema" })
class S14UserV1 {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: "varchar", length: 50, nullable: true }) name!: string | null;
  @Index("pw_idx") @Column({ type: "varchar", length: 50, nullable: true }) pw!: string | null;
}
@Entity({ name: "user", schema: "test_schema" })
class S14UserV2 {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: "varchar", length: 50 }) name!: string;
  @ManyToOne(() => S14Account, { nullable: true }) @JoinColumn({ name: "account_id" }) account!: S14Account;
}
@Entity({ name: "item", schema: "test_schema" })
class S14Item {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: "varchar", length: 100, nullable: true }) description!: string | null;
  @ManyToOne(() => S14UserV2, { nullable: true, onDelete: "CASCADE" })
  @JoinColumn({ name: "user_id" })
  user!: S14UserV2;
}

test("§7.2 14 ModelOne in test_schema with include_schemas: the same ops, schema-qualified, keys across schemas", async (t) => {
  const env = await pgEnv(t);
  if (!env) return;
  await env.apply([S14Account, S14UserV1], { includeSchemas: true });
  const config = env.config([S14Account, S14UserV2, S14Item], { includeSchemas: true });
  assert.deepEqual(await diffQualified(env, config), [
    "add_table test_schema.item",
    "add_column test_schema.user.account_id",
    "alter_column test_schema.user.name nullable=false",
    "remove_index test_schema.user.pw_idx",
    "add_fk test_schema.user(account_id)->account(id)",
    "remove_column test_schema.user.pw",
  ]);
  const file = await env.upgradeInSync(config);
  const text = fs.readFileSync(file, "utf8");
  // The key from test_schema.item to test_schema.user names its referent's schema; the one
  // to public.account does not (the default schema is left implicit).
  assert.match(text, /refTable: "user", refColumns: \["id"\], refSchema: "test_schema"/);
  assert.match(
    text,
    /await op\.createForeignKey\("[^"]+", "user", "account", \["account_id"\], \["id"\], \{ schema: "test_schema" \}\);/,
  );
  const fks = await env.conn.query<{ src: string; ref: string }>(
    `SELECT conrelid::regclass::text AS src, confrelid::regclass::text AS ref FROM pg_constraint WHERE contype = 'f' ORDER BY 1, 2`,
  );
  assert.deepEqual(fks.rows.map((r) => `${r.src}->${r.ref}`).sort(), [
    'test_schema."user"->account',
    'test_schema.item->test_schema."user"',
  ]);
  // The downgrade takes both schemas back.
  await command.downgrade(config, "-1");
  fs.rmSync(file); // the first revision alone is the script again
  assert.deepEqual(await diffQualified(env, env.config([S14Account, S14UserV1], { includeSchemas: true })), []);
});

// ---- §7.2 22: cross-schema, include_schemas, include_object keeping some tables ----

@Entity({ name: "t1" })
class X1 {
  @PrimaryColumn() id!: number;
}
@Entity({ name: "t2", schema: "test_schema" })
class X2 {
  @PrimaryColumn() id!: number;
}
@Entity({ name: "t3" })
class X3 {
  @PrimaryColumn() id!: number;
}
@Entity({ name: "t4", schema: "test_schema" })
class X4 {
  @PrimaryColumn() id!: number;
}

test("§7.2 22 cross-schema with include_schemas and include_object: each table keeps its schema, default schema left implicit", async (t) => {
  const env = await pgEnv(t);
  if (!env) return;
  await env.apply([X1, X2], { includeSchemas: true });
  const keep = (names: string[]) => ({
    includeSchemas: true,
    includeObject: (o: unknown, name: string | null, type: string) => type !== "table" || names.includes(name ?? ""),
  });
  assert.deepEqual(await diffQualified(env, env.config([X3, X4], keep(["t3"]))), ["add_table t3"]);
  assert.deepEqual(await diffQualified(env, env.config([X3, X4], keep(["t4"]))), ["add_table test_schema.t4"]);
  assert.deepEqual(await diffQualified(env, env.config([X3, X4], keep(["t1", "t2"]))), [
    "remove_table test_schema.t2",
    "remove_table t1",
  ]);
  await env.upgradeInSync(env.config([X3, X4], { includeSchemas: true }));
  const tables = await env.conn.query<{ t: string }>(
    `SELECT schemaname || '.' || tablename AS t FROM pg_tables WHERE schemaname IN ('public', 'test_schema') AND tablename NOT IN ('autogen_version', 'autogen_version_revisions') ORDER BY 1`,
  );
  assert.deepEqual(
    tables.rows.map((r) => r.t),
    ["public.t3", "test_schema.t4"],
  );
});

// ---- §7.2 24: include_name on schemas ----

test("§7.2 24 include_name keeping only test_schema: default-schema tables are not reflected, so the model's look new and none is dropped", async (t) => {
  const env = await pgEnv(t);
  if (!env) return;
  await env.apply([X1, X2], { includeSchemas: true });
  const config = env.config([X1, X3, X4], {
    includeSchemas: true,
    includeName: (name: string | null, type: string) => type !== "schema" || name === "test_schema",
  });
  assert.deepEqual(await diffQualified(env, config), [
    "add_table t1",
    "add_table t3",
    "add_table test_schema.t4",
    "remove_table test_schema.t2",
  ]);
});

// ---- §7.2 25: the default schema named explicitly ----

@Entity({ name: "t1", schema: "public" })
class X1Public {
  @PrimaryColumn() id!: number;
}

test("§7.2 25 a model table with schema 'public' matches the unqualified table; an extra table in test_schema is the only op", async (t) => {
  const env = await pgEnv(t);
  if (!env) return;
  await env.apply([X1]);
  assert.deepEqual(await diffQualified(env, env.config([X1Public])), []);
  assert.deepEqual(await diffQualified(env, env.config([X1Public], { includeSchemas: true })), []);
  const config = env.config([X1Public, X4]);
  assert.deepEqual(await diffQualified(env, config), ["add_table test_schema.t4"]);
  await env.upgradeInSync(config);
});

test("§7.2 25 (autogen) a model in a schema the database lacks: CREATE SCHEMA first, and the downgrade drops it again", async (t) => {
  const env = await pgEnv(t, []);
  if (!env) return;
  await env.apply([X1]);
  const config = env.config([X1, X4]);
  const { ops } = await command.check(config);
  assert.deepEqual(describeQualified(ops.upgradeOps.ops), ["CreateSchemaOp ", "add_table test_schema.t4"]);
  await env.upgradeInSync(config);
  await command.downgrade(config, "-1");
  const s = await env.conn.query(`SELECT 1 FROM pg_namespace WHERE nspname = 'test_schema'`);
  assert.equal(s.rows.length, 0, "the downgrade dropped the schema it created");
});

// ---- §7.2 46: server defaults PostgreSQL prints its own way ----
// (Tables made by hand below get PostgreSQL's key names, `<table>_pkey`; the entities name their
// keys the same way, since autogen on PostgreSQL reports a renamed primary key.)

@Entity("dflt")
class Defaults {
  @PrimaryColumn({ primaryKeyConstraintName: "dflt_pkey" }) id!: number;
  @Column({ type: "float", default: 5 }) f!: number;
  @Column({ type: "numeric", default: 5 }) n!: string;
  @Column({ type: "text", default: "5.2" }) t!: string;
  @Column({ type: "interval", default: () => "'14 days'" }) i!: string;
  @Column({ type: "uuid", default: () => "gen_random_uuid()" }) u!: string;
  @Column({ type: "int", array: true, default: () => "ARRAY[]::integer[]" }) a!: number[];
  @Column({ type: "timestamp", default: () => "TIMEZONE('utc', CURRENT_TIMESTAMP)" }) ts!: Date;
  @Column({ type: "int", default: 5 }) k!: number;
  @Column({ type: "varchar", default: "hello" }) s!: string;
}
@Entity("dflt")
class DefaultsChanged {
  @PrimaryColumn({ primaryKeyConstraintName: "dflt_pkey" }) id!: number;
  @Column({ type: "float", default: 5 }) f!: number;
  @Column({ type: "numeric", default: 5 }) n!: string;
  @Column({ type: "text", default: "5.2" }) t!: string;
  @Column({ type: "interval", default: () => "'14 days'" }) i!: string;
  @Column({ type: "uuid", default: () => "gen_random_uuid()" }) u!: string;
  @Column({ type: "int", array: true, default: () => "ARRAY[]::integer[]" }) a!: number[];
  @Column({ type: "timestamp", default: () => "TIMEZONE('utc', CURRENT_TIMESTAMP)" }) ts!: Date;
  @Column({ type: "int", default: 7 }) k!: number;
  @Column({ type: "varchar", default: "there" }) s!: string;
}

test("§7.2 46 server defaults as PostgreSQL stores them (5.0, '5.2'::text, interval, arrays, functions) give no diff; real changes do", async (t) => {
  const env = await pgEnv(t, []);
  if (!env) return;
  // Hand-written DDL in PostgreSQL's own spellings, not the ones TypeORM would write.
  await env.conn.query(`CREATE TABLE "dflt" (
    "id" integer NOT NULL PRIMARY KEY,
    "f" double precision NOT NULL DEFAULT 5.0,
    "n" numeric NOT NULL DEFAULT '5.0',
    "t" text NOT NULL DEFAULT '5.2'::text,
    "i" interval NOT NULL DEFAULT '14 days'::interval,
    "u" uuid NOT NULL DEFAULT gen_random_uuid(),
    "a" integer[] NOT NULL DEFAULT (ARRAY[]::integer[]),
    "ts" timestamp NOT NULL DEFAULT timezone('utc'::text, CURRENT_TIMESTAMP),
    "k" integer NOT NULL DEFAULT 5,
    "s" character varying NOT NULL DEFAULT 'hello'::character varying)`);
  assert.deepEqual(await env.diff(env.config([Defaults])), []);
  const changed = env.config([DefaultsChanged]);
  assert.deepEqual(await env.diff(changed), ["alter_column dflt.k default=7", "alter_column dflt.s default='there'"]);
  await env.upgradeInSync(changed);
});

// ---- §7.2 47: SERIAL and explicit sequences ----

@Entity("ser")
class Serial {
  @PrimaryGeneratedColumn({ primaryKeyConstraintName: "ser_pkey" }) id!: number;
  @Column({ type: "int", default: () => "nextval('other_seq'::regclass)" }) n!: number;
}

test("§7.2 47 a SERIAL key gives no default diff; a default from a separate sequence is kept and compared", async (t) => {
  const env = await pgEnv(t, []);
  if (!env) return;
  await env.conn.query(`CREATE SEQUENCE "other_seq"`);
  await env.conn.query(
    `CREATE TABLE "ser" ("id" SERIAL PRIMARY KEY, "n" integer NOT NULL DEFAULT nextval('other_seq'::regclass))`,
  );
  assert.deepEqual(await env.diff(env.config([Serial])), []);
  const { rows } = await env.conn.query<{ n: number }>(`INSERT INTO "ser" DEFAULT VALUES RETURNING "n"`);
  assert.equal(rows[0]?.n, 1, "the separate sequence still feeds the column");
});

// ---- §7.2 74: index sort-order equivalences (PostgreSQL's defaults) ----

@Entity("srt")
@Index("ix_x", ["x"])
@Index("ix_xy", ["x", "y"])
class Sorted {
  @PrimaryColumn({ primaryKeyConstraintName: "srt_pkey" }) id!: number;
  @Column() x!: number;
  @Column() y!: number;
}

test("§7.2 74 ASC NULLS LAST is the default order: no diff; DESC NULLS FIRST differs from the model's ascending index", async (t) => {
  const env = await pgEnv(t, []);
  if (!env) return;
  await env.conn.query(
    `CREATE TABLE "srt" ("id" integer NOT NULL PRIMARY KEY, "x" integer NOT NULL, "y" integer NOT NULL)`,
  );
  await env.conn.query(`CREATE INDEX "ix_x" ON "srt" ("x" ASC NULLS LAST)`);
  await env.conn.query(`CREATE INDEX "ix_xy" ON "srt" ("x" DESC NULLS FIRST, "y")`);
  const config = env.config([Sorted]);
  assert.deepEqual(await env.diff(config), ["remove_index srt.ix_xy", "add_index srt.ix_xy(x,y)"]);
  const downgrade = (await command.check(config)).ops.upgradeOps.ops;
  const dropped = flattenOps(downgrade).find((op) => op.kind === "DropIndexOp") as OpNode & {
    index: { elements: { descending: boolean; nulls: string | null }[] };
  };
  assert.deepEqual(
    dropped.index.elements.map((e) => e.descending),
    [true, false],
    "the dropped index carries its order (the downgrade recreates it)",
  );
  await env.upgradeInSync(config);
});

// ---- §7.2 79: indexes and uniques in test_schema; one table name in two schemas ----

@Entity({ name: "users", schema: "test_schema" })
class S79UsersV1 {
  @PrimaryGeneratedColumn() id!: number;
  @Column() email!: string;
  @Column() name!: string;
}
@Entity({ name: "users", schema: "test_schema" })
@Unique("uq_users_email", ["email"])
@Index("ix_users_name", ["name"])
class S79UsersV2 {
  @PrimaryGeneratedColumn() id!: number;
  @Column() email!: string;
  @Column() name!: string;
}
@Entity({ name: "users" })
class S79PublicUsers {
  @PrimaryGeneratedColumn() id!: number;
}

test("§7.2 79 an index and a unique added in test_schema, unchanged, dropped; the same table name in two schemas", async (t) => {
  const env = await pgEnv(t);
  if (!env) return;
  await env.apply([S79UsersV1]);
  const added = env.config([S79UsersV2]);
  assert.deepEqual(await diffQualified(env, added), [
    "add_index test_schema.users.ix_users_name(name)",
    "add_unique test_schema.users.uq_users_email(email)",
  ]);
  await env.upgradeInSync(added);
  assert.deepEqual(await diffQualified(env, added), []);
  const twoSchemas = env.config([S79UsersV2, S79PublicUsers]);
  assert.deepEqual(await diffQualified(env, twoSchemas), ["add_table users"]);
  await env.upgradeInSync(twoSchemas);
  const dropped = env.config([S79UsersV1, S79PublicUsers]);
  assert.deepEqual(await diffQualified(env, dropped), [
    "remove_index test_schema.users.ix_users_name",
    "remove_unique test_schema.users.uq_users_email(email)",
  ]);
  await env.upgradeInSync(dropped);
});

// ---- §7.2 29 on PostgreSQL: a mixed-case, schema-qualified FK name ----

@Entity({ name: "parent", schema: "test_schema" })
class P29 {
  @PrimaryColumn({ primaryKeyConstraintName: "parent_pkey" }) id!: number;
}
@Entity({ name: "child", schema: "test_schema" })
class C29 {
  @PrimaryColumn({ primaryKeyConstraintName: "child_pkey" }) id!: number;
  @Column({ nullable: true }) parent_id!: number;
}

test("§7.2 29 a mixed-case FK name in test_schema is dropped by that exact name", async (t) => {
  const env = await pgEnv(t);
  if (!env) return;
  await env.conn.query(`CREATE TABLE "test_schema"."parent" ("id" integer NOT NULL PRIMARY KEY)`);
  await env.conn.query(
    `CREATE TABLE "test_schema"."child" ("id" integer NOT NULL PRIMARY KEY, "parent_id" integer,
       CONSTRAINT "FK_child_parent_id_parent" FOREIGN KEY ("parent_id") REFERENCES "test_schema"."parent" ("id"))`,
  );
  const config = env.config([P29, C29]);
  const { ops } = await command.check(config);
  assert.deepEqual(describeQualified(ops.upgradeOps.ops), ["remove_fk test_schema.child(parent_id)->parent(id)"]);
  assert.equal((flattenOps(ops.upgradeOps.ops)[0] as any).constraint.name, "FK_child_parent_id_parent");
  await env.upgradeInSync(config);
});

// ---- §7.2 87: deferrable keys ----

@Entity("dparent")
class DParent {
  @PrimaryGeneratedColumn() id!: number;
}
@Entity("dchild")
class DChildV1 {
  @PrimaryGeneratedColumn() id!: number;
  @ManyToOne(() => DParent, { nullable: true }) @JoinColumn({ name: "p" }) p!: DParent;
}
@Entity("dchild")
class DChildV2 {
  @PrimaryGeneratedColumn() id!: number;
  @ManyToOne(() => DParent, { nullable: true, deferrable: "INITIALLY DEFERRED" })
  @JoinColumn({ name: "p" })
  p!: DParent;
}

test("§7.2 87 a key becoming DEFERRABLE INITIALLY DEFERRED is dropped and re-created; identical ones give no diff", async (t) => {
  const env = await pgEnv(t, []);
  if (!env) return;
  await env.apply([DParent, DChildV1]);
  const config = env.config([DParent, DChildV2]);
  assert.deepEqual(await env.diff(config), [
    "remove_fk dchild(p)->dparent(id)",
    "add_fk dchild(p)->dparent(id) deferrable=DEFERRED",
  ]);
  await env.upgradeInSync(config);
  const { rows } = await env.conn.query<{ d: boolean; i: boolean }>(
    `SELECT condeferrable AS d, condeferred AS i FROM pg_constraint WHERE contype = 'f'`,
  );
  assert.deepEqual(rows, [{ d: true, i: true }]);
});

// ---- §7.2 44: string and function defaults that must not diff ----

@Entity("guard")
class Guard {
  @PrimaryColumn({ primaryKeyConstraintName: "guard_pkey" }) id!: number;
  @Column({ type: "varchar", length: 50, default: "some default" }) a!: string;
  @Column({ type: "varchar", length: 50, default: "//slash" }) b!: string;
  @Column({ type: "varchar", length: 50, default: "has ' quote" }) c!: string;
  @Column({ type: "varchar", length: 50, default: () => "substring('name', 1, 3)" }) d!: string;
  @Column({ type: "int", default: 15 }) e!: number;
  @Column({ type: "timestamptz", default: () => "now()" }) f!: Date;
}

test("§7.2 44 defaults with slashes, quotes, a function call and now() written by hand give no diff", async (t) => {
  const env = await pgEnv(t, []);
  if (!env) return;
  await env.conn.query(`CREATE TABLE "guard" (
    "id" integer NOT NULL PRIMARY KEY,
    "a" varchar(50) NOT NULL DEFAULT 'some default',
    "b" varchar(50) NOT NULL DEFAULT '//slash',
    "c" varchar(50) NOT NULL DEFAULT 'has '' quote',
    "d" varchar(50) NOT NULL DEFAULT substring('name',1,3),
    "e" integer NOT NULL DEFAULT '15',
    "f" timestamp with time zone NOT NULL DEFAULT CURRENT_TIMESTAMP)`);
  assert.deepEqual(await env.diff(env.config([Guard])), []);
});

// ---- §7.2 75 / 72: expression and DESC indexes only the database has ----

@Entity("expr")
class Expr {
  @PrimaryColumn({ primaryKeyConstraintName: "expr_pkey" }) id!: number;
  @Column() x!: string;
  @Column() y!: number;
}

test("§7.2 75/72 an expression index and a DESC NULLS LAST index the model lacks are dropped, and the downgrade recreates them as they were", async (t) => {
  const env = await pgEnv(t, []);
  if (!env) return;
  await env.conn.query(
    `CREATE TABLE "expr" ("id" integer NOT NULL PRIMARY KEY, "x" varchar NOT NULL, "y" integer NOT NULL)`,
  );
  await env.conn.query(`CREATE INDEX "ix_lower_x" ON "expr" (lower("x"), "y")`);
  await env.conn.query(`CREATE INDEX "ix_y_desc" ON "expr" ("y" DESC NULLS LAST) WHERE "y" > 0`);
  const before = await env.conn.query<{ d: string }>(
    `SELECT indexdef AS d FROM pg_indexes WHERE tablename = 'expr' AND indexname LIKE 'ix_%' ORDER BY indexname`,
  );
  const config = env.config([Expr]);
  assert.deepEqual(await env.diff(config), ["remove_index expr.ix_lower_x", "remove_index expr.ix_y_desc"]);
  const file = await env.upgradeInSync(config);
  await command.downgrade(config, "-1");
  fs.rmSync(file);
  const after = await env.conn.query<{ d: string }>(
    `SELECT indexdef AS d FROM pg_indexes WHERE tablename = 'expr' AND indexname LIKE 'ix_%' ORDER BY indexname`,
  );
  assert.deepEqual(after.rows, before.rows, "the downgrade recreated both indexes exactly");
});
