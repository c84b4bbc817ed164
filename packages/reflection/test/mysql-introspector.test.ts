import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { CheckConstraint, ForeignKey, Index, IndexElement, PrimaryKey, Schema, Table, View } from "@autogen/core";
import { modelOf, numbered, reflectedDatabase, tableNames, warningCollector } from "./reflect-helpers";

/** The model's column and expression for DDL as written (expected values are what the DDL says). */
const { column: my, expression: myExpression } = modelOf("mysql");

/** Hand-written DDL covering everything MySQL / MariaDB reflection reads. */
const FEATURES_DDL = [
  `CREATE TABLE parent (
     id int PRIMARY KEY AUTO_INCREMENT,
     code varchar(10) UNIQUE,
     body text,
     location point NOT NULL,
     FULLTEXT INDEX ft_body (body),
     SPATIAL INDEX sp_location (location)
   ) ENGINE = MyISAM`,
  `CREATE TABLE target (id int PRIMARY KEY COMMENT 'the id', k int, UNIQUE KEY uq_k (k))`,
  `CREATE TABLE child (
     id int NOT NULL,
     target_id int,
     k int,
     doc json,
     changed datetime(3) DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
     latin varchar(20) CHARACTER SET latin1 DEFAULT 'it''s',
     bin varchar(5) COLLATE utf8mb4_bin NOT NULL DEFAULT '',
     n int unsigned CHECK (n > 0),
     flag tinyint(1) NOT NULL DEFAULT 1,
     price decimal(10, 2) DEFAULT 0,
     doubled int AS (n * 2) STORED,
     plus_one int AS (n + 1) VIRTUAL,
     kind enum('a', 'b') DEFAULT 'a',
     PRIMARY KEY (id),
     CONSTRAINT fk_target FOREIGN KEY (target_id) REFERENCES target (id),
     CONSTRAINT fk_k FOREIGN KEY (k) REFERENCES target (k) ON DELETE CASCADE ON UPDATE SET NULL,
     CONSTRAINT ck_id CHECK (id <> 5),
     INDEX ix_prefix (latin(5) DESC, changed),
     INDEX ix_k_target (k, target_id),
     UNIQUE KEY uq_bin_n (bin, n)
   ) COMMENT 'children' COLLATE latin1_bin`,
  `CREATE VIEW v_target AS SELECT id FROM target WHERE k > 0`,
];

describe("mysql reflection", () => {
  it("reflects columns, keys, constraints, indexes, table options and views exactly", async (t) => {
    const db = await reflectedDatabase(t, "mysql", FEATURES_DDL);
    if (!db) return;
    const { warnings, onWarning } = warningCollector();
    const schema = await db.introspector.reflect({ onWarning });
    const child = Table.create(
      "child",
      [
        my("id", "int", { nullable: false }),
        my("target_id", "int"),
        my("k", "int"),
        // MariaDB's json is longtext + json_valid(): reported as json, without the check.
        my("doc", "json"),
        my("changed", "datetime(3)", { default: "CURRENT_TIMESTAMP(3)", onUpdate: "CURRENT_TIMESTAMP(3)" }),
        // The column's charset is the table's (latin1); its collation is latin1's default, not the table's.
        my("latin", "varchar(20)", { default: "'it''s'", collation: "latin1_swedish_ci" }),
        my("bin", "varchar(5)", { nullable: false, default: "''", charset: "utf8mb4", collation: "utf8mb4_bin" }),
        my("n", "int unsigned"),
        my("flag", "tinyint(1)", { nullable: false, default: "1" }),
        my("price", "decimal(10, 2)", { default: "0" }),
        my("doubled", "int", { generated: { expression: "n * 2", stored: true } }),
        my("plus_one", "int", { generated: { expression: "n + 1", stored: false } }),
        my("kind", "enum('a', 'b')", { default: "'a'" }),
      ],
      {
        primaryKey: PrimaryKey.create(["id"]),
        indexes: [
          // fk_target's index is the one InnoDB made for the FK: left out. fk_k uses ix_k_target.
          Index.create("ix_k_target", [IndexElement.column("k"), IndexElement.column("target_id")]),
          Index.create("ix_prefix", [
            IndexElement.column("latin", { descending: true, length: 5 }),
            IndexElement.column("changed"),
          ]),
          Index.create("uq_bin_n", [IndexElement.column("bin"), IndexElement.column("n")], { unique: true }),
        ],
        foreignKeys: [
          ForeignKey.create({
            name: "fk_k",
            columns: ["k"],
            refTable: "target",
            refColumns: ["k"],
            onDelete: "CASCADE",
            onUpdate: "SET NULL",
          }),
          ForeignKey.create({ name: "fk_target", columns: ["target_id"], refTable: "target", refColumns: ["id"] }),
        ],
        checks: [
          CheckConstraint.create(myExpression("id <> 5"), "ck_id"),
          CheckConstraint.create(myExpression("n > 0"), "n"),
        ],
        comment: "children",
        options: { charset: "latin1", collation: "latin1_bin" },
      },
    );
    const parent = Table.create(
      "parent",
      [
        my("id", "int", { nullable: false, autoIncrement: true }),
        my("code", "varchar(10)"),
        my("body", "text"),
        my("location", "point", { nullable: false }),
      ],
      {
        primaryKey: PrimaryKey.create(["id"]),
        indexes: [
          Index.create("code", [IndexElement.column("code")], { unique: true }),
          Index.create("ft_body", [IndexElement.column("body")], { using: "fulltext" }),
          // MariaDB reports SUB_PART 32 for a spatial key part; it is not a prefix.
          Index.create("sp_location", [IndexElement.column("location")], { using: "spatial" }),
        ],
        options: { engine: "MyISAM" },
      },
    );
    const target = Table.create("target", [my("id", "int", { nullable: false, comment: "the id" }), my("k", "int")], {
      primaryKey: PrimaryKey.create(["id"]),
      indexes: [Index.create("uq_k", [IndexElement.column("k")], { unique: true })],
    });
    assert.deepEqual(
      schema,
      Schema.create({
        tables: [child, parent, target],
        views: [View.create("v_target", "select `target`.`id` AS `id` from `target` where `target`.`k` > 0")],
      }),
    );
    assert.deepEqual(warnings, []);
    assert.deepEqual(await db.introspector.reflect(), schema, "a second reflection is identical");
  });

  it("keeps an index named like a foreign key when it is more than the FK's implicit index", async (t) => {
    const db = await reflectedDatabase(t, "mysql", [
      `CREATE TABLE target (id int PRIMARY KEY)`,
      `CREATE TABLE a (x int, y int, CONSTRAINT fk_x FOREIGN KEY (x) REFERENCES target (id))`,
      // An explicit index with the FK's name but another column list is the user's index.
      `CREATE TABLE b (x int, y int, INDEX fk_bx (x, y), CONSTRAINT fk_bx FOREIGN KEY (x) REFERENCES target (id))`,
    ]);
    if (!db) return;
    const schema = await db.introspector.reflect();
    assert.deepEqual(
      schema.tables.map((t) => [t.name, t.indexes.map((i) => i.name)]),
      [
        ["a", []],
        ["b", ["fk_bx"]],
        ["target", []],
      ],
    );
  });

  it("reflects another schema and names it, leaving out bookkeeping and excluded tables", async (t) => {
    const db = await reflectedDatabase(t, "mysql", [
      `CREATE TABLE autogen_version (version_num varchar(32) NOT NULL PRIMARY KEY)`,
      `CREATE TABLE migrations (id int PRIMARY KEY AUTO_INCREMENT, timestamp bigint NOT NULL, name varchar(255) NOT NULL)`,
      `CREATE TABLE typeorm_metadata (type varchar(255) NOT NULL, name varchar(255))`,
      `CREATE TABLE my_versions (v text)`,
      `CREATE TABLE accounts (id int PRIMARY KEY)`,
    ]);
    if (!db) return;
    const [{ name: current }] = (await db.conn.query<{ name: string }>("SELECT DATABASE() AS name")).rows as [
      { name: string },
    ];
    const other = `${current}_b`;
    await db.conn.query(`CREATE DATABASE \`${other}\` CHARACTER SET latin1`);
    try {
      await checkTwoSchemas(db, current, other);
    } finally {
      await db.conn.query(`DROP DATABASE IF EXISTS \`${other}\``);
    }
  });

  it("gives the model's canonical text for expressions the server stores with backticks", async (t) => {
    const written = { check: "Price >= 0 AND `order` < 10", generated: "price * 2" };
    const db = await reflectedDatabase(t, "mysql", [
      `CREATE TABLE item (Price int, \`order\` int, doubled int AS (${written.generated}) VIRTUAL, CONSTRAINT ck_price CHECK (${written.check}))`,
    ]);
    if (!db) return;
    const [item] = (await db.introspector.reflect()).tables;
    assert.deepEqual(item!.checks, [CheckConstraint.create(myExpression(written.check), "ck_price")]);
    assert.equal(item!.checks[0]!.expression, "price >= 0 and `order` < 10");
    assert.deepEqual(
      item!.columns[2],
      my("doubled", "int", { generated: { expression: written.generated, stored: false } }),
    );
  });

  it("warns about what the model cannot express instead of dropping it silently", async (t) => {
    const db = await reflectedDatabase(t, "mysql", [
      "CREATE TABLE secrets (id int PRIMARY KEY, token varchar(20) INVISIBLE)",
    ]);
    if (!db) return;
    const { warnings, onWarning } = warningCollector();
    const schema = await db.introspector.reflect({ onWarning });
    assert.deepEqual(
      schema.tables[0]!.columns.map((c) => c.name),
      ["id", "token"],
    );
    assert.equal(warnings.length, 1);
    assert.match(
      warnings[0]!,
      /^MySQL table \S+\.secrets: column token is INVISIBLE, which the model cannot express; it is reflected as visible$/,
    );
  });

  it("sends the same number of queries for 10 tables and for 200", async (t) => {
    const table = (i: number) => [
      `CREATE TABLE t${i} (id int PRIMARY KEY AUTO_INCREMENT, name varchar(50) UNIQUE, ref int, INDEX ix_name_ref (name, ref), CHECK (ref > 0))`,
    ];
    const small = await reflectedDatabase(t, "mysql", numbered(10, table));
    if (!small) return;
    const large = await reflectedDatabase(t, "mysql", numbered(200, table));
    if (!large) return;
    const ten = await small.introspector.reflect();
    const twoHundred = await large.introspector.reflect();
    assert.equal(ten.tables.length, 10);
    assert.equal(twoHundred.tables.length, 200);
    assert.equal(small.introspector.lastQueryCount, 1);
    assert.equal(large.introspector.lastQueryCount, small.introspector.lastQueryCount);
    assert.deepEqual(
      twoHundred.tables.find((x) => x.name === "t7"),
      ten.tables.find((x) => x.name === "t7"),
    );
  });

  it("reads every column of a wide table, whose rows come as one (MariaDB groups them per table)", async (t) => {
    // 200 commented columns: some 30 KB of rows for one table, far past a GROUP_CONCAT limit
    // of 1,024 bytes (MySQL's default; MariaDB's is 1 MB, set lower on this session), which a
    // grouped answer must not cut.
    const comment = "c".repeat(60);
    const columns = Array.from({ length: 200 }, (_, i) => `col_${i} int NULL COMMENT '${comment}${i}'`);
    const db = await reflectedDatabase(t, "mysql", [
      `CREATE TABLE wide (id int PRIMARY KEY, ${columns.join(", ")}, INDEX ix_wide (col_198, col_199))`,
    ]);
    if (!db) return;
    await db.conn.query("SET SESSION group_concat_max_len = 1024");
    const schema = await db.introspector.reflect();
    const wide = schema.tables.find((x) => x.name === "wide")!;
    assert.deepEqual(
      wide.columns.map((c) => c.name),
      ["id", ...Array.from({ length: 200 }, (_, i) => `col_${i}`)],
    );
    assert.equal(wide.columns[200]!.comment, `${comment}199`);
    assert.deepEqual(
      wide.indexes.map((i) => [i.name, i.elements.map((e) => e.column)]),
      [["ix_wide", ["col_198", "col_199"]]],
    );
  });
});

/** The second-schema assertions: run between creating and dropping the extra database. */
async function checkTwoSchemas(
  db: NonNullable<Awaited<ReturnType<typeof reflectedDatabase>>>,
  current: string,
  other: string,
): Promise<void> {
  const names = await db.introspector.schemaNames();
  assert.ok(names.includes(current) && names.includes(other), "both test databases are listed");
  assert.ok(!names.includes("mysql") && !names.includes("information_schema"), "the server's own are not");
  assert.deepEqual(names, [...names].sort());
  await db.conn.query(
    `CREATE TABLE \`${other}\`.entries (id int PRIMARY KEY, account_id int, CONSTRAINT fk_account FOREIGN KEY (account_id) REFERENCES \`${current}\`.accounts (id))`,
  );

  const mine = await db.introspector.reflect({ exclude: ["my_versions"] });
  assert.deepEqual(tableNames(mine), ["accounts"]);
  const both = await db.introspector.reflect({ schemas: [current, other, "missing_schema"], exclude: ["my_versions"] });
  assert.deepEqual(both.schemas, [other]);
  assert.deepEqual(
    await db.introspector.reflect({ schemas: [null, other], exclude: ["my_versions"] }),
    both,
    "null is the current database",
  );
  assert.deepEqual(
    both.tables.map((t) => [t.schema, t.name]),
    [
      [null, "accounts"],
      [other, "entries"],
    ],
  );
  const entries = both.tables[1]!;
  assert.deepEqual(entries.options, {}, "the table's latin1 is its schema's default");
  assert.deepEqual(
    entries.foreignKeys.map((f) => [f.refSchema, f.refTable]),
    [[null, "accounts"]],
  );
  assert.deepEqual(tableNames(await db.introspector.reflect({ tables: ["accounts", "my_versions"] })), [
    "accounts",
    "my_versions",
  ]);
}
