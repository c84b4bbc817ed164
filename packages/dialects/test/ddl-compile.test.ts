import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  AddColumnOp,
  AddEnumValueOp,
  AlterColumnOp,
  BatchAlterTableOp,
  BulkInsertOp,
  CheckConstraint,
  Column,
  CommandError,
  CreateCheckConstraintOp,
  CreateExclusionConstraintOp,
  CreateEnumOp,
  CreateForeignKeyOp,
  CreateIndexOp,
  CreatePrimaryKeyOp,
  CreateSchemaOp,
  CreateTableCommentOp,
  CreateTableOp,
  CreateUniqueConstraintOp,
  CreateViewOp,
  DropColumnOp,
  DropConstraintOp,
  DropEnumOp,
  DropIndexOp,
  DropSchemaOp,
  DropTableCommentOp,
  DropTableOp,
  DropViewOp,
  Enum,
  ExclusionConstraint,
  ExecuteSQLOp,
  ForeignKey,
  Index,
  IndexElement,
  ModifyTableOps,
  PrimaryKey,
  QualifiedName,
  RenameTableOp,
  ReplaceViewOp,
  Table,
  UniqueConstraint,
  UnsupportedOpError,
  reverseOp,
  toTable,
} from "@autogen/core";
import { BatchRecreateRequiredError, getDialect } from "../src/index";
import { compileFor, expectDdl, UNSUPPORTED } from "./ddl-expect";

const order = QualifiedName.create("order");
const inSchema = QualifiedName.create("Select", "my schema");

describe("DDL: CreateTableOp", () => {
  it("writes columns, keys, uniques, foreign keys, checks, comments and indexes, quoting every name", () => {
    const table = toTable(
      "order",
      [
        { name: "id", type: "integer", primaryKey: true },
        { name: "select", type: "varchar(50)", nullable: false, default: "'new'", comment: "it's" },
        { name: "Parent", type: "integer" },
        { name: 'say "hi"', type: "integer" },
      ],
      {
        uniques: [{ name: "uq_order_select", columns: ["select"] }],
        foreignKeys: [
          {
            name: "fk_order_parent",
            columns: ["Parent"],
            refTable: "order",
            refColumns: ["id"],
            onDelete: "CASCADE",
            onUpdate: "NO ACTION",
          },
        ],
        checks: [{ name: "ck_order_id", expression: "id > 0" }],
        indexes: [{ name: "ix_order_select", columns: ["select", { column: 'say "hi"', descending: true }] }],
        comment: "orders",
      },
    );
    expectDdl(CreateTableOp.create(table), {
      postgres: [
        'CREATE TABLE "order" (\n    "id" integer NOT NULL,\n    "select" varchar(50) DEFAULT \'new\' NOT NULL,\n    "Parent" integer,\n    "say ""hi""" integer,\n' +
          '    PRIMARY KEY ("id"),\n    CONSTRAINT "uq_order_select" UNIQUE ("select"),\n' +
          '    CONSTRAINT "fk_order_parent" FOREIGN KEY ("Parent") REFERENCES "order" ("id") ON DELETE CASCADE ON UPDATE NO ACTION,\n' +
          '    CONSTRAINT "ck_order_id" CHECK (id > 0)\n)',
        `COMMENT ON TABLE "order" IS 'orders'`,
        `COMMENT ON COLUMN "order"."select" IS 'it''s'`,
        'CREATE INDEX "ix_order_select" ON "order" ("select", "say ""hi""" DESC)',
      ],
      mysql: [
        "CREATE TABLE `order` (\n    `id` integer NOT NULL,\n    `select` varchar(50) NOT NULL DEFAULT 'new' COMMENT 'it''s',\n    `Parent` integer NULL,\n    `say \"hi\"` integer NULL,\n" +
          "    PRIMARY KEY (`id`),\n    CONSTRAINT `uq_order_select` UNIQUE (`select`),\n" +
          "    CONSTRAINT `fk_order_parent` FOREIGN KEY (`Parent`) REFERENCES `order` (`id`) ON DELETE CASCADE ON UPDATE NO ACTION,\n" +
          "    CONSTRAINT `ck_order_id` CHECK (id > 0)\n) COMMENT='orders'",
        'CREATE INDEX `ix_order_select` ON `order` (`select`, `say "hi"` DESC)',
      ],
      sqlite: [
        'CREATE TABLE "order" (\n    "id" integer NOT NULL,\n    "select" varchar(50) NOT NULL DEFAULT \'new\',\n    "Parent" integer,\n    "say ""hi""" integer,\n' +
          '    PRIMARY KEY ("id"),\n    CONSTRAINT "uq_order_select" UNIQUE ("select"),\n' +
          '    CONSTRAINT "fk_order_parent" FOREIGN KEY ("Parent") REFERENCES "order" ("id") ON DELETE CASCADE ON UPDATE NO ACTION,\n' +
          '    CONSTRAINT "ck_order_id" CHECK (id > 0)\n)',
        'CREATE INDEX "ix_order_select" ON "order" ("select", "say ""hi""" DESC)',
      ],
    });
  });

  it("spells auto-increment keys per dialect: serial, AUTO_INCREMENT, INTEGER PRIMARY KEY AUTOINCREMENT", () => {
    const table = toTable("Counter", [
      { name: "id", type: "integer", primaryKey: true, autoIncrement: true },
      { name: "n", type: "bigint", nullable: false, default: "0" },
    ]);
    expectDdl(CreateTableOp.create(table), {
      postgres: [
        'CREATE TABLE "Counter" (\n    "id" serial NOT NULL,\n    "n" bigint DEFAULT 0 NOT NULL,\n    PRIMARY KEY ("id")\n)',
      ],
      mysql: [
        "CREATE TABLE `Counter` (\n    `id` integer NOT NULL AUTO_INCREMENT,\n    `n` bigint NOT NULL DEFAULT 0,\n    PRIMARY KEY (`id`)\n)",
      ],
      sqlite: [
        'CREATE TABLE "Counter" (\n    "id" integer PRIMARY KEY AUTOINCREMENT NOT NULL,\n    "n" bigint NOT NULL DEFAULT 0\n)',
      ],
    });
  });

  it("qualifies with the schema, writes identity, generated columns, expression defaults and table options", () => {
    const table = toTable(
      "Select",
      [
        { name: "id", type: "bigint", primaryKey: true, identity: { always: true, start: 10 } },
        { name: "total", type: "integer", generated: { expression: "id * 2" } },
        { name: "token", type: "varchar(36)", default: "uuid()" },
      ],
      { schema: "my schema" },
    );
    const withoutIdentity = Table.cloneWith(table, {
      columns: [Column.create("id", "bigint", { nullable: false }), ...table.columns.slice(1)],
    });
    const pg = getDialect("postgres").createDdlCompiler().compile(CreateTableOp.create(table));
    assert.deepEqual(pg, [
      'CREATE TABLE "my schema"."Select" (\n    "id" bigint GENERATED ALWAYS AS IDENTITY (START WITH 10) NOT NULL,\n' +
        '    "total" integer GENERATED ALWAYS AS (id * 2) STORED,\n    "token" varchar(36) DEFAULT uuid(),\n    PRIMARY KEY ("id")\n)',
    ]);
    assert.throws(() => getDialect("mysql").createDdlCompiler().compile(CreateTableOp.create(table)), CommandError);
    const mysqlTable = Table.cloneWith(withoutIdentity, {
      options: { engine: "InnoDB", charset: "utf8mb4", collation: "utf8mb4_bin" },
    });
    assert.deepEqual(getDialect("mysql").createDdlCompiler().compile(CreateTableOp.create(mysqlTable)), [
      "CREATE TABLE `my schema`.`Select` (\n    `id` bigint NOT NULL,\n    `total` integer GENERATED ALWAYS AS (id * 2) STORED,\n" +
        "    `token` varchar(36) NULL DEFAULT (uuid()),\n    PRIMARY KEY (`id`)\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin",
    ]);
    const sqliteTable = Table.cloneWith(withoutIdentity, { options: { strict: "true" } });
    assert.deepEqual(getDialect("sqlite").createDdlCompiler().compile(CreateTableOp.create(sqliteTable)), [
      'CREATE TABLE "my schema"."Select" (\n    "id" bigint NOT NULL,\n    "total" integer GENERATED ALWAYS AS (id * 2) STORED,\n' +
        '    "token" varchar(36) DEFAULT (uuid()),\n    PRIMARY KEY ("id")\n) STRICT',
    ]);
  });

  it("writes DEFERRABLE constraints where the dialect has them", () => {
    const table = Table.create("child", [Column.create("pid", "integer")], {
      uniques: [UniqueConstraint.create(["pid"], "uq_pid", { deferrable: true, initially: "DEFERRED" })],
      foreignKeys: [
        ForeignKey.create({
          name: "fk_pid",
          columns: ["pid"],
          refTable: "parent",
          refColumns: ["id"],
          deferrable: true,
          initially: "IMMEDIATE",
        }),
      ],
    });
    expectDdl(CreateTableOp.create(table), {
      postgres: [
        'CREATE TABLE "child" (\n    "pid" integer,\n    CONSTRAINT "uq_pid" UNIQUE ("pid") DEFERRABLE INITIALLY DEFERRED,\n' +
          '    CONSTRAINT "fk_pid" FOREIGN KEY ("pid") REFERENCES "parent" ("id") DEFERRABLE INITIALLY IMMEDIATE\n)',
      ],
      mysql: CommandError,
      sqlite: [
        'CREATE TABLE "child" (\n    "pid" integer,\n    CONSTRAINT "uq_pid" UNIQUE ("pid") DEFERRABLE INITIALLY DEFERRED,\n' +
          '    CONSTRAINT "fk_pid" FOREIGN KEY ("pid") REFERENCES "parent" ("id") DEFERRABLE INITIALLY IMMEDIATE\n)',
      ],
    });
  });
});

describe("DDL: table ops", () => {
  it("DropTableOp", () =>
    expectDdl(DropTableOp.create(Table.create("select", [])), {
      postgres: ['DROP TABLE "select"'],
      mysql: ["DROP TABLE `select`"],
      sqlite: ['DROP TABLE "select"'],
    }));

  it("RenameTableOp keeps the table in its schema", () =>
    expectDdl(RenameTableOp.create(inSchema, "order"), {
      postgres: ['ALTER TABLE "my schema"."Select" RENAME TO "order"'],
      mysql: ["RENAME TABLE `my schema`.`Select` TO `my schema`.`order`"],
      sqlite: ['ALTER TABLE "my schema"."Select" RENAME TO "order"'],
    }));

  it("CreateTableCommentOp / DropTableCommentOp", () => {
    expectDdl(CreateTableCommentOp.create(order, "Bob's orders"), {
      postgres: [`COMMENT ON TABLE "order" IS 'Bob''s orders'`],
      mysql: ["ALTER TABLE `order` COMMENT = 'Bob''s orders'"],
      sqlite: UNSUPPORTED,
    });
    expectDdl(DropTableCommentOp.create(order, "x"), {
      postgres: ['COMMENT ON TABLE "order" IS NULL'],
      mysql: ["ALTER TABLE `order` COMMENT = ''"],
      sqlite: UNSUPPORTED,
    });
  });
});

describe("DDL: column ops", () => {
  it("AddColumnOp with a comment", () =>
    expectDdl(
      AddColumnOp.create(
        order,
        Column.create("select", "integer", { nullable: false, default: "-1", comment: "pick" }),
      ),
      {
        postgres: [
          'ALTER TABLE "order" ADD COLUMN "select" integer DEFAULT -1 NOT NULL',
          `COMMENT ON COLUMN "order"."select" IS 'pick'`,
        ],
        mysql: ["ALTER TABLE `order` ADD COLUMN `select` integer NOT NULL DEFAULT -1 COMMENT 'pick'"],
        sqlite: ['ALTER TABLE "order" ADD COLUMN "select" integer NOT NULL DEFAULT -1'],
      },
    ));

  it("AddColumnOp with ON UPDATE, charset and collation (MySQL)", () =>
    expectDdl(
      AddColumnOp.create(
        order,
        Column.create("updatedAt", "datetime(6)", {
          nullable: false,
          default: "CURRENT_TIMESTAMP(6)",
          onUpdate: "CURRENT_TIMESTAMP(6)",
        }),
      ),
      {
        postgres: ['ALTER TABLE "order" ADD COLUMN "updatedAt" datetime(6) DEFAULT CURRENT_TIMESTAMP(6) NOT NULL'],
        mysql: [
          "ALTER TABLE `order` ADD COLUMN `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6)",
        ],
        sqlite: ['ALTER TABLE "order" ADD COLUMN "updatedAt" datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6)'],
      },
    ));

  it("AddColumnOp: a literal default on TEXT/JSON is an expression in parentheses on MySQL (8.0.13+ requires it)", () =>
    expectDdl(AddColumnOp.create(order, Column.create("doc", "json", { nullable: false, default: "'[]'" })), {
      postgres: [`ALTER TABLE "order" ADD COLUMN "doc" json DEFAULT '[]' NOT NULL`],
      mysql: ["ALTER TABLE `order` ADD COLUMN `doc` json NOT NULL DEFAULT ('[]')"],
      sqlite: [`ALTER TABLE "order" ADD COLUMN "doc" json NOT NULL DEFAULT '[]'`],
    }));

  it("DropColumnOp", () =>
    expectDdl(DropColumnOp.create(inSchema, Column.create("from", "integer")), {
      postgres: ['ALTER TABLE "my schema"."Select" DROP COLUMN "from"'],
      mysql: ["ALTER TABLE `my schema`.`Select` DROP COLUMN `from`"],
      sqlite: ['ALTER TABLE "my schema"."Select" DROP COLUMN "from"'],
    }));

  it("AlterColumnOp: one statement per aspect on PostgreSQL, the full column on MySQL, batch only on SQLite", () =>
    expectDdl(
      AlterColumnOp.create(
        order,
        "select",
        { type: "bigint", nullable: true, default: "0", comment: "n" },
        { type: "varchar(20)", nullable: false, default: "'1'", comment: null, onUpdate: null },
        { using: '"select"::bigint' },
      ),
      {
        postgres: [
          'ALTER TABLE "order" ALTER COLUMN "select" TYPE bigint USING "select"::bigint',
          'ALTER TABLE "order" ALTER COLUMN "select" DROP NOT NULL',
          'ALTER TABLE "order" ALTER COLUMN "select" SET DEFAULT 0',
          `COMMENT ON COLUMN "order"."select" IS 'n'`,
        ],
        mysql: ["ALTER TABLE `order` MODIFY COLUMN `select` bigint NULL DEFAULT 0 COMMENT 'n'"],
        sqlite: UNSUPPORTED,
      },
    ));

  it("AlterColumnOp on MySQL keeps every attribute it does not change", () =>
    expectDdl(
      AlterColumnOp.create(
        order,
        "stamp",
        { nullable: false },
        {
          type: "datetime(6)",
          nullable: true,
          default: "CURRENT_TIMESTAMP(6)",
          onUpdate: "CURRENT_TIMESTAMP(6)",
          comment: "last change",
          charset: null,
          collation: null,
        },
      ),
      {
        postgres: ['ALTER TABLE "order" ALTER COLUMN "stamp" SET NOT NULL'],
        mysql: [
          "ALTER TABLE `order` MODIFY COLUMN `stamp` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6) COMMENT 'last change'",
        ],
        sqlite: UNSUPPORTED,
      },
    ));

  it("AlterColumnOp on MySQL keeps charset and collation", () =>
    assert.deepEqual(
      getDialect("mysql")
        .createDdlCompiler()
        .compile(
          AlterColumnOp.create(
            order,
            "code",
            { type: "varchar(80)" },
            { type: "varchar(40)", nullable: false, charset: "utf8mb4", collation: "utf8mb4_bin" },
          ),
        ),
      ["ALTER TABLE `order` MODIFY COLUMN `code` varchar(80) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL"],
    ));

  it("AlterColumnOp on MySQL refuses to guess the type or nullability it would restate", () =>
    assert.throws(
      () =>
        getDialect("mysql")
          .createDdlCompiler()
          .compile(AlterColumnOp.create(order, "x", { default: "1" })),
      /existingType and existingNullable/,
    ));

  it("AlterColumnOp rename: RENAME COLUMN, CHANGE COLUMN on MySQL", () =>
    expectDdl(
      AlterColumnOp.create(
        order,
        "select",
        { name: "Where" },
        { type: "integer", nullable: false, autoIncrement: true },
      ),
      {
        postgres: ['ALTER TABLE "order" RENAME COLUMN "select" TO "Where"'],
        mysql: ["ALTER TABLE `order` CHANGE COLUMN `select` `Where` integer NOT NULL AUTO_INCREMENT"],
        sqlite: ['ALTER TABLE "order" RENAME COLUMN "select" TO "Where"'],
      },
    ));

  it("AlterColumnOp: dropping a default, collation with the type, identity", () => {
    expectDdl(AlterColumnOp.create(order, "n", { default: null }, { type: "integer", nullable: true, default: "1" }), {
      postgres: ['ALTER TABLE "order" ALTER COLUMN "n" DROP DEFAULT'],
      mysql: ["ALTER TABLE `order` MODIFY COLUMN `n` integer NULL"],
      sqlite: UNSUPPORTED,
    });
    assert.deepEqual(
      getDialect("postgres")
        .createDdlCompiler()
        .compile(AlterColumnOp.create(order, "s", { collation: "C" }, { type: "text" })),
      ['ALTER TABLE "order" ALTER COLUMN "s" TYPE text COLLATE "C"'],
    );
    assert.deepEqual(
      getDialect("postgres")
        .createDdlCompiler()
        .compile(AlterColumnOp.create(order, "id", { identity: { always: false, start: null, increment: 5 } })),
      ['ALTER TABLE "order" ALTER COLUMN "id" ADD GENERATED BY DEFAULT AS IDENTITY (INCREMENT BY 5)'],
    );
  });
});

describe("DDL: index ops", () => {
  it("CreateIndexOp: unique, descending, expressions", () =>
    expectDdl(
      CreateIndexOp.create(
        order,
        Index.create(
          "ix_Order",
          [IndexElement.column("select", { descending: true }), IndexElement.expression("lower(name)")],
          { unique: true },
        ),
      ),
      {
        postgres: ['CREATE UNIQUE INDEX "ix_Order" ON "order" ("select" DESC, (lower(name)))'],
        mysql: ["CREATE UNIQUE INDEX `ix_Order` ON `order` (`select` DESC, (lower(name)))"],
        sqlite: ['CREATE UNIQUE INDEX "ix_Order" ON "order" ("select" DESC, (lower(name)))'],
      },
    ));

  it("CreateIndexOp: partial, schema", () =>
    expectDdl(CreateIndexOp.create(inSchema, Index.create("ix_p", [IndexElement.column("a")], { where: "a > 0" })), {
      postgres: ['CREATE INDEX "ix_p" ON "my schema"."Select" ("a") WHERE a > 0'],
      mysql: UNSUPPORTED,
      sqlite: ['CREATE INDEX "my schema"."ix_p" ON "Select" ("a") WHERE a > 0'],
    }));

  it("CreateIndexOp: NULLS order is PostgreSQL's", () =>
    expectDdl(
      CreateIndexOp.create(
        order,
        Index.create("ix_n", [IndexElement.column("a", { descending: true, nulls: "LAST" })]),
      ),
      {
        postgres: ['CREATE INDEX "ix_n" ON "order" ("a" DESC NULLS LAST)'],
        mysql: UNSUPPORTED,
        sqlite: UNSUPPORTED,
      },
    ));

  it("CreateIndexOp: PostgreSQL USING, INCLUDE and CONCURRENTLY", () =>
    expectDdl(
      CreateIndexOp.create(
        order,
        Index.create("ix_gin", [IndexElement.column("tags")], { using: "GIN", include: ["id"] }),
        { concurrently: true },
      ),
      {
        postgres: ['CREATE INDEX CONCURRENTLY "ix_gin" ON "order" USING gin ("tags") INCLUDE ("id")'],
        mysql: UNSUPPORTED,
        sqlite: UNSUPPORTED,
      },
    ));

  it("CreateIndexOp: MySQL prefix length, FULLTEXT, SPATIAL and USING", () => {
    const mysql = (i: Index) => getDialect("mysql").createDdlCompiler().compile(CreateIndexOp.create(order, i));
    assert.deepEqual(mysql(Index.create("ix_pre", [IndexElement.column("body", { length: 20 })])), [
      "CREATE INDEX `ix_pre` ON `order` (`body`(20))",
    ]);
    assert.deepEqual(mysql(Index.create("ft", [IndexElement.column("body")], { using: "fulltext" })), [
      "CREATE FULLTEXT INDEX `ft` ON `order` (`body`)",
    ]);
    assert.deepEqual(mysql(Index.create("sp", [IndexElement.column("geo")], { using: "SPATIAL" })), [
      "CREATE SPATIAL INDEX `sp` ON `order` (`geo`)",
    ]);
    assert.deepEqual(mysql(Index.create("h", [IndexElement.column("k")], { unique: true, using: "hash" })), [
      "CREATE UNIQUE INDEX `h` ON `order` (`k`) USING HASH",
    ]);
    assert.throws(
      () =>
        getDialect("postgres")
          .createDdlCompiler()
          .compile(CreateIndexOp.create(order, Index.create("p", [IndexElement.column("b", { length: 3 })]))),
      UnsupportedOpError,
    );
  });

  it("DropIndexOp", () =>
    expectDdl(DropIndexOp.create(inSchema, Index.create("ix_Order", [IndexElement.column("a")])), {
      postgres: ['DROP INDEX "my schema"."ix_Order"'],
      mysql: ["DROP INDEX `ix_Order` ON `my schema`.`Select`"],
      sqlite: ['DROP INDEX "my schema"."ix_Order"'],
    }));
});

describe("DDL: constraint ops", () => {
  it("CreateUniqueConstraintOp", () =>
    expectDdl(CreateUniqueConstraintOp.create(order, UniqueConstraint.create(["select", "from"], "uq_Order")), {
      postgres: ['ALTER TABLE "order" ADD CONSTRAINT "uq_Order" UNIQUE ("select", "from")'],
      mysql: ["ALTER TABLE `order` ADD CONSTRAINT `uq_Order` UNIQUE (`select`, `from`)"],
      sqlite: UNSUPPORTED,
    }));

  it("CreateForeignKeyOp with actions and a referenced schema", () =>
    expectDdl(
      CreateForeignKeyOp.create(
        order,
        ForeignKey.create({
          name: "fk_user",
          columns: ["user"],
          refTable: "User",
          refSchema: "auth",
          refColumns: ["id"],
          onDelete: "SET NULL",
          onUpdate: "CASCADE",
        }),
      ),
      {
        postgres: [
          'ALTER TABLE "order" ADD CONSTRAINT "fk_user" FOREIGN KEY ("user") REFERENCES "auth"."User" ("id") ON DELETE SET NULL ON UPDATE CASCADE',
        ],
        mysql: [
          "ALTER TABLE `order` ADD CONSTRAINT `fk_user` FOREIGN KEY (`user`) REFERENCES `auth`.`User` (`id`) ON DELETE SET NULL ON UPDATE CASCADE",
        ],
        sqlite: UNSUPPORTED,
      },
    ));

  it("CreateCheckConstraintOp", () =>
    expectDdl(CreateCheckConstraintOp.create(order, CheckConstraint.create("qty >= 0", "ck_qty")), {
      postgres: ['ALTER TABLE "order" ADD CONSTRAINT "ck_qty" CHECK (qty >= 0)'],
      mysql: ["ALTER TABLE `order` ADD CONSTRAINT `ck_qty` CHECK (qty >= 0)"],
      sqlite: UNSUPPORTED,
    }));

  it("CreateExclusionConstraintOp: PostgreSQL only, refused by name elsewhere", () => {
    const booked = ExclusionConstraint.create('USING gist ("during" WITH &&)', "xcl_during");
    expectDdl(CreateExclusionConstraintOp.create(order, booked), {
      postgres: ['ALTER TABLE "order" ADD CONSTRAINT "xcl_during" EXCLUDE USING gist ("during" WITH &&)'],
      mysql: UNSUPPORTED,
      sqlite: UNSUPPORTED,
    });
    expectDdl(
      CreateTableOp.create(Table.create("slot", [Column.create("during", "tsrange")], { exclusions: [booked] })),
      {
        postgres: [
          'CREATE TABLE "slot" (\n    "during" tsrange,\n    CONSTRAINT "xcl_during" EXCLUDE USING gist ("during" WITH &&)\n)',
        ],
        mysql: UNSUPPORTED,
        sqlite: UNSUPPORTED,
      },
    );
    expectDdl(DropConstraintOp.create(order, booked), {
      postgres: ['ALTER TABLE "order" DROP CONSTRAINT "xcl_during"'],
      mysql: UNSUPPORTED,
      sqlite: UNSUPPORTED,
    });
  });

  it("MySQL: a batch adding an AUTO_INCREMENT column is one ALTER TABLE with its key; other batches one statement per op", () => {
    const seq = Column.create("seq", "int", { nullable: false, autoIncrement: true });
    const key = Index.create("seq", [IndexElement.column("seq")]);
    const adds = BatchAlterTableOp.create(
      order,
      [AddColumnOp.create(order, seq), CreateIndexOp.create(order, key)],
      "auto",
    );
    assert.deepEqual(compileFor("mysql", adds), [
      "ALTER TABLE `order` ADD COLUMN `seq` int NOT NULL AUTO_INCREMENT, ADD KEY `seq` (`seq`)",
    ]);
    assert.deepEqual(compileFor("mysql", reverseOp(adds)), ["ALTER TABLE `order` DROP INDEX `seq`, DROP COLUMN `seq`"]);
    const plain = BatchAlterTableOp.create(
      order,
      [
        AddColumnOp.create(order, Column.create("n", "int")),
        CreateIndexOp.create(order, Index.create("ix_n", [IndexElement.column("n")])),
      ],
      "auto",
    );
    assert.deepEqual(compileFor("mysql", plain), [
      "ALTER TABLE `order` ADD COLUMN `n` int NULL",
      "CREATE INDEX `ix_n` ON `order` (`n`)",
    ]);
  });

  it("CreatePrimaryKeyOp", () =>
    expectDdl(CreatePrimaryKeyOp.create(order, PrimaryKey.create(["a", "b"], "pk_order")), {
      postgres: ['ALTER TABLE "order" ADD CONSTRAINT "pk_order" PRIMARY KEY ("a", "b")'],
      mysql: ["ALTER TABLE `order` ADD CONSTRAINT `pk_order` PRIMARY KEY (`a`, `b`)"],
      sqlite: UNSUPPORTED,
    }));

  it("DropConstraintOp per constraint kind", () => {
    const drop = (c: Parameters<typeof DropConstraintOp.create>[1]) => DropConstraintOp.create(order, c);
    expectDdl(drop(ForeignKey.create({ name: "fk_x", columns: ["a"], refTable: "t", refColumns: ["id"] })), {
      postgres: ['ALTER TABLE "order" DROP CONSTRAINT "fk_x"'],
      mysql: ["ALTER TABLE `order` DROP FOREIGN KEY `fk_x`"],
      sqlite: UNSUPPORTED,
    });
    expectDdl(drop(UniqueConstraint.create(["a"], "uq_x")), {
      postgres: ['ALTER TABLE "order" DROP CONSTRAINT "uq_x"'],
      mysql: ["ALTER TABLE `order` DROP INDEX `uq_x`"],
      sqlite: UNSUPPORTED,
    });
    expectDdl(drop(CheckConstraint.create("a > 0", "ck_x")), {
      postgres: ['ALTER TABLE "order" DROP CONSTRAINT "ck_x"'],
      mysql: ["ALTER TABLE `order` DROP CONSTRAINT `ck_x`"],
      sqlite: UNSUPPORTED,
    });
    expectDdl(drop(PrimaryKey.create(["a"], "order_pkey")), {
      postgres: ['ALTER TABLE "order" DROP CONSTRAINT "order_pkey"'],
      mysql: ["ALTER TABLE `order` DROP PRIMARY KEY"],
      sqlite: UNSUPPORTED,
    });
    assert.throws(
      () =>
        getDialect("postgres")
          .createDdlCompiler()
          .compile(drop(UniqueConstraint.create(["a"]))),
      /unnamed/,
    );
  });
});

describe("DDL: SQL, data, enums, schemas", () => {
  it("ExecuteSQLOp runs as written", () =>
    expectDdl(ExecuteSQLOp.create("UPDATE t SET a = 1"), {
      postgres: ["UPDATE t SET a = 1"],
      mysql: ["UPDATE t SET a = 1"],
      sqlite: ["UPDATE t SET a = 1"],
    }));

  it("BulkInsertOp writes literals, one INSERT per run of rows with the same keys", () =>
    expectDdl(
      BulkInsertOp.create(order, [
        { id: 1, name: "O'Brien", ok: true, at: new Date("2026-01-02T03:04:05.006Z") },
        { id: 2, name: "back\\slash", ok: false, at: null },
        { id: 3 },
      ]),
      {
        postgres: [
          `INSERT INTO "order" ("id", "name", "ok", "at") VALUES (1, 'O''Brien', true, '2026-01-02 03:04:05.006'), (2, 'back\\slash', false, NULL)`,
          `INSERT INTO "order" ("id") VALUES (3)`,
        ],
        mysql: [
          "INSERT INTO `order` (`id`, `name`, `ok`, `at`) VALUES (1, 'O''Brien', 1, '2026-01-02 03:04:05.006'), (2, 'back\\\\slash', 0, NULL)",
          "INSERT INTO `order` (`id`) VALUES (3)",
        ],
        sqlite: [
          `INSERT INTO "order" ("id", "name", "ok", "at") VALUES (1, 'O''Brien', 1, '2026-01-02 03:04:05.006'), (2, 'back\\slash', 0, NULL)`,
          `INSERT INTO "order" ("id") VALUES (3)`,
        ],
      },
    ));

  it("CreateEnumOp / DropEnumOp / AddEnumValueOp are PostgreSQL's", () => {
    const mood = Enum.create("Mood", ["sad", "it's ok"], "my schema");
    expectDdl(CreateEnumOp.create(mood), {
      postgres: [`CREATE TYPE "my schema"."Mood" AS ENUM ('sad', 'it''s ok')`],
      mysql: UNSUPPORTED,
      sqlite: UNSUPPORTED,
    });
    expectDdl(DropEnumOp.create(mood), {
      postgres: ['DROP TYPE "my schema"."Mood"'],
      mysql: UNSUPPORTED,
      sqlite: UNSUPPORTED,
    });
    expectDdl(AddEnumValueOp.create(QualifiedName.create("Mood"), "happy", { after: "sad" }), {
      postgres: [`ALTER TYPE "Mood" ADD VALUE 'happy' AFTER 'sad'`],
      mysql: UNSUPPORTED,
      sqlite: UNSUPPORTED,
    });
  });

  it("CreateSchemaOp / DropSchemaOp", () => {
    expectDdl(CreateSchemaOp.create("Audit"), {
      postgres: ['CREATE SCHEMA "Audit"'],
      mysql: ["CREATE SCHEMA `Audit`"],
      sqlite: UNSUPPORTED,
    });
    expectDdl(DropSchemaOp.create("Audit"), {
      postgres: ['DROP SCHEMA "Audit"'],
      mysql: ["DROP SCHEMA `Audit`"],
      sqlite: UNSUPPORTED,
    });
  });
});

describe("DDL: views", () => {
  const v = QualifiedName.create("active", "app");
  it("CreateViewOp / DropViewOp", () => {
    expectDdl(CreateViewOp.create(v, "SELECT 1"), {
      postgres: ['CREATE VIEW "app"."active" AS SELECT 1'],
      mysql: ["CREATE VIEW `app`.`active` AS SELECT 1"],
      sqlite: ['CREATE VIEW "app"."active" AS SELECT 1'],
    });
    expectDdl(DropViewOp.create(v, "SELECT 1"), {
      postgres: ['DROP VIEW "app"."active"'],
      mysql: ["DROP VIEW `app`.`active`"],
      sqlite: ['DROP VIEW "app"."active"'],
    });
  });

  it("ReplaceViewOp: OR REPLACE, or drop and create on SQLite, which has no OR REPLACE", () =>
    expectDdl(ReplaceViewOp.create(v, "SELECT 2", "SELECT 1"), {
      postgres: ['CREATE OR REPLACE VIEW "app"."active" AS SELECT 2'],
      mysql: ["CREATE OR REPLACE VIEW `app`.`active` AS SELECT 2"],
      sqlite: ['DROP VIEW "app"."active"', 'CREATE VIEW "app"."active" AS SELECT 2'],
    }));
});

describe("DDL: containers", () => {
  it("ModifyTableOps compiles its children in order", () =>
    expectDdl(
      ModifyTableOps.create(order, [
        AddColumnOp.create(order, Column.create("a", "integer")),
        DropColumnOp.create(order, Column.create("b", "integer")),
      ]),
      {
        postgres: ['ALTER TABLE "order" ADD COLUMN "a" integer', 'ALTER TABLE "order" DROP COLUMN "b"'],
        mysql: ["ALTER TABLE `order` ADD COLUMN `a` integer NULL", "ALTER TABLE `order` DROP COLUMN `b`"],
        sqlite: ['ALTER TABLE "order" ADD COLUMN "a" integer', 'ALTER TABLE "order" DROP COLUMN "b"'],
      },
    ));

  it("BatchAlterTableOp runs in place where it can, and asks for a recreate on SQLite otherwise", () => {
    const inPlace = BatchAlterTableOp.create(order, [
      AddColumnOp.create(order, Column.create("a", "integer", { default: "0" })),
      CreateIndexOp.create(order, Index.create("ix_a", [IndexElement.column("a")])),
    ]);
    expectDdl(inPlace, {
      postgres: ['ALTER TABLE "order" ADD COLUMN "a" integer DEFAULT 0', 'CREATE INDEX "ix_a" ON "order" ("a")'],
      mysql: ["ALTER TABLE `order` ADD COLUMN `a` integer NULL DEFAULT 0", "CREATE INDEX `ix_a` ON `order` (`a`)"],
      sqlite: ['ALTER TABLE "order" ADD COLUMN "a" integer DEFAULT 0', 'CREATE INDEX "ix_a" ON "order" ("a")'],
    });
    const recreate = BatchAlterTableOp.create(order, [
      AlterColumnOp.create(order, "a", { nullable: false }, { type: "integer", nullable: true }),
    ]);
    expectDdl(recreate, {
      postgres: ['ALTER TABLE "order" ALTER COLUMN "a" SET NOT NULL'],
      mysql: ["ALTER TABLE `order` MODIFY COLUMN `a` integer NOT NULL"],
      sqlite: BatchRecreateRequiredError,
    });
    expectDdl(BatchAlterTableOp.create(order, inPlace.ops, "always"), {
      postgres: ['ALTER TABLE "order" ADD COLUMN "a" integer DEFAULT 0', 'CREATE INDEX "ix_a" ON "order" ("a")'],
      mysql: ["ALTER TABLE `order` ADD COLUMN `a` integer NULL DEFAULT 0", "CREATE INDEX `ix_a` ON `order` (`a`)"],
      sqlite: BatchRecreateRequiredError,
    });
    assert.throws(
      () =>
        getDialect("sqlite")
          .createDdlCompiler()
          .compile(BatchAlterTableOp.create(order, recreate.ops, "never")),
      UnsupportedOpError,
    );
  });

  it("a custom op kind throws UnsupportedOpError instead of being skipped", () =>
    expectDdl({ kind: "CreateFunctionOp" }, { postgres: UNSUPPORTED, mysql: UNSUPPORTED, sqlite: UNSUPPORTED }));

  it("statements never end with a semicolon", () => {
    const table = toTable("t", [{ name: "id", type: "integer", primaryKey: true }], {
      indexes: [{ name: "i", columns: ["id"] }],
    });
    for (const d of ["postgres", "mysql", "sqlite"] as const) {
      for (const s of getDialect(d).createDdlCompiler().compile(CreateTableOp.create(table)))
        assert.ok(!s.trimEnd().endsWith(";"), s);
    }
  });
});
