/**
 * Change scenarios on SQLite with rows in the tables: model v1 → autogenerate + upgrade → rows
 * inserted → model v2 → autogenerate gives the expected ops → upgrade keeps every row the change
 * does not remove (cascade children included) → the model is in sync → downgrade -1 brings
 * back a database that matches v1 again. Each upgrade and downgrade also runs as its `--sql`
 * script through the sqlite3 CLI on a copy of the database (batch blocks carry the table as
 * `copyFrom`, triggers included) and must give the online schema and rows.
 */
import "reflect-metadata";
import assert from "node:assert/strict";
import {
  Check,
  Column,
  Entity,
  Index,
  JoinTable,
  ManyToMany,
  ManyToOne,
  OneToMany,
  Unique,
  ViewColumn,
  ViewEntity,
} from "typeorm";
import { entities, pk } from "./helpers/entity-builder";
import type { OpNode } from "@autogen/core";
import { runChangeScenarios, selectRows, summarizeOps, type ChangeScenario } from "./helpers/change-scenario";
import { sqliteOfflineReplay } from "./helpers/sqlite-script";
import {
  DefV1,
  DefV2,
  LenV1,
  LenV2,
  NotNullV1,
  NotNullV2,
  NullableV1,
  NullableV2,
  WidenV1,
  WidenV2,
  NEW_ID,
} from "./helpers/change-entities";

// ---- entity sets (one pair of classes per scenario; table names may repeat across scenarios) ----

const {
  IdxV1,
  IdxV2,
  UqV1,
  UqV2,
  FkOwnerV1,
  FkPetV1,
  FkOwnerV2,
  FkPetV2,
  DropColV1,
  DropColV2,
  NewTblAccV1,
  NewTblAccV2,
  NewTblInvoice,
  DropRefVendorV1,
  DropRefProductV1,
  DropRefProductV2,
  AddNullV1,
  AddNullV2,
  AddDefV1,
  AddDefV2,
  CompIdxV1,
  CompIdxV2,
  CheckAddV1,
  CheckAddV2,
  CheckDropV1,
  CheckDropV2,
  UqAddV1,
  UqAddV2,
  IdxDropV1,
  IdxDropV2,
  RelAddTeam,
  RelAddMemberV1,
  RelAddMemberV2,
  CascadeAlbumV1,
  CascadeTrackV1,
  CascadeAlbumV2,
  CascadeTrackV2,
  M2mTagV1,
  M2mPostV1,
  M2mTagV2,
  M2mPostV2,
  DecV1,
  DecV2,
  PartialV1,
  PartialV2,
  DropTblAcc,
  DropTblLog,
  TextV1,
  TextV2,
  EnumV1,
  EnumV2,
  RetypeV1,
  RetypeV2,
  SeqV1,
  SeqV2,
  ViewedV1,
  ViewedV2,
  SaleRegion,
} = entities({
  IdxV1: [Entity("account"), { id: pk(), email: [String, Column()] }],
  IdxV2: [Entity("account"), { id: pk(), email: [String, Index("IDX_account_email"), Column()] }],
  UqV1: [Entity("account"), { id: pk(), code: [String, Column({ unique: true })] }],
  UqV2: [Entity("account"), { id: pk(), code: [String, Column()] }],
  FkOwnerV1: [Entity("owner"), { id: pk(), name: [String, Column()] }],
  FkPetV1: [
    Entity("pet"),
    {
      id: pk(),
      name: [String, Column()],
      owner: [Object, ManyToOne(() => FkOwnerV1, { onDelete: "CASCADE", nullable: true })],
    },
  ],
  FkOwnerV2: [Entity("owner"), { id: pk(), name: [String, Column()] }],
  FkPetV2: [
    Entity("pet"),
    {
      id: pk(),
      name: [String, Column()],
      owner: [Object, ManyToOne(() => FkOwnerV2, { onDelete: "SET NULL", nullable: true })],
    },
  ],
  DropColV1: [Entity("account"), { id: pk(), name: [String, Column()], legacy: [String, Column({ nullable: true })] }],
  DropColV2: [Entity("account"), { id: pk(), name: [String, Column()] }],
  NewTblAccV1: [Entity("account"), { id: pk(), name: [String, Column()] }],
  NewTblAccV2: [Entity("account"), { id: pk(), name: [String, Column()] }],
  NewTblInvoice: [
    Entity("invoice"),
    { id: pk(), account: [Object, ManyToOne(() => NewTblAccV2, { nullable: false })] },
  ],
  DropRefVendorV1: [Entity("vendor"), { id: pk(), name: [String, Column()] }],
  DropRefProductV1: [
    Entity("product"),
    { id: pk(), name: [String, Column()], vendor: [Object, ManyToOne(() => DropRefVendorV1, { nullable: true })] },
  ],
  DropRefProductV2: [Entity("product"), { id: pk(), name: [String, Column()] }],
  AddNullV1: [Entity("account"), { id: pk(), name: [String, Column()] }],
  AddNullV2: [
    Entity("account"),
    { id: pk(), name: [String, Column()], note: [Object, Column({ type: "varchar", nullable: true })] },
  ],
  AddDefV1: [Entity("account"), { id: pk(), name: [String, Column()] }],
  AddDefV2: [Entity("account"), { id: pk(), name: [String, Column()], active: [Boolean, Column({ default: true })] }],
  CompIdxV1: [Entity("person"), { id: pk(), first: [String, Column()], last: [String, Column()] }],
  CompIdxV2: [
    Entity("person"),
    Index("IDX_person_name", ["last", "first"]),
    { id: pk(), first: [String, Column()], last: [String, Column()] },
  ],
  CheckAddV1: [Entity("item"), { id: pk(), qty: [Number, Column()] }],
  CheckAddV2: [Entity("item"), Check("CHK_item_qty", `"qty" >= 0`), { id: pk(), qty: [Number, Column()] }],
  CheckDropV1: [Entity("item"), Check("CHK_item_qty", `"qty" >= 0`), { id: pk(), qty: [Number, Column()] }],
  CheckDropV2: [Entity("item"), { id: pk(), qty: [Number, Column()] }],
  UqAddV1: [Entity("seat"), { id: pk(), row: [String, Column()], num: [Number, Column()] }],
  UqAddV2: [
    Entity("seat"),
    Unique("UQ_seat_row_num", ["row", "num"]),
    { id: pk(), row: [String, Column()], num: [Number, Column()] },
  ],
  IdxDropV1: [Entity("account"), { id: pk(), email: [String, Index("IDX_account_email"), Column()] }],
  IdxDropV2: [Entity("account"), { id: pk(), email: [String, Column()] }],
  RelAddTeam: [Entity("team"), { id: pk(), name: [String, Column()] }],
  RelAddMemberV1: [Entity("member"), { id: pk(), name: [String, Column()] }],
  RelAddMemberV2: [
    Entity("member"),
    {
      id: pk(),
      name: [String, Column()],
      team: [Object, ManyToOne(() => RelAddTeam, { nullable: true, onDelete: "SET NULL" })],
    },
  ],
  CascadeAlbumV1: [
    Entity("album"),
    {
      id: pk(),
      title: [String, Column({ length: 40 })],
      tracks: [
        Array,
        OneToMany(
          () => CascadeTrackV1,
          (t) => t.album,
        ),
      ],
    },
  ],
  CascadeTrackV1: [
    Entity("track"),
    {
      id: pk(),
      title: [String, Column()],
      album: [
        Object,
        ManyToOne(
          () => CascadeAlbumV1,
          (a) => a.tracks,
          { onDelete: "CASCADE" },
        ),
      ],
    },
  ],
  CascadeAlbumV2: [
    Entity("album"),
    {
      id: pk(),
      title: [String, Column({ length: 120 })],
      tracks: [
        Array,
        OneToMany(
          () => CascadeTrackV2,
          (t) => t.album,
        ),
      ],
    },
  ],
  CascadeTrackV2: [
    Entity("track"),
    {
      id: pk(),
      title: [String, Column()],
      album: [
        Object,
        ManyToOne(
          () => CascadeAlbumV2,
          (a) => a.tracks,
          { onDelete: "CASCADE" },
        ),
      ],
    },
  ],
  M2mTagV1: [Entity("tag"), { id: pk(), label: [String, Column()] }],
  M2mPostV1: [
    Entity("post"),
    { id: pk(), title: [String, Column()], tags: [Array, ManyToMany(() => M2mTagV1), JoinTable()] },
  ],
  M2mTagV2: [Entity("tag"), { id: pk(), label: [String, Column()] }],
  M2mPostV2: [Entity("post"), { id: pk(), title: [String, Column()] }],
  DecV1: [Entity("price"), { id: pk(), amount: [String, Column("decimal", { precision: 8, scale: 2 })] }],
  DecV2: [Entity("price"), { id: pk(), amount: [String, Column("decimal", { precision: 12, scale: 4 })] }],
  PartialV1: [
    Entity("task"),
    Index("IDX_task_open", ["due"], { where: `"done" = 0` }),
    { id: pk(), due: [Number, Column()], done: [Boolean, Column()] },
  ],
  PartialV2: [
    Entity("task"),
    Index("IDX_task_open", ["due"], { where: `"done" = 0 AND "due" > 0` }),
    { id: pk(), due: [Number, Column()], done: [Boolean, Column()] },
  ],
  DropTblAcc: [Entity("account"), { id: pk(), name: [String, Column()] }],
  DropTblLog: [Entity("audit_log"), { id: pk(), line: [String, Column()] }],
  TextV1: [Entity("account"), { id: pk(), bio: [String, Column("varchar", { length: 100 })] }],
  TextV2: [Entity("account"), { id: pk(), bio: [String, Column("text")] }],
  EnumV1: [Entity("ticket"), { id: pk(), status: [String, Column({ type: "simple-enum", enum: ["open", "closed"] })] }],
  EnumV2: [
    Entity("ticket"),
    { id: pk(), status: [String, Column({ type: "simple-enum", enum: ["open", "closed", "archived"] })] },
  ],
  RetypeV1: [
    Entity("doc"),
    {
      id: pk(),
      body: [Object, Column("simple-json")],
      day: [String, Column("varchar")],
      ratio: [Number, Column("real")],
    },
  ],
  RetypeV2: [
    Entity("doc"),
    { id: pk(), body: [Object, Column("json")], day: [String, Column("date")], ratio: [Number, Column("integer")] },
  ],
  SeqV1: [Entity("account"), { id: pk(), name: [String, Column({ length: 10 })] }],
  SeqV2: [Entity("account"), { id: pk(), name: [String, Column({ length: 20 })] }],
  ViewedV1: [Entity("sale"), { id: pk(), region: [String, Column({ length: 10 })] }],
  ViewedV2: [Entity("sale"), { id: pk(), region: [String, Column({ length: 20 })] }],
  SaleRegion: [
    ViewEntity({ name: "sale_region", expression: `SELECT "id", "region" FROM "sale"` }),
    { id: [Number, ViewColumn()], region: [String, ViewColumn()] },
  ],
});

const SCENARIOS: ChangeScenario[] = [
  {
    ...NEW_ID,
    name: `${NEW_ID.name} as the table is recreated`,
    ops: ["AddColumnOp visit.id", "CreatePrimaryKeyOp visit", "DropConstraintOp visit.PrimaryKey"],
  },
  {
    name: "a table a view reads from is recreated (RENAME no longer trips over the view)",
    before: [ViewedV1, SaleRegion],
    after: [ViewedV2, SaleRegion],
    rows: { sale: [{ id: 1, region: "north" }] },
    ops: ["AlterColumnOp sale.region type=varchar(20)"],
    expect: {
      sale: { columns: ["id", "region"], rows: [{ id: 1, region: "north" }] },
      sale_region: { columns: ["id", "region"], rows: [{ id: 1, region: "north" }] },
    },
  },
  {
    name: "a recreated AUTOINCREMENT table keeps its counter: a deleted row's id is not reused",
    before: [SeqV1],
    after: [SeqV2],
    rows: { account: [{ name: "a" }, { name: "b" }, { name: "c" }] },
    prepare: async (conn) => void (await conn.query(`DELETE FROM "account" WHERE "id" = 3`)),
    ops: ["AlterColumnOp account.name type=varchar(20)"],
    expect: {
      account: {
        columns: ["id", "name"],
        rows: [
          { id: 1, name: "a" },
          { id: 2, name: "b" },
        ],
      },
    },
    verify: async (conn) => {
      await conn.query(`INSERT INTO "account" ("name") VALUES ('d')`);
      assert.deepEqual(await selectRows(conn, "account", ["id", "name"]), [
        { id: 1, name: "a" },
        { id: 2, name: "b" },
        { id: 4, name: "d" },
      ]);
      await conn.query(`DELETE FROM "account" WHERE "id" = 4`);
    },
  },
  {
    name: "text -> json, varchar -> date, real -> integer keep every value (JSON and DATE have NUMERIC affinity: no CAST)",
    before: [RetypeV1],
    after: [RetypeV2],
    rows: {
      doc: [
        { id: 1, body: '{"a":1}', day: "2021-02-01", ratio: 1.25 },
        { id: 2, body: "[]", day: "2021-12-31", ratio: 2 },
      ],
    },
    ops: [
      "AlterColumnOp doc.body type=json",
      "AlterColumnOp doc.day type=date",
      "AlterColumnOp doc.ratio type=integer",
    ],
    expect: {
      doc: {
        columns: ["id", "body", "day", "ratio"],
        rows: [
          { id: 1, body: '{"a":1}', day: "2021-02-01", ratio: 1.25 },
          { id: 2, body: "[]", day: "2021-12-31", ratio: 2 },
        ],
      },
    },
  },
  {
    name: "a simple-enum gains a value: its unnamed CHECK is replaced",
    before: [EnumV1],
    after: [EnumV2],
    rows: {
      ticket: [
        { id: 1, status: "open" },
        { id: 2, status: "closed" },
      ],
    },
    ops: ["CreateCheckConstraintOp ticket.null", "DropConstraintOp ticket.CheckConstraint"],
    expect: {
      ticket: {
        columns: ["id", "status"],
        rows: [
          { id: 1, status: "open" },
          { id: 2, status: "closed" },
        ],
      },
    },
    verify: async (conn) => {
      await conn.query(`INSERT INTO "ticket" ("id", "status") VALUES (3, 'archived')`);
      await assert.rejects(
        conn.query(`INSERT INTO "ticket" ("id", "status") VALUES (4, 'bogus')`),
        /CHECK constraint failed/,
      );
      await conn.query(`DELETE FROM "ticket" WHERE "id" = 3`);
    },
  },
  {
    name: "varchar length 50 -> 200 is one ALTER, rows kept",
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
    name: "a new index",
    before: [IdxV1],
    after: [IdxV2],
    rows: { account: [{ id: 1, email: "a@x" }] },
    ops: ["CreateIndexOp account.IDX_account_email"],
    expect: { account: { columns: ["id", "email"], rows: [{ id: 1, email: "a@x" }] } },
  },
  {
    name: "a dropped unique",
    before: [UqV1],
    after: [UqV2],
    rows: {
      account: [
        { id: 1, code: "A" },
        { id: 2, code: "B" },
      ],
    },
    ops: ["DropConstraintOp account.UniqueConstraint"],
    expect: {
      account: {
        columns: ["id", "code"],
        rows: [
          { id: 1, code: "A" },
          { id: 2, code: "B" },
        ],
      },
    },
  },
  {
    name: "an FK onDelete change (CASCADE -> SET NULL)",
    before: [FkOwnerV1, FkPetV1],
    after: [FkOwnerV2, FkPetV2],
    rows: {
      owner: [{ id: 1, name: "ann" }],
      pet: [
        { id: 1, name: "rex", ownerId: 1 },
        { id: 2, name: "tom", ownerId: 1 },
      ],
    },
    ops: ["CreateForeignKeyOp pet", "DropConstraintOp pet.ForeignKey"],
    expect: {
      owner: { columns: ["id", "name"], rows: [{ id: 1, name: "ann" }] },
      pet: {
        columns: ["id", "name", "ownerId"],
        rows: [
          { id: 1, name: "rex", ownerId: 1 },
          { id: 2, name: "tom", ownerId: 1 },
        ],
      },
    },
  },
  {
    name: "a column drop",
    before: [DropColV1],
    after: [DropColV2],
    rows: { account: [{ id: 1, name: "a", legacy: "x" }] },
    ops: ["DropColumnOp account.legacy"],
    expect: { account: { columns: ["id", "name"], rows: [{ id: 1, name: "a" }] } },
  },
  {
    name: "a recreated table gets its triggers back, online and in the --sql script",
    before: [DropColV1],
    after: [DropColV2],
    rows: { account: [{ id: 1, name: "a", legacy: "x" }] },
    // Not in the model: DROP TABLE takes it along, and the recreate must create it again.
    prepare: async (conn) => {
      await conn.query(
        `CREATE TRIGGER account_upper AFTER INSERT ON account BEGIN UPDATE account SET name = upper(name) WHERE id = new.id; END`,
      );
    },
    ops: ["DropColumnOp account.legacy"],
    expect: { account: { columns: ["id", "name"], rows: [{ id: 1, name: "a" }] } },
    verify: async (conn) => {
      await conn.query(`INSERT INTO "account" ("id", "name") VALUES (2, 'b')`);
      assert.deepEqual(await selectRows(conn, "account", ["id", "name"]), [
        { id: 1, name: "a" },
        { id: 2, name: "B" },
      ]);
      await conn.query(`DELETE FROM "account" WHERE "id" = 2`);
    },
  },
  {
    name: "a new table with an FK to an old one",
    before: [NewTblAccV1],
    after: [NewTblAccV2, NewTblInvoice],
    rows: { account: [{ id: 1, name: "a" }] },
    ops: ["CreateTableOp invoice"],
    expect: {
      account: { columns: ["id", "name"], rows: [{ id: 1, name: "a" }] },
      invoice: { columns: ["id"], rows: [] },
    },
  },
  {
    name: "a dropped table that another referenced",
    before: [DropRefVendorV1, DropRefProductV1],
    after: [DropRefProductV2],
    rows: { vendor: [{ id: 1, name: "acme" }], product: [{ id: 1, name: "anvil", vendorId: 1 }] },
    ops: ["DropColumnOp product.vendorId", "DropConstraintOp product.ForeignKey", "DropTableOp vendor"],
    expect: { product: { columns: ["id", "name"], rows: [{ id: 1, name: "anvil" }] } },
  },
  {
    name: "a column type widening int -> bigint",
    before: [WidenV1],
    after: [WidenV2],
    rows: { counter: [{ id: 1, hits: 2147483647 }] },
    ops: ["AlterColumnOp counter.hits type=bigint"],
    expect: { counter: { columns: ["id", "hits"], rows: [{ id: 1, hits: 2147483647 }] } },
  },
  {
    name: "a new nullable column",
    before: [AddNullV1],
    after: [AddNullV2],
    rows: { account: [{ id: 1, name: "a" }] },
    ops: ["AddColumnOp account.note"],
    expect: { account: { columns: ["id", "name", "note"], rows: [{ id: 1, name: "a", note: null }] } },
  },
  {
    name: "a new NOT NULL column with a default fills existing rows",
    before: [AddDefV1],
    after: [AddDefV2],
    rows: { account: [{ id: 1, name: "a" }] },
    ops: ["AddColumnOp account.active"],
    expect: { account: { columns: ["id", "name", "active"], rows: [{ id: 1, name: "a", active: 1 }] } },
  },
  {
    name: "a composite index keeps its column order",
    before: [CompIdxV1],
    after: [CompIdxV2],
    rows: { person: [{ id: 1, first: "ada", last: "lovelace" }] },
    ops: ["CreateIndexOp person.IDX_person_name"],
    expect: { person: { columns: ["id", "first", "last"], rows: [{ id: 1, first: "ada", last: "lovelace" }] } },
  },
  {
    name: "a new check constraint",
    before: [CheckAddV1],
    after: [CheckAddV2],
    rows: { item: [{ id: 1, qty: 3 }] },
    ops: ["CreateCheckConstraintOp item.CHK_item_qty"],
    expect: { item: { columns: ["id", "qty"], rows: [{ id: 1, qty: 3 }] } },
  },
  {
    name: "a dropped check constraint",
    before: [CheckDropV1],
    after: [CheckDropV2],
    rows: { item: [{ id: 1, qty: 3 }] },
    ops: ["DropConstraintOp item.CheckConstraint"],
    expect: { item: { columns: ["id", "qty"], rows: [{ id: 1, qty: 3 }] } },
  },
  {
    name: "a new composite unique constraint",
    before: [UqAddV1],
    after: [UqAddV2],
    rows: {
      seat: [
        { id: 1, row: "A", num: 1 },
        { id: 2, row: "A", num: 2 },
      ],
    },
    ops: ["CreateUniqueConstraintOp seat.UQ_seat_row_num"],
    expect: {
      seat: {
        columns: ["id", "row", "num"],
        rows: [
          { id: 1, row: "A", num: 1 },
          { id: 2, row: "A", num: 2 },
        ],
      },
    },
  },
  {
    name: "a dropped index",
    before: [IdxDropV1],
    after: [IdxDropV2],
    rows: { account: [{ id: 1, email: "a@x" }] },
    ops: ["DropIndexOp account.IDX_account_email"],
    expect: { account: { columns: ["id", "email"], rows: [{ id: 1, email: "a@x" }] } },
  },
  {
    name: "a new many-to-one relation adds the column and its FK",
    before: [RelAddTeam, RelAddMemberV1],
    after: [RelAddTeam, RelAddMemberV2],
    rows: { team: [{ id: 1, name: "red" }], member: [{ id: 1, name: "m" }] },
    ops: ["AddColumnOp member.teamId", "CreateForeignKeyOp member"],
    expect: { member: { columns: ["id", "name", "teamId"], rows: [{ id: 1, name: "m", teamId: null }] } },
  },
  {
    name: "altering a parent keeps its ON DELETE CASCADE children",
    before: [CascadeAlbumV1, CascadeTrackV1],
    after: [CascadeAlbumV2, CascadeTrackV2],
    rows: {
      album: [
        { id: 1, title: "blue" },
        { id: 2, title: "red" },
      ],
      track: [
        { id: 1, title: "a", albumId: 1 },
        { id: 2, title: "b", albumId: 1 },
        { id: 3, title: "c", albumId: 2 },
      ],
    },
    ops: ["AlterColumnOp album.title type=varchar(120)"],
    expect: {
      album: {
        columns: ["id", "title"],
        rows: [
          { id: 1, title: "blue" },
          { id: 2, title: "red" },
        ],
      },
      track: {
        columns: ["id", "title", "albumId"],
        rows: [
          { id: 1, title: "a", albumId: 1 },
          { id: 2, title: "b", albumId: 1 },
          { id: 3, title: "c", albumId: 2 },
        ],
      },
    },
  },
  {
    name: "a dropped many-to-many relation drops its junction table",
    before: [M2mTagV1, M2mPostV1],
    after: [M2mTagV2, M2mPostV2],
    rows: { tag: [{ id: 1, label: "x" }], post: [{ id: 1, title: "p" }], post_tags_tag: [{ postId: 1, tagId: 1 }] },
    ops: ["DropTableOp post_tags_tag"],
    expect: {
      tag: { columns: ["id", "label"], rows: [{ id: 1, label: "x" }] },
      post: { columns: ["id", "title"], rows: [{ id: 1, title: "p" }] },
    },
  },
  {
    name: "decimal(8,2) -> decimal(12,4)",
    before: [DecV1],
    after: [DecV2],
    rows: { price: [{ id: 1, amount: "12.5" }] },
    ops: ["AlterColumnOp price.amount type=decimal(12,4)"],
    expect: { price: { columns: ["id", "amount"], rows: [{ id: 1, amount: 12.5 }] } },
  },
  {
    name: "a partial index whose WHERE changes is re-created",
    before: [PartialV1],
    after: [PartialV2],
    rows: { task: [{ id: 1, due: 5, done: 0 }] },
    ops: ["CreateIndexOp task.IDX_task_open", "DropIndexOp task.IDX_task_open"],
    expect: { task: { columns: ["id", "due", "done"], rows: [{ id: 1, due: 5, done: 0 }] } },
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
    name: "a dropped table with no entity left",
    before: [DropTblAcc, DropTblLog],
    after: [DropTblAcc],
    rows: { account: [{ id: 1, name: "a" }], audit_log: [{ id: 1, line: "x" }] },
    ops: ["DropTableOp audit_log"],
    expect: { account: { columns: ["id", "name"], rows: [{ id: 1, name: "a" }] } },
  },
  {
    name: "varchar(100) -> text",
    before: [TextV1],
    after: [TextV2],
    rows: { account: [{ id: 1, bio: "hello" }] },
    ops: ["AlterColumnOp account.bio type=text"],
    expect: { account: { columns: ["id", "bio"], rows: [{ id: 1, bio: "hello" }] } },
  },
];

/** `Kind table[.detail]` lines; constraints by name (added) or kind (dropped: SQLite's may be unnamed). */
function summarize(ops: readonly OpNode[]): string[] {
  return summarizeOps(ops, (o, table, standard) => {
    if (standard) return standard;
    if (o.kind === "CreateUniqueConstraintOp" || o.kind === "CreateCheckConstraintOp")
      return `${o.kind} ${table}.${o.constraint.name}`;
    if (o.kind === "DropConstraintOp") return `${o.kind} ${table}.${o.constraint.kind}`;
    return `${o.kind} ${table}`;
  });
}

runChangeScenarios(
  {
    dialect: "sqlite",
    summarize,
    unordered: true,
    afterUpgrade: async (conn) =>
      assert.deepEqual((await conn.query("PRAGMA foreign_key_check")).rows, [], "no dangling references"),
    offline: sqliteOfflineReplay,
  },
  SCENARIOS,
);
