/**
 * Alembic's autogenerate scenario catalog (Alembic's tests/test_autogen_*.py and alembic/testing/suite/test_autogen_*.py) on real SQLite — part 2: column
 * types (items 30–41, CompareTypeSpecificityTest / CompareMetadataToInspectorTest and the
 * compare_type hook) and server defaults (as Alembic's CompareServerDefaultTest), with TypeORM entities.
 *
 * Each type/default case is its own database: state from the "db" column spec, model from the
 * "model" one, then the exact op list, and for real changes the revision runs on a table
 * with a row and leaves the model in sync.
 */
import "reflect-metadata";
import assert from "node:assert/strict";
import { test } from "node:test";
import { Column, Entity, type ColumnOptions } from "typeorm";
import { entities, pk } from "./helpers/entity-builder";
import { command } from "autogen";
import type { Column as CoreColumn } from "@autogen/core";
import { describeOps, flattenOps, scenarioEnv } from "./helpers/autogen-scenario";

/** A one-column entity `typ(id, x)` with the given column options (a new class per call). */
function typed(opts: ColumnOptions): Function {
  const { Typ } = entities({
    Typ: [Entity("typ"), { id: pk(), x: [Object, Column(opts)] }],
  });
  return Typ;
}

interface TypeCase {
  item: string;
  db: ColumnOptions;
  model: ColumnOptions;
  /** The expected `modify.type`, or null for "no diff". */
  type: string | null;
  /** A value to store before the upgrade and find again after it. */
  value?: unknown;
}

const TYPE_CASES: TypeCase[] = [
  // 30
  {
    item: "varchar(30) vs varchar(30)",
    db: { type: "varchar", length: 30 },
    model: { type: "varchar", length: 30 },
    type: null,
  },
  {
    item: "varchar(30) -> varchar(40)",
    db: { type: "varchar", length: 30 },
    model: { type: "varchar", length: 40 },
    type: "varchar(40)",
    value: "abc",
  },
  {
    item: "varchar(30) -> integer",
    db: { type: "varchar", length: 30 },
    model: { type: "integer" },
    type: "integer",
    value: 12,
  },
  {
    item: "varchar -> varchar(30): adding a length is detected (Alembic issue #749)",
    db: { type: "varchar" },
    model: { type: "varchar", length: 30 },
    type: "varchar(30)",
    value: "abc",
  },
  // 31
  {
    item: "text -> varchar(255)",
    db: { type: "text" },
    model: { type: "varchar", length: 255 },
    type: "varchar(255)",
    value: "abc",
  },
  // 32
  {
    item: "decimal(10,5) -> decimal(10,6)",
    db: { type: "decimal", precision: 10, scale: 5 },
    model: { type: "decimal", precision: 10, scale: 6 },
    type: "decimal(10,6)",
    value: 1.5,
  },
  {
    item: "decimal(10,5) -> numeric(12,5)",
    db: { type: "decimal", precision: 10, scale: 5 },
    model: { type: "numeric", precision: 12, scale: 5 },
    type: "decimal(12,5)",
    value: 1.5,
  },
  {
    item: "decimal(10,5) vs numeric(10,5): synonyms",
    db: { type: "decimal", precision: 10, scale: 5 },
    model: { type: "numeric", precision: 10, scale: 5 },
    type: null,
  },
  {
    item: "decimal(10,5) -> datetime",
    db: { type: "decimal", precision: 10, scale: 5 },
    model: { type: "datetime" },
    type: "datetime",
  },
  // 33
  { item: "integer vs int: synonyms", db: { type: "integer" }, model: { type: "int" }, type: null },
  { item: "bigint -> integer", db: { type: "bigint" }, model: { type: "integer" }, type: "integer", value: 7 },
  { item: "bigint vs bigint", db: { type: "bigint" }, model: { type: "bigint" }, type: null },
  { item: "integer -> smallint", db: { type: "integer" }, model: { type: "smallint" }, type: "smallint", value: 7 },
  { item: "bigint -> smallint", db: { type: "bigint" }, model: { type: "smallint" }, type: "smallint", value: 7 },
  // 35
  {
    item: "character(1) -> varchar(1)",
    db: { type: "character", length: 1 },
    model: { type: "varchar", length: 1 },
    type: "varchar(1)",
    value: "a",
  },
  {
    item: "varchar(6) -> varchar(12)",
    db: { type: "varchar", length: 6 },
    model: { type: "varchar", length: 12 },
    type: "varchar(12)",
    value: "abcdef",
  },
  {
    item: "integer -> varchar(10)",
    db: { type: "integer" },
    model: { type: "varchar", length: 10 },
    type: "varchar(10)",
    value: 42,
  },
  {
    item: "varchar(10) -> integer",
    db: { type: "varchar", length: 10 },
    model: { type: "integer" },
    type: "integer",
    value: "42",
  },
  // 37
  {
    item: "integer -> decimal(8,0)",
    db: { type: "integer" },
    model: { type: "decimal", precision: 8, scale: 0 },
    type: "decimal(8,0)",
    value: 5,
  },
  {
    item: "decimal(8,0) -> decimal(8,2)",
    db: { type: "decimal", precision: 8, scale: 0 },
    model: { type: "decimal", precision: 8, scale: 2 },
    type: "decimal(8,2)",
    value: 5,
  },
  { item: "smallint -> integer", db: { type: "smallint" }, model: { type: "integer" }, type: "integer", value: 5 },
  // 39: a TypeORM value transformer (Alembic's TypeDecorator) does not change the column type
  {
    item: "integer vs integer with a value transformer",
    db: { type: "integer" },
    model: { type: "integer", transformer: { to: (v: unknown) => v, from: (v: unknown) => v } },
    type: null,
  },
  {
    item: "varchar(10) -> integer with a value transformer",
    db: { type: "varchar", length: 10 },
    model: { type: "integer", transformer: { to: (v: unknown) => v, from: (v: unknown) => v } },
    type: "integer",
  },
];

for (const c of TYPE_CASES) {
  test(`${c.item}: ${c.type === null ? "no diff" : `modify type=${c.type}`} (ported from Alembic tests/test_autogen_diffs.py, CompareTypeSpecificityTest)`, async (t) => {
    const env = await scenarioEnv(t);
    if (!env) return;
    await env.apply([typed({ ...c.db, nullable: true })]);
    const config = env.config([typed({ ...c.model, nullable: true })]);
    assert.deepEqual(await env.diff(config), c.type === null ? [] : [`alter_column typ.x type=${c.type}`]);
    if (c.type === null) return;
    if (c.value !== undefined) await env.conn.query(`INSERT INTO "typ" ("id", "x") VALUES (1, ?)`, [c.value]);
    await env.upgradeInSync(config);
    if (c.value !== undefined) {
      const rows = (await env.conn.query(`SELECT "id" FROM "typ"`)).rows;
      assert.equal(rows.length, 1, "the row survives the table copy");
    }
  });
}

// 34: CompareMetadataToInspectorTest — the same type on both sides never diffs (false-positive guard)
const { AllTypes } = entities({
  AllTypes: [
    Entity("alltypes"),
    {
      id: pk(),
      c_integer: [Number, Column({ type: "integer", nullable: true })],
      c_int: [Number, Column({ type: "int", nullable: true })],
      c_char: [String, Column({ type: "character", length: 1, nullable: true })],
      c_varchar: [String, Column({ type: "varchar", length: 32, nullable: true })],
      c_nvarchar: [String, Column({ type: "nvarchar", length: 32, nullable: true })],
      c_text: [String, Column({ type: "text", nullable: true })],
      c_float: [Number, Column({ type: "float", nullable: true })],
      c_real: [Number, Column({ type: "real", nullable: true })],
      c_double: [Number, Column({ type: "double", nullable: true })],
      c_numeric: [Number, Column({ type: "numeric", nullable: true })],
      c_decimal: [Number, Column({ type: "decimal", precision: 10, scale: 2, nullable: true })],
      c_datetime: [Date, Column({ type: "datetime", nullable: true })],
      c_date: [String, Column({ type: "date", nullable: true })],
      c_time: [String, Column({ type: "time", nullable: true })],
      c_boolean: [Boolean, Column({ type: "boolean", nullable: true })],
      c_bigint: [String, Column({ type: "bigint", nullable: true })],
      c_smallint: [Number, Column({ type: "smallint", nullable: true })],
      c_blob: [Object, Column({ type: "blob", nullable: true })],
      c_json: [Object, Column({ type: "json", nullable: true })],
      c_simple_json: [Object, Column({ type: "simple-json", nullable: true })],
      c_simple_array: [Array, Column({ type: "simple-array", nullable: true })],
      c_enum: [String, Column({ type: "simple-enum", enum: ["one", "two", "three"], nullable: true })],
      c_varchar_nolen: [String, Column({ type: "varchar", nullable: true })],
    },
  ],
});

test("every TypeORM SQLite type round-trips with no diff (ported from Alembic tests/test_autogen_diffs.py (CompareTypeSpecificityTest))", async (t) => {
  const env = await scenarioEnv(t);
  if (!env) return;
  await env.apply([AllTypes]);
  assert.deepEqual(await env.diff(env.config([AllTypes])), []);
});

test("the same types written by hand in the database (DDL as TypeORM would emit it) give no diff (ported from Alembic tests/test_autogen_diffs.py (CompareTypeSpecificityTest))", async (t) => {
  const env = await scenarioEnv(t);
  if (!env) return;
  await env.conn.query(
    `CREATE TABLE "alltypes" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "c_integer" integer, "c_int" integer, "c_char" character(1), "c_varchar" varchar(32), "c_nvarchar" nvarchar(32), "c_text" text, "c_float" float, "c_real" real, "c_double" double, "c_numeric" numeric, "c_decimal" decimal(10,2), "c_datetime" datetime, "c_date" date, "c_time" time, "c_boolean" boolean, "c_bigint" bigint, "c_smallint" smallint, "c_blob" blob, "c_json" json, "c_simple_json" text, "c_simple_array" text, "c_enum" varchar CHECK( "c_enum" IN ('one','two','three') ), "c_varchar_nolen" varchar)`,
  );
  assert.deepEqual(await env.diff(env.config([AllTypes])), []);
});

// 41: the compareType hook

const { Hooked1, Hooked2 } = entities({
  Hooked1: [
    Entity("hooked"),
    {
      id: pk(),
      value: [Number, Column({ type: "integer", nullable: true })],
      other: [String, Column({ type: "varchar", length: 20, nullable: true })],
    },
  ],
  Hooked2: [
    Entity("hooked"),
    {
      id: pk(),
      value: [String, Column({ type: "varchar", length: 10, nullable: true })],
      other: [String, Column({ type: "varchar", length: 20, nullable: true })],
    },
  ],
});

test("compareType returning false: no type diff even for integer -> varchar(10); the hook gets both columns and both types (ported from Alembic tests/test_autogen_diffs.py (CompareTypeSpecificityTest))", async (t) => {
  const env = await scenarioEnv(t);
  if (!env) return;
  await env.apply([Hooked1]);
  const calls: string[] = [];
  const config = env.config([Hooked2], {
    compareType: (_ctx, inspected: CoreColumn, metadata: CoreColumn, inspectedType, metadataType) => {
      calls.push(`${inspected.name}/${metadata.name}: ${inspectedType} -> ${metadataType}`);
      return false;
    },
  });
  assert.deepEqual(await env.diff(config), []);
  assert.ok(calls.includes("value/value: integer -> varchar(10)"), `hook calls: ${calls}`);
  assert.ok(calls.includes("other/other: varchar(20) -> varchar(20)"), `hook calls: ${calls}`);
});

test("compareType returning true: a modify_type for every compared column, even an unchanged one (ported from Alembic tests/test_autogen_diffs.py (CompareTypeSpecificityTest))", async (t) => {
  const env = await scenarioEnv(t);
  if (!env) return;
  await env.apply([Hooked1]);
  const config = env.config([Hooked2], { compareType: () => true });
  assert.deepEqual(await env.diff(config), [
    "alter_column hooked.id type=integer",
    "alter_column hooked.value type=varchar(10)",
    "alter_column hooked.other type=varchar(20)",
  ]);
});

test("compareType returning null/undefined falls through to the default comparison (ported from Alembic tests/test_autogen_diffs.py (CompareTypeSpecificityTest))", async (t) => {
  const env = await scenarioEnv(t);
  if (!env) return;
  await env.apply([Hooked1]);
  for (const verdict of [null, undefined]) {
    const config = env.config([Hooked2], { compareType: () => verdict });
    assert.deepEqual(await env.diff(config), ["alter_column hooked.value type=varchar(10)"], `verdict ${verdict}`);
  }
  const mixed = env.config([Hooked2], { compareType: (_c, col) => (col.name === "value" ? null : true) });
  assert.deepEqual(await env.diff(mixed), [
    "alter_column hooked.id type=integer",
    "alter_column hooked.value type=varchar(10)",
    "alter_column hooked.other type=varchar(20)",
  ]);
  await env.upgradeInSync(env.config([Hooked2], { compareType: () => null }));
});

test("compareType: false turns type comparison off, other comparisons stay on (Alembic's DefaultImpl.compare_type)", async (t) => {
  const env = await scenarioEnv(t);
  if (!env) return;
  const { Hooked3 } = entities({
    Hooked3: [
      Entity("hooked"),
      {
        id: pk(),
        value: [String, Column({ type: "varchar", length: 10 })],
        other: [String, Column({ type: "varchar", length: 20, nullable: true })],
      },
    ],
  });
  await env.apply([Hooked1]);
  assert.deepEqual(await env.diff(env.config([Hooked2], { compareType: false })), []);
  assert.deepEqual(await env.diff(env.config([Hooked3], { compareType: false })), [
    "alter_column hooked.value nullable=false",
  ]);
});

// ---- server defaults (43–45, 9) ----

interface DefaultCase {
  item: string;
  db: ColumnOptions;
  model: ColumnOptions;
  /** The expected `modify.default` (canonical SQL), undefined for "no diff". */
  default?: string | null;
}

const DEFAULT_CASES: DefaultCase[] = [
  {
    item: "varchar default 'some default' -> 'some new default'",
    db: { type: "varchar", length: 30, default: "some default" },
    model: { type: "varchar", length: 30, default: "some new default" },
    default: "'some new default'",
  },
  {
    item: "integer default 15 -> 20",
    db: { type: "integer", default: 15 },
    model: { type: "integer", default: 20 },
    default: "20",
  },
  {
    item: "'some default' unchanged",
    db: { type: "varchar", length: 30, default: "some default" },
    model: { type: "varchar", length: 30, default: "some default" },
  },
  {
    item: "'//slash' unchanged",
    db: { type: "varchar", length: 30, default: "//slash" },
    model: { type: "varchar", length: 30, default: "//slash" },
  },
  {
    item: "a default with a quote unchanged",
    db: { type: "varchar", length: 30, default: "has ' quote" },
    model: { type: "varchar", length: 30, default: "has ' quote" },
  },
  { item: "integer 15 unchanged", db: { type: "integer", default: 15 }, model: { type: "integer", default: 15 } },
  {
    item: "CURRENT_TIMESTAMP unchanged",
    db: { type: "datetime", default: () => "CURRENT_TIMESTAMP" },
    model: { type: "datetime", default: () => "CURRENT_TIMESTAMP" },
  },
  {
    item: "datetime('now') unchanged",
    db: { type: "datetime", default: () => "(datetime('now'))" },
    model: { type: "datetime", default: () => "(datetime('now'))" },
  },
  {
    item: "boolean true unchanged",
    db: { type: "boolean", default: true },
    model: { type: "boolean", default: true },
  },
  {
    item: "decimal 0 unchanged",
    db: { type: "decimal", precision: 8, scale: 2, default: 0 },
    model: { type: "decimal", precision: 8, scale: 2, default: 0 },
  },
  { item: "no default -> 'x'", db: { type: "text" }, model: { type: "text", default: "x" }, default: "'x'" },
  { item: "reverse: 'x' -> no default", db: { type: "text", default: "x" }, model: { type: "text" }, default: null },
  {
    item: "boolean true -> false",
    db: { type: "boolean", default: true },
    model: { type: "boolean", default: false },
    default: "0",
  },
];

for (const c of DEFAULT_CASES) {
  test(`${c.item}: ${c.default === undefined ? "no diff" : `modify default=${c.default}`} (ported from Alembic tests/test_autogen_diffs.py, CompareServerDefaultTest)`, async (t) => {
    const env = await scenarioEnv(t);
    if (!env) return;
    await env.apply([typed({ ...c.db, nullable: true })]);
    const config = env.config([typed({ ...c.model, nullable: true })]);
    assert.deepEqual(
      await env.diff(config),
      c.default === undefined ? [] : [`alter_column typ.x default=${c.default}`],
    );
    if (c.default === undefined) return;
    await env.conn.query(`INSERT INTO "typ" ("id", "x") VALUES (1, NULL)`);
    await env.upgradeInSync(config);
    assert.equal((await env.conn.query(`SELECT "x" FROM "typ"`)).rows[0]!.x, null, "an existing row keeps its value");
  });
}

test("defaults written by hand in the database in other spellings (parenthesised, lower-case, function calls with/without spaces) give no diff (ported from Alembic tests/test_autogen_diffs.py (CompareServerDefaultTest))", async (t) => {
  const env = await scenarioEnv(t);
  if (!env) return;
  const { Dflt } = entities({
    Dflt: [
      Entity("dflt"),
      {
        id: pk(),
        n: [Number, Column({ type: "integer", default: 15 })],
        s: [String, Column({ type: "varchar", length: 30, default: "some default" })],
        ts: [Date, Column({ type: "datetime", default: () => "CURRENT_TIMESTAMP" })],
        ts2: [Date, Column({ type: "datetime", default: () => "(datetime('now'))" })],
        sub: [String, Column({ type: "varchar", length: 3, default: () => "(substr('name', 1, 3))" })],
      },
    ],
  });
  await env.conn.query(
    `CREATE TABLE "dflt" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "n" integer NOT NULL DEFAULT (15), "s" varchar(30) NOT NULL DEFAULT ('some default'), "ts" datetime NOT NULL DEFAULT current_timestamp, "ts2" datetime NOT NULL DEFAULT (datetime( 'now' )), "sub" varchar(3) NOT NULL DEFAULT (substr('name',1,3)))`,
  );
  assert.deepEqual(await env.diff(env.config([Dflt])), []);
});

const { Sd1, Sd2 } = entities({
  Sd1: [
    Entity("sd"),
    {
      id: pk(),
      changed: [String, Column({ type: "varchar", length: 30, default: "old" })],
      same: [Number, Column({ type: "integer", default: 15 })],
      none: [Number, Column({ type: "integer", nullable: true })],
    },
  ],
  Sd2: [
    Entity("sd"),
    {
      id: pk(),
      changed: [String, Column({ type: "varchar", length: 30, default: "new" })],
      same: [Number, Column({ type: "integer", default: 15 })],
      none: [Number, Column({ type: "integer", nullable: true })],
    },
  ],
});

test("compareServerDefault returning false: no default diff even though one changed; the hook gets both defaults (ported from Alembic tests/test_autogen_diffs.py (CompareServerDefaultTest))", async (t) => {
  const env = await scenarioEnv(t);
  if (!env) return;
  await env.apply([Sd1]);
  const calls: string[] = [];
  const config = env.config([Sd2], {
    compareServerDefault: (_ctx, inspected: CoreColumn, metadata: CoreColumn, inspectedDefault, metadataDefault) => {
      calls.push(`${inspected.name}/${metadata.name}: ${inspectedDefault} -> ${metadataDefault}`);
      return false;
    },
  });
  assert.deepEqual(await env.diff(config), []);
  assert.ok(calls.includes("changed/changed: 'old' -> 'new'"), `hook calls: ${calls}`);
  assert.ok(calls.includes("same/same: 15 -> 15"), `hook calls: ${calls}`);
});

test("compareServerDefault returning null falls through; compareServerDefault: false turns the comparison off (ported from Alembic tests/test_autogen_diffs.py (CompareServerDefaultTest))", async (t) => {
  const env = await scenarioEnv(t);
  if (!env) return;
  await env.apply([Sd1]);
  assert.deepEqual(await env.diff(env.config([Sd2], { compareServerDefault: () => null })), [
    "alter_column sd.changed default='new'",
  ]);
  assert.deepEqual(
    await env.diff(env.config([Sd2], { compareServerDefault: (_c, col) => (col.name === "same" ? false : null) })),
    ["alter_column sd.changed default='new'"],
  );
  assert.deepEqual(await env.diff(env.config([Sd2], { compareServerDefault: false })), []);
  await env.upgradeInSync(env.config([Sd2], { compareServerDefault: () => null }));
});

test("compareServerDefault returning true: a default diff even for an unchanged default (ported from Alembic tests/test_autogen_diffs.py (CompareServerDefaultTest))", async (t) => {
  const env = await scenarioEnv(t);
  if (!env) return;
  await env.apply([Sd1]);
  const config = env.config([Sd2], { compareServerDefault: (_c, col) => (col.name === "same" ? true : null) });
  assert.deepEqual(await env.diff(config), [
    "alter_column sd.changed default='new'",
    "alter_column sd.same default=15",
  ]);
});

// ---- computed columns (90–91) and comments (88–89; SQLite has none) ----

const { Gen0, Gen5, Gen5ws, Gen42 } = entities({
  Gen0: [Entity("g"), { id: pk(), bar: [Number, Column()] }],
  Gen5: [
    Entity("g"),
    {
      id: pk(),
      bar: [Number, Column()],
      foo: [Number, Column({ type: "integer", generatedType: "STORED", asExpression: `"bar" * 5`, nullable: true })],
    },
  ],
  Gen5ws: [
    Entity("g"),
    {
      id: pk(),
      bar: [Number, Column()],
      foo: [
        Number,
        Column({ type: "integer", generatedType: "STORED", asExpression: `"bar"  *\n\t5`, nullable: true }),
      ],
    },
  ],
  Gen42: [
    Entity("g"),
    {
      id: pk(),
      bar: [Number, Column()],
      foo: [Number, Column({ type: "integer", generatedType: "STORED", asExpression: `"bar" * 42`, nullable: true })],
    },
  ],
});

test("a computed column added (rows get its value), then removed (ported from Alembic alembic/testing/suite/test_autogen_computed.py)", async (t) => {
  const env = await scenarioEnv(t);
  if (!env) return;
  await env.apply([Gen0]);
  await env.conn.query(`INSERT INTO "g" ("bar") VALUES (2)`);
  const r = await command.check(env.config([Gen5]));
  const added = (r.ops.upgradeOps.ops as any[]).flatMap((o) => o.ops ?? [o]).flatMap((o: any) => o.ops ?? [o]);
  assert.deepEqual(
    added.map((o: any) => `${o.kind} ${o.column.name}`),
    ["AddColumnOp foo"],
  );
  assert.deepEqual(added[0].column.generated, { expression: `"bar" * 5`, stored: true });
  await env.upgradeInSync(env.config([Gen5]));
  assert.deepEqual(
    (await env.conn.query(`SELECT "bar", "foo" FROM "g"`)).rows.map((x) => ({ ...x })),
    [{ bar: 2, foo: 10 }],
  );
  assert.deepEqual(await env.diff(env.config([Gen0])), ["remove_column g.foo"]);
  await env.upgradeInSync(env.config([Gen0]));
});

test("a computed expression that differs only in whitespace: no diff; a changed one is re-created (Alembic only warns) (ported from Alembic alembic/testing/suite/test_autogen_computed.py)", async (t) => {
  const env = await scenarioEnv(t);
  if (!env) return;
  await env.apply([Gen5]);
  await env.conn.query(`INSERT INTO "g" ("bar") VALUES (2)`);
  assert.deepEqual(await env.diff(env.config([Gen5ws])), []);
  const config = env.config([Gen42]);
  assert.deepEqual(await env.diff(config), ["remove_column g.foo", "add_column g.foo"]);
  await env.upgradeInSync(config);
  assert.deepEqual(
    (await env.conn.query(`SELECT "bar", "foo" FROM "g"`)).rows.map((x) => ({ ...x })),
    [{ bar: 2, foo: 84 }],
  );
});

test("column comments on SQLite (no comment support): no diff (ported from Alembic alembic/testing/suite/test_autogen_comments.py)", async (t) => {
  const env = await scenarioEnv(t);
  if (!env) return;
  const { Cm1, Cm2 } = entities({
    Cm1: [Entity("cm"), { id: pk(), amount: [Number, Column()] }],
    Cm2: [Entity("cm"), { id: pk(), amount: [Number, Column({ comment: "the amount" })] }],
  });
  await env.apply([Cm1]);
  assert.deepEqual(await env.diff(env.config([Cm2])), []);
  const env2 = await scenarioEnv(t);
  if (!env2) return;
  await env2.apply([Cm2]);
  assert.deepEqual(await env2.diff(env2.config([Cm2])), []);
  assert.deepEqual(await env2.diff(env2.config([Cm1])), []);
});

test("a value added to a simple-enum (VARCHAR + CHECK on SQLite) is detected: its type-bound CHECK is re-created (Alembic issue #826)", async (t) => {
  const env = await scenarioEnv(t);
  if (!env) return;
  const { E1, E2 } = entities({
    E1: [Entity("e"), { id: pk(), kind: [String, Column({ type: "simple-enum", enum: ["a", "b"] })] }],
    E2: [Entity("e"), { id: pk(), kind: [String, Column({ type: "simple-enum", enum: ["a", "b", "c"] })] }],
  });
  await env.apply([E1]);
  const r = await command.check(env.config([E2]));
  assert.deepEqual(describeOps(r.ops.upgradeOps.ops), ["remove_check e.null", "add_check e.null"]);
  const [drop, add] = flattenOps(r.ops.upgradeOps.ops) as unknown as { constraint: { expression: string } }[];
  assert.match(drop!.constraint.expression, /'a', *'b'\s*\)/);
  assert.match(add!.constraint.expression, /'a', *'b', *'c'\s*\)/);
});
