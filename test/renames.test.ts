/**
 * Rename candidates on every database, with a seeded row: each scenario is run confirmed (a
 * `renames` hint) and unconfirmed. Confirmed: the revision renames, the upgrade keeps the row
 * under the new name, autogenerate afterwards is empty, and downgrade -1 brings back the old
 * names with the row. Unconfirmed: check lists the candidate and its ops are a drop plus an add.
 */
import "reflect-metadata";
import assert from "node:assert/strict";
import fs from "node:fs";
import { test } from "node:test";
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Unique } from "typeorm";
import { entities } from "./helpers/entity-builder";
import { command } from "autogen";
import type { DialectName } from "@autogen/dialects";
import { useDatabase } from "@autogen/dialects/testing";
import { insertRows, scenarioConfigs, selectRows, summarizeOps, type Row } from "./helpers/change-scenario";

const DIALECTS: DialectName[] = ["sqlite", "postgres", "mysql"];

// ---- column rename -------------------------------------------------------------------------
const { ColV1, ColV2, WidenV2, AddedV2 } = entities({
  ColV1: [
    Entity("account"),
    { id: [Number, PrimaryColumn()], fullname: [String, Column({ type: "varchar", length: 50 })] },
  ],
  ColV2: [
    Entity("account"),
    { id: [Number, PrimaryColumn()], name: [String, Column({ type: "varchar", length: 50 })] },
  ],
  WidenV2: [
    Entity("account"),
    { id: [Number, PrimaryColumn()], name: [Object, Column({ type: "varchar", length: 200, nullable: true })] },
  ],
  AddedV2: [
    Entity("account"),
    {
      id: [Number, PrimaryColumn()],
      name: [String, Column({ type: "varchar", length: 50 })],
      age: [Object, Column({ type: "int", nullable: true })],
    },
  ],
});

// ---- table rename, with an index on it and a foreign key pointing at it ---------------------
const { CouponV1, OrderV1, CouponV2, OrderV2 } = entities({
  CouponV1: [
    Entity("coupons"),
    { id: [Number, PrimaryColumn()], code: [String, Index(), Column({ type: "varchar", length: 20 })] },
  ],
  OrderV1: [
    Entity("orders"),
    { id: [Number, PrimaryColumn()], coupon: [Object, ManyToOne(() => CouponV1, { nullable: true })] },
  ],
  CouponV2: [
    Entity("promo_codes"),
    { id: [Number, PrimaryColumn()], code: [String, Index(), Column({ type: "varchar", length: 20 })] },
  ],
  OrderV2: [
    Entity("orders"),
    { id: [Number, PrimaryColumn()], coupon: [Object, ManyToOne(() => CouponV2, { nullable: true })] },
  ],
});

// ---- an index, a unique constraint, a foreign key under a new name ------------------------
const { IdxV1, IdxV2, UqV1, UqV2, FkCouponV1, FkOrderV1, FkCouponV2, FkOrderV2 } = entities({
  IdxV1: [
    Entity("account"),
    {
      id: [Number, PrimaryColumn()],
      code: [String, Index("IDX_account_code"), Column({ type: "varchar", length: 20 })],
    },
  ],
  IdxV2: [
    Entity("account"),
    {
      id: [Number, PrimaryColumn()],
      code: [String, Index("IDX_account_code_v2"), Column({ type: "varchar", length: 20 })],
    },
  ],
  UqV1: [
    Entity("account"),
    Unique("UQ_account_code", ["code"]),
    { id: [Number, PrimaryColumn()], code: [String, Column({ type: "varchar", length: 20 })] },
  ],
  UqV2: [
    Entity("account"),
    Unique("UQ_account_code_v2", ["code"]),
    { id: [Number, PrimaryColumn()], code: [String, Column({ type: "varchar", length: 20 })] },
  ],
  FkCouponV1: [Entity("coupons"), { id: [Number, PrimaryColumn()] }],
  FkOrderV1: [
    Entity("orders"),
    {
      id: [Number, PrimaryColumn()],
      coupon: [
        Object,
        ManyToOne(() => FkCouponV1, { nullable: true }),
        JoinColumn({ name: "couponId", foreignKeyConstraintName: "FK_orders_coupon" }),
      ],
    },
  ],
  FkCouponV2: [Entity("coupons"), { id: [Number, PrimaryColumn()] }],
  FkOrderV2: [
    Entity("orders"),
    {
      id: [Number, PrimaryColumn()],
      coupon: [
        Object,
        ManyToOne(() => FkCouponV2, { nullable: true }),
        JoinColumn({ name: "couponId", foreignKeyConstraintName: "FK_orders_coupon_v2" }),
      ],
    },
  ],
});

// ---- a PostgreSQL enum value renamed -------------------------------------------------------
const { MoodV1, MoodV2 } = entities({
  MoodV1: [
    Entity("person"),
    {
      id: [Number, PrimaryColumn()],
      mood: [String, Column({ type: "enum", enum: ["sad", "ok", "happy"], enumName: "mood" })],
    },
  ],
  MoodV2: [
    Entity("person"),
    {
      id: [Number, PrimaryColumn()],
      mood: [String, Column({ type: "enum", enum: ["unhappy", "ok", "happy"], enumName: "mood" })],
    },
  ],
});

interface Scenario {
  name: string;
  /** Where it runs (default: every dialect). */
  dialects?: DialectName[];
  /** Also confirmed by a confirmRename callback, which answers yes to these kinds besides the hints' candidates. */
  callback?: { alsoKinds: string[]; asked: string[] };
  /** An op of the unconfirmed revision that loses what the rename keeps (a summarized op line). */
  dropped?: RegExp;
  /** What the upgrade() of the confirmed revision must hold. */
  upgrade?: RegExp;
  /** What differs on MySQL/MariaDB. */
  onMysql?: Partial<Pick<Scenario, "renames" | "candidates" | "dropped">>;
  before: Function[];
  after: Function[];
  rows: [string, Row[]][];
  /** The hints that confirm the renames. */
  renames: string[];
  /** The candidates check reports unconfirmed (`kind table.from->to`). */
  candidates: string[];
  /** After the confirmed upgrade: table → columns read → rows expected. */
  after_: Record<string, { columns: string[]; rows: Row[] }>;
  /** After the downgrade: the same, with the old names. */
  before_: Record<string, { columns: string[]; rows: Row[] }>;
}

const SCENARIOS: Scenario[] = [
  {
    name: "column rename",
    before: [ColV1],
    after: [ColV2],
    rows: [["account", [{ id: 1, fullname: "Ada" }]]],
    renames: ["account.fullname=name"],
    candidates: ["column account.fullname->name"],
    after_: { account: { columns: ["id", "name"], rows: [{ id: 1, name: "Ada" }] } },
    before_: { account: { columns: ["id", "fullname"], rows: [{ id: 1, fullname: "Ada" }] } },
  },
  {
    name: "column rename + widen (and made nullable)",
    before: [ColV1],
    after: [WidenV2],
    // One op: the rename takes the other changes over (SQLite ignores a varchar length, and its
    // batch recreates the table for the nullability, the copy mapping fullname to name).
    upgrade:
      /^(?:(?!alterColumn)[\s\S])*alterColumn\((?:"account", )?"fullname", \{ (?:type: "varchar\(200\)", )?nullable: true, newName: "name"[^\n]*\n(?:(?!alterColumn)[\s\S])*$/,
    rows: [["account", [{ id: 1, fullname: "Ada" }]]],
    renames: ["account.fullname=name"],
    candidates: ["column account.fullname->name"],
    after_: { account: { columns: ["id", "name"], rows: [{ id: 1, name: "Ada" }] } },
    before_: { account: { columns: ["id", "fullname"], rows: [{ id: 1, fullname: "Ada" }] } },
  },
  {
    name: "column rename + another column added",
    before: [ColV1],
    after: [AddedV2],
    rows: [["account", [{ id: 1, fullname: "Ada" }]]],
    renames: ["account.fullname=name"],
    candidates: ["column account.fullname->name", "column account.fullname->age"],
    after_: { account: { columns: ["id", "name", "age"], rows: [{ id: 1, name: "Ada", age: null }] } },
    before_: { account: { columns: ["id", "fullname"], rows: [{ id: 1, fullname: "Ada" }] } },
  },
  {
    name: "table rename with an index and a foreign key pointing at it",
    before: [CouponV1, OrderV1],
    after: [CouponV2, OrderV2],
    rows: [
      ["coupons", [{ id: 1, code: "SAVE10" }]],
      ["orders", [{ id: 7, couponId: 1 }]],
    ],
    renames: ["table:coupons=promo_codes"],
    candidates: ["table coupons.coupons->promo_codes"],
    // Confirmed by the callback, the index on the renamed table keeps its rows too: TypeORM's
    // index name follows the table name, so the index is a candidate once the table is renamed.
    callback: {
      alsoKinds: ["index"],
      asked: [
        "table coupons.coupons->promo_codes",
        "index promo_codes.IDX_e025109230e82925843f2a14c4->IDX_2f096c406a9d9d5b8ce204190c",
      ],
    },
    after_: {
      promo_codes: { columns: ["id", "code"], rows: [{ id: 1, code: "SAVE10" }] },
      orders: { columns: ["id", "couponId"], rows: [{ id: 7, couponId: 1 }] },
    },
    before_: {
      coupons: { columns: ["id", "code"], rows: [{ id: 1, code: "SAVE10" }] },
      orders: { columns: ["id", "couponId"], rows: [{ id: 7, couponId: 1 }] },
    },
  },
  {
    name: "index rename",
    before: [IdxV1],
    after: [IdxV2],
    rows: [["account", [{ id: 1, code: "A1" }]]],
    renames: ["index:account.IDX_account_code=IDX_account_code_v2"],
    candidates: ["index account.IDX_account_code->IDX_account_code_v2"],
    dropped: /^DropIndexOp account/,
    after_: { account: { columns: ["id", "code"], rows: [{ id: 1, code: "A1" }] } },
    before_: { account: { columns: ["id", "code"], rows: [{ id: 1, code: "A1" }] } },
  },
  {
    name: "unique constraint rename",
    before: [UqV1],
    after: [UqV2],
    rows: [["account", [{ id: 1, code: "A1" }]]],
    renames: ["unique:account.UQ_account_code=UQ_account_code_v2"],
    candidates: ["unique account.UQ_account_code->UQ_account_code_v2"],
    dropped: /^DropConstraintOp account/,
    // A unique constraint is a unique index on MySQL/MariaDB: the candidate is an index.
    onMysql: {
      renames: ["index:account.UQ_account_code=UQ_account_code_v2"],
      candidates: ["index account.UQ_account_code->UQ_account_code_v2"],
      dropped: /^DropIndexOp account/,
    },
    after_: { account: { columns: ["id", "code"], rows: [{ id: 1, code: "A1" }] } },
    before_: { account: { columns: ["id", "code"], rows: [{ id: 1, code: "A1" }] } },
  },
  {
    name: "foreign key rename",
    before: [FkCouponV1, FkOrderV1],
    after: [FkCouponV2, FkOrderV2],
    rows: [
      ["coupons", [{ id: 1 }]],
      ["orders", [{ id: 7, couponId: 1 }]],
    ],
    renames: ["fk:orders.FK_orders_coupon=FK_orders_coupon_v2"],
    candidates: ["foreign-key orders.FK_orders_coupon->FK_orders_coupon_v2"],
    dropped: /^DropConstraintOp orders/,
    after_: { orders: { columns: ["id", "couponId"], rows: [{ id: 7, couponId: 1 }] } },
    before_: { orders: { columns: ["id", "couponId"], rows: [{ id: 7, couponId: 1 }] } },
  },
  {
    name: "enum value rename",
    dialects: ["postgres"],
    before: [MoodV1],
    after: [MoodV2],
    rows: [["person", [{ id: 1, mood: "sad" }]]],
    renames: ["enum-value:mood.sad=unhappy"],
    candidates: ["enum-value mood.sad->unhappy"],
    // Unconfirmed, the type is recreated without 'sad': the row holding it makes that fail.
    dropped: /^RecreateEnumOp/,
    after_: { person: { columns: ["id", "mood"], rows: [{ id: 1, mood: "unhappy" }] } },
    before_: { person: { columns: ["id", "mood"], rows: [{ id: 1, mood: "sad" }] } },
  },
];

const describeCandidate = (c: { kind: string; table: string; from: string; to: string }) =>
  `${c.kind} ${c.table}.${c.from}->${c.to}`;
const summarize = (ops: Parameters<typeof summarizeOps>[0]) => summarizeOps(ops, (o, t) => `${o.kind} ${t}`);

async function readRows(
  conn: Parameters<typeof selectRows>[0],
  expect: Record<string, { columns: string[]; rows: Row[] }>,
  context: string,
) {
  for (const [table, e] of Object.entries(expect)) {
    const rows = (await selectRows(conn, table, e.columns)).map((r) =>
      Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === "bigint" ? Number(v) : v])),
    );
    assert.deepEqual(rows, e.rows, `rows of ${table} ${context}`);
  }
}

for (const dialect of DIALECTS) {
  for (const [i, scenario] of SCENARIOS.entries()) {
    if (scenario.dialects && !scenario.dialects.includes(dialect)) continue;
    const s: Scenario = { ...scenario, ...(dialect === "mysql" && scenario.onMysql) };
    // The first scenario is confirmed by the callback too: each way of confirming is shown.
    const callback = s.callback ?? (i === 0 ? { alsoKinds: [], asked: s.candidates.slice(0, 1) } : null);
    for (const by of callback ? (["hint", "confirmRename"] as const) : (["hint"] as const))
      test(`${dialect} rename: ${s.name}, confirmed by ${by}`, async (t) => {
        const db = await useDatabase(t, dialect);
        if (!db) return;
        const { v1, v2 } = scenarioConfigs(t, db, s.before, s.after);
        assert.ok(await command.revision(v1, { message: "v1", autogenerate: true }));
        await command.upgrade(v1, "head");
        const conn = await db.connect();
        t.after(() => conn.close());
        await insertRows(conn, s.rows);

        const asked: string[] = [];
        const file = await command.revision(v2, {
          message: "v2",
          autogenerate: true,
          ...(by === "hint"
            ? { renames: s.renames }
            : {
                confirmRename: (c) => {
                  asked.push(describeCandidate(c));
                  return (
                    s.renames.includes(`${c.table}.${c.from}=${c.to}`) ||
                    callback!.alsoKinds.includes(c.kind) ||
                    (c.kind === "table" && s.renames.includes(`table:${c.table}=${c.to}`))
                  );
                },
              }),
        });
        if (by === "confirmRename") assert.deepEqual(asked, callback!.asked);
        assert.ok(file);
        const text = fs.readFileSync(file, "utf8");
        const upgrade = text.slice(text.indexOf("upgrade("), text.indexOf("downgrade("));
        assert.doesNotMatch(upgrade, /dropColumn|dropTable\(|recreateEnum/, `no drop in the upgrade:\n${text}`);
        if (s.upgrade) assert.match(upgrade, s.upgrade, `the upgrade:\n${text}`);
        if (by === "confirmRename" || !s.callback)
          assert.doesNotMatch(upgrade, /dropIndex|dropConstraint/, `nothing dropped and created again:\n${text}`);
        await command.upgrade(v2, "head");
        await readRows(conn, s.after_, `after the upgrade\n${text}`);
        const after = await command.check(v2);
        assert.equal(
          after.upToDate,
          true,
          `v2 is in sync: ${JSON.stringify(summarize(after.ops.upgradeOps.ops))}\n${text}`,
        );

        await command.downgrade(v2, "-1");
        await readRows(conn, s.before_, `after the downgrade\n${text}`);
        fs.rmSync(file);
        const back = await command.check(v1);
        assert.equal(
          back.upToDate,
          true,
          `downgrade -1 returns to v1: ${JSON.stringify(summarize(back.ops.upgradeOps.ops))}`,
        );
      });

    test(`${dialect} rename: ${s.name}, unconfirmed`, async (t) => {
      const db = await useDatabase(t, dialect);
      if (!db) return;
      const { v1, v2 } = scenarioConfigs(t, db, s.before, s.after);
      assert.ok(await command.revision(v1, { message: "v1", autogenerate: true }));
      await command.upgrade(v1, "head");
      const asked: string[] = [];
      const pending = await command.check(v2, {
        confirmRename: (c) => {
          asked.push(describeCandidate(c));
          return false;
        },
      });
      assert.deepEqual(asked, s.candidates, "confirmRename is asked about each plausible candidate");
      assert.deepEqual(pending.renameCandidates.map(describeCandidate), s.candidates);
      const ops = summarize(pending.ops.upgradeOps.ops);
      if (!s.dropped)
        assert.ok(
          pending.risks.some((r) => r.code === "data-loss" && r.message.includes("unresolved rename candidate")),
          `the drop is a data-loss risk naming the candidate: ${JSON.stringify(pending.risks)}`,
        );
      const dropped = s.dropped ?? /^Drop(Column|Table)Op /;
      assert.ok(
        ops.some((o) => dropped.test(o)),
        `an unconfirmed rename is a drop: ${JSON.stringify(ops)}`,
      );
    });
  }
}

const { StrictCouponV1, LooseCouponV2 } = entities({
  StrictCouponV1: [
    Entity("coupons"),
    { id: [Number, PrimaryColumn()], code: [String, Column({ type: "varchar", length: 20 })] },
  ],
  LooseCouponV2: [
    Entity("promo_codes"),
    { id: [Number, PrimaryColumn()], code: [Object, Column({ type: "varchar", length: 20, nullable: true })] },
  ],
});

test("sqlite rename: a renamed table recreated by its batch, offline (--sql) and online", async (t) => {
  const db = await useDatabase(t, "sqlite");
  if (!db) return;
  const { v1, v2 } = scenarioConfigs(t, db, [StrictCouponV1], [LooseCouponV2]);
  const v1File = await command.revision(v1, { message: "v1", autogenerate: true });
  assert.ok(v1File);
  const v1Rev = /export const revision = "(\w+)"/.exec(fs.readFileSync(v1File, "utf8"))?.[1];
  await command.upgrade(v1, "head");
  const conn = await db.connect();
  t.after(() => conn.close());
  await insertRows(conn, { coupons: [{ id: 1, code: "SAVE10" }] });

  const file = await command.revision(v2, {
    message: "v2",
    autogenerate: true,
    renames: ["table:coupons=promo_codes"],
  });
  assert.ok(file);
  const text = fs.readFileSync(file, "utf8");
  // The batch after the rename knows the table under its new name, so --sql can write the recreate.
  assert.match(text, /copyFrom/, text);
  const offline = (await command.upgrade(v2, `${v1Rev}:head`, { sql: true })) as string;
  assert.match(offline, /ALTER TABLE "coupons" RENAME TO "promo_codes"/, offline);
  assert.match(offline, /INSERT INTO "[^"]+" \([^)]*\) SELECT [^;]* FROM "promo_codes"/, offline);

  await command.upgrade(v2, "head");
  assert.deepEqual(await selectRows(conn, "promo_codes", ["id", "code"]), [{ id: 1, code: "SAVE10" }]);
  assert.equal((await command.check(v2)).upToDate, true);
  await command.downgrade(v2, "-1");
  assert.deepEqual(await selectRows(conn, "coupons", ["id", "code"]), [{ id: 1, code: "SAVE10" }]);
});
