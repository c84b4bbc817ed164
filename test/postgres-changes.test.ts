/**
 * Change scenarios on real PostgreSQL with rows in the tables: model v1 →
 * autogenerate + upgrade → rows inserted → model v2 → autogenerate gives the expected ops (a
 * type change is ONE AlterColumnOp, never a drop + add) → upgrade keeps every row with its
 * values → the model is in sync → downgrade -1 gives back a database that matches v1 again.
 */
import "reflect-metadata";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from "typeorm";
import { entities, pk } from "./helpers/entity-builder";
import type { OpNode } from "@autogen/core";
import { command, defineConfig } from "autogen";
import { useDatabase, tempDir } from "@autogen/dialects/testing";

import {
  insertRows,
  runChangeScenarios,
  selectRows,
  summarizeOps,
  type ChangeScenario,
} from "./helpers/change-scenario";
import {
  DefV1,
  DefV2,
  LenV1,
  LenV2,
  NarrowV1,
  NarrowV2,
  NotNullV1,
  NotNullV2,
  NullableV1,
  NullableV2,
  WidenV1,
  WidenV2,
} from "./helpers/change-entities";

// ---- entity sets (one pair of classes per scenario; table names may repeat across scenarios) ----

const {
  DecV1,
  DecV2,
  EnumV1,
  EnumV2,
  EnumFirstV2,
  EnumDropV1,
  EnumDropV2,
  IdxOrderV1,
  IdxOrderV2,
  DescV1,
  DescV2,
  UsingV1,
  UsingV2,
  EnumNewTableV1,
  EnumNewTableV2,
  EnumNewTableLabel,
  ShopCartV1,
  ShopRefundV1,
  ShopCartV2,
  ShopRefundV2,
  ShopCartV3,
  ShopRefundV3,
  UsingDefaultV1,
  UsingDefaultV2,
  IdentityV1,
  IdentityV2,
  EnumUseV2,
  DefRemovedV1,
  DefRemovedV2,
  JsonV1,
  JsonV2,
  TsV1,
  TsV2,
  BoolV1,
  BoolV2,
  ExtV1,
  ExtV2,
} = entities({
  DecV1: [Entity("price"), { id: pk(), amount: [String, Column("numeric", { precision: 8, scale: 2 })] }],
  DecV2: [Entity("price"), { id: pk(), amount: [String, Column("numeric", { precision: 12, scale: 4 })] }],
  EnumV1: [
    Entity("post"),
    {
      id: pk(),
      state: [String, Column({ type: "enum", enum: ["draft", "live"], enumName: "post_state", default: "draft" })],
    },
  ],
  EnumV2: [
    Entity("post"),
    {
      id: pk(),
      state: [
        String,
        Column({ type: "enum", enum: ["draft", "review", "live"], enumName: "post_state", default: "draft" }),
      ],
    },
  ],
  EnumFirstV2: [
    Entity("post"),
    {
      id: pk(),
      state: [
        String,
        Column({ type: "enum", enum: ["idea", "draft", "live"], enumName: "post_state", default: "draft" }),
      ],
    },
  ],
  EnumDropV1: [
    Entity("post"),
    {
      id: pk(),
      state: [
        String,
        Column({ type: "enum", enum: ["draft", "review", "live"], enumName: "post_state", default: "draft" }),
      ],
      history: [
        Array,
        Column({ type: "enum", enum: ["draft", "review", "live"], enumName: "post_state", array: true, default: [] }),
      ],
    },
  ],
  EnumDropV2: [
    Entity("post"),
    {
      id: pk(),
      state: [String, Column({ type: "enum", enum: ["draft", "live"], enumName: "post_state", default: "draft" })],
      history: [
        Array,
        Column({ type: "enum", enum: ["draft", "live"], enumName: "post_state", array: true, default: [] }),
      ],
    },
  ],
  IdxOrderV1: [
    Entity("person"),
    Index("IDX_person_name", ["first", "last"]),
    { id: pk(), first: [String, Column()], last: [String, Column()] },
  ],
  IdxOrderV2: [
    Entity("person"),
    Index("IDX_person_name", ["last", "first"]),
    { id: pk(), first: [String, Column()], last: [String, Column()] },
  ],
  DescV1: [Entity("player"), { id: pk(), score: [Number, Column()] }],
  DescV2: [Entity("player"), Index("IDX_player_score", ["score"]), { id: pk(), score: [Number, Column()] }],
  UsingV1: [Entity("item"), { id: pk(), code: [String, Column({ length: 20 })] }],
  UsingV2: [Entity("item"), { id: pk(), code: [Number, Column("int")] }],
  EnumNewTableV1: [Entity("ticket"), { id: pk() }],
  EnumNewTableV2: [Entity("ticket"), { id: pk() }],
  EnumNewTableLabel: [
    Entity("label"),
    { id: pk(), color: [String, Column({ type: "enum", enum: ["red", "green"], enumName: "label_color" })] },
  ],
  ShopCartV1: [
    Entity({ name: "cart", schema: "shop" }),
    {
      id: pk(),
      state: [
        String,
        Column({ type: "enum", enum: ["open", "paid", "void"], enumName: "shop_state", default: "open" }),
      ],
    },
  ],
  ShopRefundV1: [
    Entity({ name: "refund", schema: "shop" }),
    {
      id: pk(),
      state: [Object, Column({ type: "enum", enum: ["open", "paid", "void"], enumName: "shop_state", nullable: true })],
    },
  ],
  ShopCartV2: [
    Entity({ name: "cart", schema: "shop" }),
    {
      id: pk(),
      state: [String, Column({ type: "enum", enum: ["open", "paid"], enumName: "shop_state", default: "open" })],
    },
  ],
  ShopRefundV2: [
    Entity({ name: "refund", schema: "shop" }),
    {
      id: pk(),
      state: [Object, Column({ type: "enum", enum: ["open", "paid"], enumName: "shop_state", nullable: true })],
    },
  ],
  ShopCartV3: [
    Entity({ name: "cart", schema: "shop" }),
    {
      id: pk(),
      state: [
        String,
        Column({ type: "enum", enum: ["open", "paid", "void", "refunded"], enumName: "shop_state", default: "open" }),
      ],
    },
  ],
  ShopRefundV3: [
    Entity({ name: "refund", schema: "shop" }),
    {
      id: pk(),
      state: [
        Object,
        Column({ type: "enum", enum: ["open", "paid", "void", "refunded"], enumName: "shop_state", nullable: true }),
      ],
    },
  ],
  UsingDefaultV1: [Entity("item"), { id: pk(), qty: [String, Column({ length: 10, default: "0" })] }],
  UsingDefaultV2: [Entity("item"), { id: pk(), qty: [Number, Column({ type: "int", default: 0 })] }],
  IdentityV1: [Entity("job"), { id: [Number, PrimaryColumn("int")], name: [String, Column()] }],
  IdentityV2: [
    Entity("job"),
    { id: [Number, PrimaryGeneratedColumn("identity", { generatedIdentity: "ALWAYS" })], name: [String, Column()] },
  ],
  EnumUseV2: [
    Entity("post"),
    {
      id: pk(),
      state: [
        String,
        Column({ type: "enum", enum: ["draft", "review", "live"], enumName: "post_state", default: "review" }),
      ],
    },
  ],
  DefRemovedV1: [
    Entity("post"),
    {
      id: pk(),
      state: [
        String,
        Column({ type: "enum", enum: ["draft", "review", "live"], enumName: "post_state", default: "review" }),
      ],
    },
  ],
  DefRemovedV2: [
    Entity("post"),
    {
      id: pk(),
      state: [String, Column({ type: "enum", enum: ["draft", "live"], enumName: "post_state", default: "draft" })],
    },
  ],
  JsonV1: [
    Entity("pref"),
    { id: pk(), data: [Object, Column({ type: "jsonb", default: { theme: "dark", size: 1 } })] },
  ],
  JsonV2: [
    Entity("pref"),
    { id: pk(), data: [Object, Column({ type: "jsonb", default: { theme: "light", size: 1 } })] },
  ],
  TsV1: [Entity("event"), { id: pk(), at: [Date, Column({ type: "timestamptz", precision: 3 })] }],
  TsV2: [Entity("event"), { id: pk(), at: [Date, Column({ type: "timestamptz" })] }],
  BoolV1: [Entity("flag"), { id: pk(), on: [Boolean, Column({ type: "boolean", default: false })] }],
  BoolV2: [Entity("flag"), { id: pk(), on: [Number, Column({ type: "int", default: 0 })] }],
  ExtV1: [Entity("token"), { id: pk() }],
  ExtV2: [Entity("token"), { id: pk(), uid: [String, Column({ type: "uuid", default: () => "uuid_generate_v4()" })] }],
});

const SCENARIOS: ChangeScenario[] = [
  {
    name: "varchar 50 -> 200 is one ALTER, rows kept",
    before: [LenV1],
    after: [LenV2],
    rows: {
      account: [
        { id: 1, name: "alice" },
        { id: 2, name: "bob" },
      ],
    },
    ops: ["AlterColumnOp account.name type=varchar(200)"],
    expect: {
      account: {
        columns: ["id", "name"],
        rows: [
          { id: 1, name: "alice" },
          { id: 2, name: "bob" },
        ],
      },
    },
  },
  {
    name: "int -> bigint keeps the largest int",
    before: [WidenV1],
    after: [WidenV2],
    rows: {
      counter: [
        { id: 1, hits: 2147483647 },
        { id: 2, hits: -5 },
      ],
    },
    ops: ["AlterColumnOp counter.hits type=bigint"],
    expect: {
      counter: {
        columns: ["id", "hits"],
        rows: [
          { id: 1, hits: "2147483647" },
          { id: 2, hits: "-5" },
        ],
      },
    },
  },
  {
    name: "numeric(8,2) -> numeric(12,4)",
    before: [DecV1],
    after: [DecV2],
    rows: {
      price: [
        { id: 1, amount: "123456.78" },
        { id: 2, amount: "-0.5" },
      ],
    },
    ops: ["AlterColumnOp price.amount type=numeric(12,4)"],
    expect: {
      price: {
        columns: ["id", "amount"],
        rows: [
          { id: 1, amount: "123456.7800" },
          { id: 2, amount: "-0.5000" },
        ],
      },
    },
  },
  {
    name: "an enum value added in the middle: ALTER TYPE ... ADD VALUE AFTER, in an autocommit block",
    before: [EnumV1],
    after: [EnumV2],
    rows: {
      post: [
        { id: 1, state: "draft" },
        { id: 2, state: "live" },
      ],
    },
    ops: ["AddEnumValueOp post_state review after=draft"],
    rendered: [
      /await op\.autocommitBlock\(async \(\) => \{\s*await op\.addEnumValue\("post_state", "review", \{ after: "draft" \}\);/,
    ],
    sqlContains: ["COMMIT;\nALTER TYPE \"post_state\" ADD VALUE 'review' AFTER 'draft';\nBEGIN;\n"],
    expect: {
      post: {
        columns: ["id", "state"],
        rows: [
          { id: 1, state: "draft" },
          { id: 2, state: "live" },
        ],
      },
    },
  },
  {
    name: "an enum value added and made the default in the same revision (the autocommit block commits it first)",
    before: [EnumV1],
    after: [EnumUseV2],
    rows: { post: [{ id: 1, state: "live" }] },
    ops: ["AddEnumValueOp post_state review after=draft", "AlterColumnOp post.state default='review'"],
    expect: { post: { columns: ["id", "state"], rows: [{ id: 1, state: "live" }] } },
  },
  {
    name: "an enum value added first: ADD VALUE BEFORE",
    before: [EnumV1],
    after: [EnumFirstV2],
    rows: { post: [{ id: 1, state: "live" }] },
    ops: ["AddEnumValueOp post_state idea before=draft"],
    expect: { post: { columns: ["id", "state"], rows: [{ id: 1, state: "live" }] } },
  },
  {
    name: "an enum value removed: the type is recreated and its columns (array included) converted, with a warning",
    before: [EnumDropV1],
    after: [EnumDropV2],
    rows: {
      post: [
        { id: 1, state: "draft", history: "{draft}" },
        { id: 2, state: "live", history: "{draft,live}" },
      ],
    },
    ops: ["RecreateEnumOp post_state [draft,review,live] -> [draft,live] columns=post.state,post.history[]"],
    rendered: ['// WARNING: enum post_state is recreated without "review"'],
    sqlContains: [
      `ALTER TYPE "post_state" RENAME TO "post_state__old";\nCREATE TYPE "post_state" AS ENUM ('draft', 'live');\n`,
      `ALTER TABLE "post" ALTER COLUMN "history" TYPE "post_state"[] USING "history"::text[]::"post_state"[];\n`,
      `DROP TYPE "post_state__old";\n`,
    ],
    expect: {
      post: {
        columns: ["id", "state", "history"],
        rows: [
          { id: 1, state: "draft", history: "{draft}" },
          { id: 2, state: "live", history: "{draft,live}" },
        ],
      },
    },
  },
  {
    name: "an enum loses the value its column defaulted to: the recreate sets the model's new default, no separate alterColumn",
    before: [DefRemovedV1],
    after: [DefRemovedV2],
    rows: {
      post: [
        { id: 1, state: "draft" },
        { id: 2, state: "live" },
      ],
    },
    ops: ["RecreateEnumOp post_state [draft,review,live] -> [draft,live] columns=post.state"],
    sqlContains: [
      `ALTER TABLE "post" ALTER COLUMN "state" DROP DEFAULT;\nALTER TABLE "post" ALTER COLUMN "state" TYPE "post_state" USING "state"::text::"post_state";\nALTER TABLE "post" ALTER COLUMN "state" SET DEFAULT 'draft';\n`,
    ],
    expect: {
      post: {
        columns: ["id", "state"],
        rows: [
          { id: 1, state: "draft" },
          { id: 2, state: "live" },
        ],
      },
    },
  },
  {
    name: "an enum of a named schema shared by two tables loses a value: both columns converted, schema-qualified",
    before: [ShopCartV1, ShopRefundV1],
    after: [ShopCartV2, ShopRefundV2],
    rows: {
      "shop.cart": [
        { id: 1, state: "open" },
        { id: 2, state: "paid" },
      ],
      "shop.refund": [
        { id: 1, state: "paid" },
        { id: 2, state: null },
      ],
    },
    ops: ["RecreateEnumOp shop_state [open,paid,void] -> [open,paid] columns=shop.cart.state,shop.refund.state"],
    sqlContains: [
      `ALTER TABLE "shop"."refund" ALTER COLUMN "state" TYPE "shop"."shop_state" USING "state"::text::"shop"."shop_state";\n`,
    ],
    expect: {
      "shop.cart": {
        columns: ["id", "state"],
        rows: [
          { id: 1, state: "open" },
          { id: 2, state: "paid" },
        ],
      },
      "shop.refund": {
        columns: ["id", "state"],
        rows: [
          { id: 1, state: "paid" },
          { id: 2, state: null },
        ],
      },
    },
  },
  {
    name: "an enum of a named schema gets a value at the end",
    before: [ShopCartV1, ShopRefundV1],
    after: [ShopCartV3, ShopRefundV3],
    rows: { "shop.cart": [{ id: 1, state: "void" }] },
    ops: ["AddEnumValueOp shop_state refunded after=void"],
    rendered: ['await op.addEnumValue("shop_state", "refunded", { after: "void", schema: "shop" });'],
    expect: { "shop.cart": { columns: ["id", "state"], rows: [{ id: 1, state: "void" }] } },
  },
  {
    name: "varchar with a default -> integer with a default: the default is dropped around the USING conversion",
    before: [UsingDefaultV1],
    after: [UsingDefaultV2],
    rows: { item: [{ id: 1, qty: "12" }, { id: 2 }] },
    ops: ["AlterColumnOp item.qty default=0 type=integer warning"],
    expect: {
      item: {
        columns: ["id", "qty"],
        rows: [
          { id: 1, qty: 12 },
          { id: 2, qty: 0 },
        ],
      },
    },
  },
  {
    name: "a plain integer key becomes an identity column (ALWAYS), in place",
    before: [IdentityV1],
    after: [IdentityV2],
    rows: { job: [{ id: 7, name: "a" }] },
    ops: ["AlterColumnOp job.id identity=[object Object]"],
    rendered: ['await op.alterColumn("job", "id", { identity: { always: true }'],
    sqlContains: [`ALTER TABLE "job" ALTER COLUMN "id" ADD GENERATED ALWAYS AS IDENTITY;\n`],
    expect: { job: { columns: ["id", "name"], rows: [{ id: 7, name: "a" }] } },
  },
  {
    name: "a jsonb default changes value (not just key order): one ALTER, rows kept",
    before: [JsonV1],
    after: [JsonV2],
    rows: { pref: [{ id: 1, data: `{"size": 2}` }] },
    ops: [`AlterColumnOp pref.data default='{"size": 1, "theme": "light"}'`],
    expect: { pref: { columns: ["id", "data"], rows: [{ id: 1, data: { size: 2 } }] } },
  },
  {
    name: "timestamptz(3) -> timestamptz (6): widened in place, values kept",
    before: [TsV1],
    after: [TsV2],
    rows: { event: [{ id: 1, at: "2026-01-02T03:04:05.678Z" }] },
    ops: ["AlterColumnOp event.at type=timestamptz"],
    expect: { event: { columns: ["id", "at"], rows: [{ id: 1, at: new Date("2026-01-02T03:04:05.678Z") }] } },
  },
  {
    name: "boolean -> integer needs USING (no assignment cast), its default dropped and set around it",
    before: [BoolV1],
    after: [BoolV2],
    rows: {
      flag: [
        { id: 1, on: true },
        { id: 2, on: false },
      ],
    },
    ops: ["AlterColumnOp flag.on default=0 type=integer"],
    sqlContains: [
      `ALTER TABLE "flag" ALTER COLUMN "on" DROP DEFAULT;\nALTER TABLE "flag" ALTER COLUMN "on" TYPE integer USING "on"::integer;\nALTER TABLE "flag" ALTER COLUMN "on" SET DEFAULT 0;\n`,
    ],
    expect: {
      flag: {
        columns: ["id", "on"],
        rows: [
          { id: 1, on: 1 },
          { id: 2, on: 0 },
        ],
      },
    },
  },
  {
    name: "a uuid_generate_v4() default: CREATE EXTENSION uuid-ossp is an op of the revision (its downgrade drops it)",
    before: [ExtV1],
    after: [ExtV2],
    rows: { token: [{ id: 1 }] },
    ops: ["CreateExtensionOp uuid-ossp", "AddColumnOp token.uid"],
    rendered: ['await op.createExtension("uuid-ossp");', 'await op.dropExtension("uuid-ossp");'],
    sqlContains: [`CREATE EXTENSION IF NOT EXISTS "uuid-ossp";\n`],
    expect: { token: { columns: ["id"], rows: [{ id: 1 }] } },
  },
  {
    name: "not null -> nullable",
    before: [NullableV1],
    after: [NullableV2],
    rows: { account: [{ id: 1, name: "a" }] },
    ops: ["AlterColumnOp account.name nullable=true"],
    expect: { account: { columns: ["id", "name"], rows: [{ id: 1, name: "a" }] } },
  },
  {
    name: "nullable -> not null with a default",
    before: [NotNullV1],
    after: [NotNullV2],
    rows: { account: [{ id: 1, nick: "zed" }] },
    ops: ["AlterColumnOp account.nick default='anon' nullable=false"],
    expect: { account: { columns: ["id", "nick"], rows: [{ id: 1, nick: "zed" }] } },
  },
  {
    name: "default change",
    before: [DefV1],
    after: [DefV2],
    rows: { account: [{ id: 1, level: 7 }] },
    ops: ["AlterColumnOp account.level default=2"],
    expect: { account: { columns: ["id", "level"], rows: [{ id: 1, level: 7 }] } },
  },
  {
    name: "a composite index whose column order changes is re-created",
    before: [IdxOrderV1],
    after: [IdxOrderV2],
    rows: { person: [{ id: 1, first: "ada", last: "lovelace" }] },
    ops: ["DropIndexOp person.IDX_person_name", "CreateIndexOp person.IDX_person_name(last,first)"],
    expect: { person: { columns: ["id", "first", "last"], rows: [{ id: 1, first: "ada", last: "lovelace" }] } },
  },
  {
    name: "a DESC index in the database, ascending in the model, is re-created",
    before: [DescV2],
    after: [DescV2],
    setup: [`DROP INDEX "IDX_player_score"`, `CREATE INDEX "IDX_player_score" ON "player" ("score" DESC)`],
    rows: {
      player: [
        { id: 1, score: 10 },
        { id: 2, score: 20 },
      ],
    },
    ops: ["DropIndexOp player.IDX_player_score", "CreateIndexOp player.IDX_player_score(score)"],
    expect: {
      player: {
        columns: ["id", "score"],
        rows: [
          { id: 1, score: 10 },
          { id: 2, score: 20 },
        ],
      },
    },
  },
  {
    name: "varchar -> integer needs USING, rows converted",
    before: [UsingV1],
    after: [UsingV2],
    rows: {
      item: [
        { id: 1, code: "42" },
        { id: 2, code: "-7" },
      ],
    },
    ops: ["AlterColumnOp item.code type=integer warning"],
    rendered: ["// WARNING: type change on item.code from varchar(20) to integer converts every value"],
    sqlContains: [`ALTER TABLE "item" ALTER COLUMN "code" TYPE integer USING "code"::integer;\n`],
    expect: {
      item: {
        columns: ["id", "code"],
        rows: [
          { id: 1, code: 42 },
          { id: 2, code: -7 },
        ],
      },
    },
  },
  {
    name: "varchar 200 -> 50 narrows: one ALTER with a warning comment",
    before: [NarrowV1],
    after: [NarrowV2],
    rows: { account: [{ id: 1, name: "short" }] },
    ops: ["AlterColumnOp account.name type=varchar(50) warning"],
    rendered: [/\/\/ WARNING: narrowing type change on account\.name from varchar\(200\) to varchar\(50\)/],
    expect: { account: { columns: ["id", "name"], rows: [{ id: 1, name: "short" }] } },
  },
  {
    name: "a new table using a new enum: CREATE TYPE before CREATE TABLE",
    before: [EnumNewTableV1],
    after: [EnumNewTableV2, EnumNewTableLabel],
    rows: { ticket: [{ id: 1 }] },
    ops: ["CreateEnumOp label_color [red,green]", "CreateTableOp label"],
    expect: { ticket: { columns: ["id"], rows: [{ id: 1 }] }, label: { columns: ["id", "color"], rows: [] } },
  },
  {
    name: "the last table using an enum dropped: DROP TYPE after DROP TABLE",
    before: [EnumNewTableV2, EnumNewTableLabel],
    after: [EnumNewTableV1],
    rows: { ticket: [{ id: 1 }], label: [{ id: 1, color: "red" }] },
    ops: ["DropTableOp label", "DropEnumOp label_color [red,green]"],
    expect: { ticket: { columns: ["id"], rows: [{ id: 1 }] } },
  },
];

const list = (v: readonly unknown[]): string => `[${v.join(",")}]`;

/** One line per op in tree order: `Kind table[.detail]`, ModifyTableOps flattened. */
function summarize(ops: readonly OpNode[]): string[] {
  return summarizeOps(ops, (o, table, standard) => {
    switch (o.kind) {
      case "AlterColumnOp":
        return [standard, o.using ? `using=${o.using}` : "", o.warning ? "warning" : ""].filter(Boolean).join(" ");
      case "CreateIndexOp":
        return `${o.kind} ${table}.${o.index.name}(${o.index.elements.map((e: any) => e.column + (e.descending ? " DESC" : "")).join(",")})`;
      case "CreateEnumOp":
      case "DropEnumOp":
        return `${o.kind} ${o.enum.name} ${list(o.enum.values)}`;
      case "CreateExtensionOp":
      case "DropExtensionOp":
        return `${o.kind} ${o.name}`;
      case "AddEnumValueOp":
        return `AddEnumValueOp ${o.enum.name} ${o.value}${o.before ? ` before=${o.before}` : ""}${o.after ? ` after=${o.after}` : ""}`;
      case "RecreateEnumOp":
        return `RecreateEnumOp ${o.enum.name} ${list(o.existingValues)} -> ${list(o.enum.values)} columns=${o.columns
          .map(
            (c: any) =>
              `${c.table.schema ? `${c.table.schema}.` : ""}${c.table.name}.${c.column}${c.array ? "[]" : ""}`,
          )
          .join(",")}`;
      default:
        return standard ?? `${o.kind} ${table}`;
    }
  });
}

/** Arrays read as text, so expectations stay literal. */
const asText = (quoted: string, column: string): string =>
  column === "history" ? `${quoted}::text AS ${quoted}` : quoted;

runChangeScenarios({ dialect: "postgres", summarize, select: asText }, SCENARIOS);

const { RenameV1, RenameV2 } = entities({
  RenameV1: [
    Entity("post"),
    {
      id: pk(),
      state: [
        String,
        Column({ type: "enum", enum: ["draft", "review", "live"], enumName: "post_state", default: "review" }),
      ],
      history: [
        Object,
        Column({
          type: "enum",
          enum: ["draft", "review", "live"],
          enumName: "post_state",
          array: true,
          nullable: true,
          default: "{review}",
        }),
      ],
    },
  ],
  RenameV2: [
    Entity("post"),
    {
      id: pk(),
      state: [
        String,
        Column({ type: "enum", enum: ["draft", "reviewing", "live"], enumName: "post_state", default: "reviewing" }),
      ],
      history: [
        Object,
        Column({
          type: "enum",
          enum: ["draft", "reviewing", "live"],
          enumName: "post_state",
          array: true,
          nullable: true,
          default: "{reviewing}",
        }),
      ],
    },
  ],
});

test("postgres change: a renamed enum value: the warning says how, the reviewer adds renames, rows and defaults follow both ways", async (t) => {
  const db = await useDatabase(t, "postgres");
  if (!db) return;
  const scriptLocation = tempDir("pg-change");
  fs.mkdirSync(path.join(scriptLocation, "versions"));
  t.after(() => fs.rmSync(scriptLocation, { recursive: true, force: true }));
  const v1 = defineConfig({ scriptLocation, url: db.url, entities: [RenameV1], postWriteHooks: [] });
  const v2 = defineConfig({ scriptLocation, url: db.url, entities: [RenameV2], postWriteHooks: [] });
  assert.ok(await command.revision(v1, { message: "v1", autogenerate: true }));
  await command.upgrade(v1, "head");
  const conn = await db.connect();
  t.after(() => conn.close());
  await insertRows(conn, {
    post: [
      { id: 1, state: "review", history: "{draft,review}" },
      { id: 2, state: "live", history: null },
    ],
  });

  const file = await command.revision(v2, { message: "rename", autogenerate: true });
  assert.ok(file);
  const text = fs.readFileSync(file, "utf8");
  assert.match(
    text,
    /\/\/ WARNING: enum post_state is recreated without "review": rows of post\.state, post\.history holding/,
  );
  assert.match(text, /or if a value was renamed \(to "reviewing"\), pass renames: \{ old: "new" \}/);
  // The reviewer's edit: the value was renamed, in both directions.
  const edited = text
    .replace(
      /(await op\.recreateEnum\("post_state", \["draft", "reviewing", "live"\], \{ existingValues: \["draft", "review", "live"\], columns: \[[^\]]*\])/,
      `$1, renames: { review: "reviewing" }`,
    )
    .replace(
      /(await op\.recreateEnum\("post_state", \["draft", "review", "live"\], \{ existingValues: \["draft", "reviewing", "live"\], columns: \[[^\]]*\])/,
      `$1, renames: { reviewing: "review" }`,
    );
  assert.equal(edited.match(/\], renames: \{ \w+: "\w+" \}/g)?.length, 2, `both calls edited:\n${edited}`);
  fs.writeFileSync(file, edited);

  await command.upgrade(v2, "head");
  assert.deepEqual(await selectRows(conn, "post", ["id", "state", "history"]), [
    { id: 1, state: "reviewing", history: "{draft,reviewing}" },
    { id: 2, state: "live", history: null },
  ]);
  assert.equal((await command.check(v2)).upToDate, true, "the defaults follow the rename");
  await command.downgrade(v2, "-1");
  assert.deepEqual(await selectRows(conn, "post", ["id", "state", "history"]), [
    { id: 1, state: "review", history: "{draft,review}" },
    { id: 2, state: "live", history: null },
  ]);
  fs.rmSync(file);
  assert.equal((await command.check(v1)).upToDate, true, "downgrade -1 returns to v1");
});
