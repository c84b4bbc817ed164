/**
 * Change scenarios on real MariaDB/MySQL with rows in the tables (the pattern of
 * autogenerate-changes.test.ts): model v1 → autogenerate + upgrade → rows inserted → model v2 →
 * autogenerate gives the expected ops (MODIFY COLUMN in place, never DROP + ADD) → the offline
 * SQL of the v2 step is the expected statements (every attribute of the column restated) →
 * upgrade keeps every row with its values → v2 is in sync → downgrade -1, and v1 is in sync again.
 */
import "reflect-metadata";
import assert from "node:assert/strict";
import {
  Column,
  Entity,
  Generated,
  Index,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from "typeorm";
import { entities, pk } from "./helpers/entity-builder";
import type { OpNode } from "@autogen/core";
import { connect } from "@autogen/dialects";
import { runChangeScenarios, summarizeOps, type ChangeScenario, type ChangeSuite } from "./helpers/change-scenario";
import { NarrowV1, NarrowV2, NEW_ID } from "./helpers/change-entities";

// ---- entity sets (one pair per scenario; table names repeat across scenarios, each test has its own database) ----

const {
  LenV1,
  LenV2,
  WidenV1,
  WidenV2,
  DecV1,
  DecV2,
  EnumV1,
  EnumV2,
  NullV1,
  NullV2,
  DefV1,
  DefV2,
  CollV1,
  CollV2,
  CharsetV1,
  CharsetV2,
  FkOwner,
  FkPetV1,
  FkPetV2,
  RefTeamV1,
  RefMemberV1,
  RefTeamV2,
  RefMemberV2,
  CodeCountryV1,
  CodeCityV1,
  CodeCountryV2,
  CodeCityV2,
  SelfV1,
  SelfV2,
  StampV1,
  StampV2,
  OnUpdV1,
  OnUpdV2,
  AutoIncV1,
  AutoIncV2,
  SeqV1,
  SeqV2,
} = entities({
  LenV1: [
    Entity("account"),
    { id: pk(), name: [String, Column({ length: 50, default: "anon", comment: "display name" })] },
  ],
  LenV2: [
    Entity("account"),
    { id: pk(), name: [String, Column({ length: 200, default: "anon", comment: "display name" })] },
  ],
  WidenV1: [Entity("counter"), { id: pk(), hits: [Number, Column({ type: "int", default: 0, unsigned: true })] }],
  WidenV2: [Entity("counter"), { id: pk(), hits: [String, Column({ type: "bigint", default: 0, unsigned: true })] }],
  DecV1: [Entity("price"), { id: pk(), amount: [String, Column("decimal", { precision: 8, scale: 2, default: 1 })] }],
  DecV2: [Entity("price"), { id: pk(), amount: [String, Column("decimal", { precision: 12, scale: 4, default: 1 })] }],
  EnumV1: [Entity("shirt"), { id: pk(), size: [String, Column({ type: "enum", enum: ["s", "m"], default: "m" })] }],
  EnumV2: [
    Entity("shirt"),
    { id: pk(), size: [String, Column({ type: "enum", enum: ["s", "m", "l"], default: "m" })] },
  ],
  NullV1: [Entity("account"), { id: pk(), login: [String, Column({ length: 80, comment: "login" })] }],
  NullV2: [
    Entity("account"),
    { id: pk(), login: [Object, Column({ type: "varchar", length: 80, comment: "login", nullable: true })] },
  ],
  DefV1: [
    Entity("account"),
    { id: pk(), level: [Number, Column({ default: 1 })], state: [String, Column({ length: 20, default: "new" })] },
  ],
  DefV2: [
    Entity("account"),
    { id: pk(), level: [Number, Column({ default: 2 })], state: [String, Column({ length: 20, default: "fresh" })] },
  ],
  CollV1: [Entity("phrase"), { id: pk(), word: [String, Column({ length: 40, collation: "utf8mb4_unicode_ci" })] }],
  CollV2: [Entity("phrase"), { id: pk(), word: [String, Column({ length: 40, collation: "utf8mb4_bin" })] }],
  CharsetV1: [Entity("phrase"), { id: pk(), word: [String, Column({ length: 40, charset: "latin1", default: "x" })] }],
  CharsetV2: [
    Entity("phrase"),
    { id: pk(), word: [String, Column({ length: 40, charset: "utf8mb4", collation: "utf8mb4_bin", default: "x" })] },
  ],
  FkOwner: [Entity("owner"), { id: pk(), name: [String, Column()] }],
  FkPetV1: [
    Entity("pet"),
    {
      id: pk(),
      name: [String, Column()],
      owner: [Object, Index("IDX_pet_owner"), ManyToOne(() => FkOwner, { onDelete: "CASCADE", nullable: true })],
    },
  ],
  FkPetV2: [
    Entity("pet"),
    {
      id: pk(),
      name: [String, Column()],
      owner: [Object, Index("IDX_pet_owner"), ManyToOne(() => FkOwner, { onDelete: "SET NULL", nullable: true })],
    },
  ],
  RefTeamV1: [Entity("team"), { id: [Number, PrimaryGeneratedColumn({ type: "int" })], name: [String, Column()] }],
  RefMemberV1: [Entity("member"), { id: pk(), team: [Object, ManyToOne(() => RefTeamV1, { onDelete: "CASCADE" })] }],
  RefTeamV2: [Entity("team"), { id: [String, PrimaryGeneratedColumn({ type: "bigint" })], name: [String, Column()] }],
  RefMemberV2: [Entity("member"), { id: pk(), team: [Object, ManyToOne(() => RefTeamV2, { onDelete: "CASCADE" })] }],
  CodeCountryV1: [Entity("country"), { code: [String, PrimaryColumn({ length: 2 })], name: [String, Column()] }],
  CodeCityV1: [Entity("city"), { id: pk(), country: [Object, ManyToOne(() => CodeCountryV1, { nullable: true })] }],
  CodeCountryV2: [Entity("country"), { code: [String, PrimaryColumn({ length: 3 })], name: [String, Column()] }],
  CodeCityV2: [Entity("city"), { id: pk(), country: [Object, ManyToOne(() => CodeCountryV2, { nullable: true })] }],
  SelfV1: [
    Entity("node"),
    {
      id: [Number, PrimaryGeneratedColumn({ type: "int" })],
      parent: [Object, ManyToOne(() => SelfV1, { nullable: true })],
    },
  ],
  SelfV2: [
    Entity("node"),
    {
      id: [String, PrimaryGeneratedColumn({ type: "bigint" })],
      parent: [Object, ManyToOne(() => SelfV2, { nullable: true })],
    },
  ],
  StampV1: [
    Entity("doc"),
    {
      id: pk(),
      title: [String, Column()],
      updatedAt: [Date, UpdateDateColumn({ precision: 6, comment: "last write" })],
    },
  ],
  StampV2: [
    Entity("doc"),
    {
      id: pk(),
      title: [String, Column()],
      updatedAt: [Date, UpdateDateColumn({ precision: 6, comment: "last change" })],
    },
  ],
  OnUpdV1: [
    Entity("doc"),
    { id: pk(), touchedAt: [Date, Column({ type: "datetime", precision: 3, default: () => "CURRENT_TIMESTAMP(3)" })] },
  ],
  OnUpdV2: [
    Entity("doc"),
    {
      id: pk(),
      touchedAt: [
        Date,
        Column({
          type: "datetime",
          precision: 3,
          default: () => "CURRENT_TIMESTAMP(3)",
          onUpdate: "CURRENT_TIMESTAMP(3)",
        }),
      ],
    },
  ],
  AutoIncV1: [Entity("ticket"), { id: [Number, PrimaryColumn()], code: [String, Column({ length: 20 })] }],
  AutoIncV2: [Entity("ticket"), { id: pk(), code: [String, Column({ length: 20 })] }],
  SeqV1: [Entity("voucher"), { code: [String, PrimaryColumn({ length: 20 })] }],
  SeqV2: [
    Entity("voucher"),
    { code: [String, PrimaryColumn({ length: 20 })], seq: [Number, Column(), Generated("increment")] },
  ],
});

const SCENARIOS: ChangeScenario[] = [
  {
    name: "varchar 50 -> 200 keeps default, NOT NULL and comment",
    before: [LenV1],
    after: [LenV2],
    rows: [
      [
        "account",
        [
          { id: 1, name: "alice" },
          { id: 2, name: "bob" },
        ],
      ],
    ],
    ops: ["AlterColumnOp account.name type=varchar(200)"],
    sql: ["ALTER TABLE `account` MODIFY COLUMN `name` varchar(200) NOT NULL DEFAULT 'anon' COMMENT 'display name'"],
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
    name: "int -> bigint keeps unsigned and the default",
    before: [WidenV1],
    after: [WidenV2],
    rows: [
      [
        "counter",
        [
          { id: 1, hits: 4294967295 },
          { id: 2, hits: 7 },
        ],
      ],
    ],
    ops: ["AlterColumnOp counter.hits type=bigint unsigned"],
    sql: ["ALTER TABLE `counter` MODIFY COLUMN `hits` bigint unsigned NOT NULL DEFAULT 0"],
    expect: {
      counter: {
        columns: ["id", "hits"],
        rows: [
          { id: 1, hits: 4294967295 },
          { id: 2, hits: 7 },
        ],
      },
    },
  },
  {
    name: "decimal(8,2) -> decimal(12,4) rescales the default and the values",
    before: [DecV1],
    after: [DecV2],
    rows: [
      [
        "price",
        [
          { id: 1, amount: "123456.78" },
          { id: 2, amount: "-0.5" },
        ],
      ],
    ],
    ops: ["AlterColumnOp price.amount default=1.0000 type=decimal(12,4)"],
    sql: ["ALTER TABLE `price` MODIFY COLUMN `amount` decimal(12,4) NOT NULL DEFAULT 1.0000"],
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
    name: "an enum value added keeps the default and the values",
    before: [EnumV1],
    after: [EnumV2],
    rows: [
      [
        "shirt",
        [
          { id: 1, size: "s" },
          { id: 2, size: "m" },
        ],
      ],
    ],
    ops: ["AlterColumnOp shirt.size type=enum('s','m','l')"],
    sql: ["ALTER TABLE `shirt` MODIFY COLUMN `size` enum('s','m','l') NOT NULL DEFAULT 'm'"],
    expect: {
      shirt: {
        columns: ["id", "size"],
        rows: [
          { id: 1, size: "s" },
          { id: 2, size: "m" },
        ],
      },
    },
  },
  {
    name: "NOT NULL -> NULL keeps the type and the comment",
    before: [NullV1],
    after: [NullV2],
    rows: [["account", [{ id: 1, login: "ann" }]]],
    ops: ["AlterColumnOp account.login nullable=true"],
    sql: ["ALTER TABLE `account` MODIFY COLUMN `login` varchar(80) NULL COMMENT 'login'"],
    expect: { account: { columns: ["id", "login"], rows: [{ id: 1, login: "ann" }] } },
  },
  {
    name: "default changes on an int and a varchar",
    before: [DefV1],
    after: [DefV2],
    rows: [["account", [{ id: 1, level: 7, state: "old" }]]],
    ops: ["AlterColumnOp account.level default=2", "AlterColumnOp account.state default='fresh'"],
    sql: [
      "ALTER TABLE `account` MODIFY COLUMN `level` int NOT NULL DEFAULT 2",
      "ALTER TABLE `account` MODIFY COLUMN `state` varchar(20) NOT NULL DEFAULT 'fresh'",
    ],
    expect: { account: { columns: ["id", "level", "state"], rows: [{ id: 1, level: 7, state: "old" }] } },
  },
  {
    name: "a collation change",
    before: [CollV1],
    after: [CollV2],
    rows: [
      [
        "phrase",
        [
          { id: 1, word: "Straße" },
          { id: 2, word: "abc" },
        ],
      ],
    ],
    ops: ["AlterColumnOp phrase.word collation=utf8mb4_bin"],
    sql: ["ALTER TABLE `phrase` MODIFY COLUMN `word` varchar(40) COLLATE utf8mb4_bin NOT NULL"],
    expect: {
      phrase: {
        columns: ["id", "word"],
        rows: [
          { id: 1, word: "Straße" },
          { id: 2, word: "abc" },
        ],
      },
    },
  },
  {
    name: "a charset change converts the values and keeps the default",
    before: [CharsetV1],
    after: [CharsetV2],
    rows: [["phrase", [{ id: 1, word: "café" }]]],
    ops: ["AlterColumnOp phrase.word charset=null collation=utf8mb4_bin"],
    sql: ["ALTER TABLE `phrase` MODIFY COLUMN `word` varchar(40) COLLATE utf8mb4_bin NOT NULL DEFAULT 'x'"],
    expect: { phrase: { columns: ["id", "word"], rows: [{ id: 1, word: "café" }] } },
  },
  {
    name: "an FK onDelete change on an indexed column leaves the index alone",
    before: [FkOwner, FkPetV1],
    after: [FkOwner, FkPetV2],
    rows: [
      ["owner", [{ id: 1, name: "ann" }]],
      [
        "pet",
        [
          { id: 1, name: "rex", ownerId: 1 },
          { id: 2, name: "tom", ownerId: null },
        ],
      ],
    ],
    ops: ["DropConstraintOp pet.FK_*", "CreateForeignKeyOp pet.FK_*"],
    sql: [
      "ALTER TABLE `pet` DROP FOREIGN KEY `FK_*`",
      "ALTER TABLE `pet` ADD CONSTRAINT `FK_*` FOREIGN KEY (`ownerId`) REFERENCES `owner` (`id`) ON DELETE SET NULL",
    ],
    expect: {
      owner: { columns: ["id", "name"], rows: [{ id: 1, name: "ann" }] },
      pet: {
        columns: ["id", "name", "ownerId"],
        rows: [
          { id: 1, name: "rex", ownerId: 1 },
          { id: 2, name: "tom", ownerId: null },
        ],
      },
    },
  },
  {
    name: "int -> bigint on a referenced key drops and re-creates the FK around both columns",
    before: [RefTeamV1, RefMemberV1],
    after: [RefTeamV2, RefMemberV2],
    rows: [
      [
        "team",
        [
          { id: 1, name: "red" },
          { id: 2, name: "blue" },
        ],
      ],
      [
        "member",
        [
          { id: 1, teamId: 1 },
          { id: 2, teamId: 2 },
        ],
      ],
    ],
    ops: [
      "DropConstraintOp member.FK_*",
      "AlterColumnOp member.teamId type=bigint",
      "AlterColumnOp team.id type=bigint",
      "CreateForeignKeyOp member.FK_*",
    ],
    sql: [
      "ALTER TABLE `member` DROP FOREIGN KEY `FK_*`",
      "ALTER TABLE `member` MODIFY COLUMN `teamId` bigint NULL",
      "ALTER TABLE `team` MODIFY COLUMN `id` bigint NOT NULL AUTO_INCREMENT",
      "ALTER TABLE `member` ADD CONSTRAINT `FK_*` FOREIGN KEY (`teamId`) REFERENCES `team` (`id`) ON DELETE CASCADE",
    ],
    expect: {
      team: {
        columns: ["id", "name"],
        rows: [
          { id: 1, name: "red" },
          { id: 2, name: "blue" },
        ],
      },
      member: {
        columns: ["id", "teamId"],
        rows: [
          { id: 1, teamId: 1 },
          { id: 2, teamId: 2 },
        ],
      },
    },
  },
  {
    name: "a longer varchar key referenced by another table",
    before: [CodeCountryV1, CodeCityV1],
    after: [CodeCountryV2, CodeCityV2],
    rows: [
      ["country", [{ code: "fr", name: "France" }]],
      ["city", [{ id: 1, countryCode: "fr" }]],
    ],
    ops: [
      "DropConstraintOp city.FK_*",
      "AlterColumnOp city.countryCode type=varchar(3)",
      "AlterColumnOp country.code type=varchar(3)",
      "CreateForeignKeyOp city.FK_*",
    ],
    sql: [
      "ALTER TABLE `city` DROP FOREIGN KEY `FK_*`",
      "ALTER TABLE `city` MODIFY COLUMN `countryCode` varchar(3) NULL",
      "ALTER TABLE `country` MODIFY COLUMN `code` varchar(3) NOT NULL",
      "ALTER TABLE `city` ADD CONSTRAINT `FK_*` FOREIGN KEY (`countryCode`) REFERENCES `country` (`code`)",
    ],
    expect: {
      country: { columns: ["code", "name"], rows: [{ code: "fr", name: "France" }] },
      city: { columns: ["id", "countryCode"], rows: [{ id: 1, countryCode: "fr" }] },
    },
  },
  {
    name: "a self-referencing key widened",
    before: [SelfV1],
    after: [SelfV2],
    rows: [
      [
        "node",
        [
          { id: 1, parentId: null },
          { id: 2, parentId: 1 },
        ],
      ],
    ],
    ops: [
      "DropConstraintOp node.FK_*",
      "AlterColumnOp node.id type=bigint",
      "AlterColumnOp node.parentId type=bigint",
      "CreateForeignKeyOp node.FK_*",
    ],
    sql: [
      "ALTER TABLE `node` DROP FOREIGN KEY `FK_*`",
      "ALTER TABLE `node` MODIFY COLUMN `id` bigint NOT NULL AUTO_INCREMENT",
      "ALTER TABLE `node` MODIFY COLUMN `parentId` bigint NULL",
      "ALTER TABLE `node` ADD CONSTRAINT `FK_*` FOREIGN KEY (`parentId`) REFERENCES `node` (`id`)",
    ],
    expect: {
      node: {
        columns: ["id", "parentId"],
        rows: [
          { id: 1, parentId: null },
          { id: 2, parentId: 1 },
        ],
      },
    },
  },
  {
    name: "varchar 200 -> 50 is warned about as narrowing",
    before: [NarrowV1],
    after: [NarrowV2],
    rows: [["account", [{ id: 1, name: "short" }]]],
    ops: ["AlterColumnOp account.name type=varchar(50)"],
    sql: ["ALTER TABLE `account` MODIFY COLUMN `name` varchar(50) NOT NULL"],
    expect: { account: { columns: ["id", "name"], rows: [{ id: 1, name: "short" }] } },
    rendered: [/\/\/ WARNING: narrowing type change on account\.name from varchar\(200\) to varchar\(50\)/],
  },
  {
    name: "a comment change on a datetime(6) column keeps its default and ON UPDATE",
    before: [StampV1],
    after: [StampV2],
    rows: [["doc", [{ id: 1, title: "a", updatedAt: "2026-01-02 03:04:05.123456" }]]],
    ops: ["AlterColumnOp doc.updatedAt comment=last change"],
    sql: [
      "ALTER TABLE `doc` MODIFY COLUMN `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6) COMMENT 'last change'",
    ],
    expect: {
      doc: {
        columns: ["id", "title", "updatedAt"],
        rows: [{ id: 1, title: "a", updatedAt: "2026-01-02 03:04:05.123456" }],
      },
    },
  },
  {
    name: "ON UPDATE added to a datetime(3) column keeps its default",
    before: [OnUpdV1],
    after: [OnUpdV2],
    rows: [["doc", [{ id: 1, touchedAt: "2026-01-02 03:04:05.120" }]]],
    ops: ["AlterColumnOp doc.touchedAt onUpdate=CURRENT_TIMESTAMP(3)"],
    sql: [
      "ALTER TABLE `doc` MODIFY COLUMN `touchedAt` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3)",
    ],
    expect: { doc: { columns: ["id", "touchedAt"], rows: [{ id: 1, touchedAt: "2026-01-02 03:04:05.120" }] } },
  },
  {
    name: "AUTO_INCREMENT added to a primary key keeps the rows",
    before: [AutoIncV1],
    after: [AutoIncV2],
    rows: [
      [
        "ticket",
        [
          { id: 7, code: "a" },
          { id: 9, code: "b" },
        ],
      ],
    ],
    ops: ["AlterColumnOp ticket.id autoIncrement=true"],
    sql: ["ALTER TABLE `ticket` MODIFY COLUMN `id` int NOT NULL AUTO_INCREMENT"],
    expect: {
      ticket: {
        columns: ["id", "code"],
        rows: [
          { id: 7, code: "a" },
          { id: 9, code: "b" },
        ],
      },
    },
  },
];

/**
 * An AUTO_INCREMENT column added to a table with rows: MySQL and MariaDB want its key in the
 * same statement, and fill the column in for every row.
 */
const ADDED_AUTO_INCREMENT: ChangeScenario[] = [
  {
    name: "an AUTO_INCREMENT column off the key added to a table with rows numbers the rows",
    before: [SeqV1],
    after: [SeqV2],
    rows: [["voucher", [{ code: "a" }, { code: "b" }]]],
    ops: ["AddColumnOp voucher.seq", "CreateIndexOp voucher.seq"],
    sql: ["ALTER TABLE `voucher` ADD COLUMN `seq` int NOT NULL AUTO_INCREMENT, ADD KEY `seq` (`seq`)"],
    expect: {
      voucher: {
        columns: ["code", "seq"],
        rows: [
          { code: "a", seq: 1 },
          { code: "b", seq: 2 },
        ],
      },
    },
  },
  {
    ...NEW_ID,
    ops: ["AddColumnOp visit.id", "DropConstraintOp visit", "CreatePrimaryKeyOp visit"],
    sql: ["ALTER TABLE `visit` ADD COLUMN `id` int NOT NULL AUTO_INCREMENT, DROP PRIMARY KEY, ADD PRIMARY KEY (`id`)"],
  },
];

/** `Kind table[.detail]` lines in op order; TypeORM names keys by a hash of table and columns: `FK_*` stands for it. */
function summarize(ops: readonly OpNode[]): string[] {
  return summarizeOps(
    ops,
    (o, table, standard) =>
      standard ??
      `${o.kind} ${table}${o.constraint?.name ? `.${String(o.constraint.name).replace(/^FK_[0-9a-f]{27}$/, "FK_*")}` : ""}`,
  );
}

const suite = {
  dialect: "mysql",
  summarize,
  connect: (db) => connect(`${db.url}?dateStrings=true`),
  orderByFirstColumn: true,
  normalizeSql: (statement) => statement.replace(/\bFK_[0-9a-f]{27}\b/g, "FK_*"),
} satisfies ChangeSuite;

runChangeScenarios(
  {
    ...suite,
    checkRevision: (text) => assert.doesNotMatch(text, /dropColumn|addColumn/, "a column change is never a drop + add"),
  },
  SCENARIOS,
);
runChangeScenarios(
  {
    ...suite,
    checkRevision: (text) => assert.match(text, /op\.batchAlterTable\(/, "the column and its key change together"),
  },
  ADDED_AUTO_INCREMENT,
);
