/*
 * classifyRisks: one mechanism, each dialect's rules as data. These are the decisions
 * themselves (which code for which change on which dialect); test/risks.test.ts and
 * test/lint.test.ts check them end to end on real databases.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  AddColumnOp,
  AlterColumnOp,
  BatchAlterTableOp,
  Column,
  CreateIndexOp,
  CreateTableOp,
  DropColumnOp,
  DropConstraintOp,
  DropIndexOp,
  DropTableOp,
  ModifyTableOps,
  QualifiedName,
  RenameTableOp,
  Table,
  collectRisks,
  CheckConstraint,
  CreateCheckConstraintOp,
  CreateForeignKeyOp,
  CreateUniqueConstraintOp,
  RenameConstraintOp,
  RenameEnumValueOp,
  RenameIndexOp,
  toForeignKey,
  toIndex,
  toUnique,
  type OpNode,
} from "@autogen/core";
import { classifyRisks, getDialect, type DialectName } from "../src/index";

const users = QualifiedName.create("users");
const codes = (d: DialectName, ops: OpNode[]): string[] =>
  collectRisks(classifyRisks(getDialect(d), ops)).map((r) => r.code);
const retype = (from: string, to: string) => AlterColumnOp.create(users, "name", { type: to }, { type: from });

describe("classifyRisks", () => {
  it("PostgreSQL rewrites the table for a type change unless it is binary-coercible", () => {
    assert.deepEqual(codes("postgres", [retype("integer", "bigint")]), ["table-rewrite"]);
    assert.deepEqual(codes("postgres", [retype("varchar(50)", "varchar(100)")]), []);
    assert.deepEqual(codes("postgres", [retype("varchar(50)", "text")]), []);
    assert.deepEqual(codes("postgres", [retype("numeric(8,2)", "numeric(12,2)")]), []);
    // A shorter varchar is checked value by value: PostgreSQL rewrites the table for it too.
    assert.deepEqual(codes("postgres", [retype("varchar(100)", "varchar(50)")]), [
      "data-loss",
      "may-fail-on-existing-rows",
      "table-rewrite",
    ]);
  });

  it("PostgreSQL: inet to text changes a host address's text (the cast adds its /32)", () => {
    assert.deepEqual(codes("postgres", [retype("inet", "text")]), ["silent-data-change", "table-rewrite"]);
    assert.deepEqual(codes("postgres", [retype("cidr", "text")]), ["table-rewrite"]);
  });

  it("MariaDB/MySQL copy the table unless a varchar keeps its length prefix or an enum only gains values at the end", () => {
    assert.deepEqual(codes("mysql", [retype("varchar(50)", "varchar(60)")]), []);
    assert.deepEqual(codes("mysql", [retype("varchar(50)", "varchar(100)")]), ["table-rewrite"]);
    assert.deepEqual(codes("mysql", [retype("enum('a','b')", "enum('a','b','c')")]), []);
    assert.deepEqual(codes("mysql", [retype("enum('a','b')", "enum('a')")]), ["data-loss", "table-rewrite"]);
    const notNull = AlterColumnOp.create(users, "name", { nullable: false }, { nullable: true, type: "varchar(5)" });
    assert.deepEqual(codes("mysql", [notNull]), ["may-fail-on-existing-rows", "table-rewrite"]);
    assert.deepEqual(codes("postgres", [notNull]), ["may-fail-on-existing-rows", "long-lock"]);
  });

  it("MariaDB/MySQL: a wider binary, or another type made binary, pads shorter values with zero bytes", () => {
    // The padded values no longer fit the narrower binary the downgrade puts back.
    assert.deepEqual(codes("mysql", [retype("binary(4)", "binary(8)")]), [
      "silent-data-change",
      "irreversible-downgrade",
      "table-rewrite",
    ]);
    assert.deepEqual(codes("mysql", [retype("binary", "binary(2)")]), [
      "silent-data-change",
      "irreversible-downgrade",
      "table-rewrite",
    ]);
    // A varbinary takes the padded values back as they are.
    assert.deepEqual(codes("mysql", [retype("varbinary(8)", "binary(8)")]), ["silent-data-change", "table-rewrite"]);
    const [risk] = collectRisks(classifyRisks(getDialect("mysql"), [retype("binary(4)", "binary(8)")]));
    assert.equal(
      risk!.message,
      "changes users.name from binary(4) to binary(8): values shorter than 8 bytes are padded with zero bytes to 8 bytes, and read back so",
    );
    // A narrower binary cuts values (data-loss), it pads none; varbinary keeps each value's length.
    assert.deepEqual(codes("mysql", [retype("binary(8)", "binary(4)")]), [
      "data-loss",
      "may-fail-on-existing-rows",
      "table-rewrite",
    ]);
    assert.deepEqual(codes("mysql", [retype("binary(4)", "varbinary(8)")]), ["table-rewrite"]);
  });

  it("SQLite does not enforce types, so a narrowing loses nothing; what cannot run in place recreates the table", () => {
    const inTable = (op: OpNode) => [ModifyTableOps.create(users, [op])];
    assert.deepEqual(codes("sqlite", inTable(retype("varchar(100)", "varchar(50)"))), ["table-rewrite"]);
    const index = CreateIndexOp.create(users, toIndex({ name: "ix_name", columns: ["name"] }));
    assert.deepEqual(codes("sqlite", inTable(index)), []);
    assert.deepEqual(codes("postgres", [index]), ["long-lock"]);
    assert.deepEqual(
      codes("postgres", [
        CreateIndexOp.create(users, toIndex({ name: "ix_name", columns: ["name"] }), { concurrently: true }),
      ]),
      [],
    );
    const always = BatchAlterTableOp.create(users, [index], "always");
    assert.deepEqual(codes("sqlite", [always]), ["table-rewrite"]);
  });

  it("a table created earlier in the same revision has no rows to risk", () => {
    const table = Table.create("users", [Column.create("id", "integer", { nullable: false })]);
    const ops = [
      CreateTableOp.create(table),
      AddColumnOp.create(users, Column.create("x", "integer", { nullable: false })),
      CreateIndexOp.create(users, toIndex({ name: "ix_x", columns: ["x"] })),
    ];
    assert.deepEqual(codes("postgres", ops), []);
    assert.deepEqual(codes("postgres", ops.slice(1)), ["may-fail-on-existing-rows", "long-lock"]);
  });

  it("renames may break running code; drops that do not carry their definition cannot be reversed", () => {
    assert.deepEqual(codes("mysql", [RenameTableOp.create(users, "people")]), ["breaking-rename"]);
    assert.deepEqual(codes("mysql", [AlterColumnOp.create(users, "name", { name: "full_name" })]), ["breaking-rename"]);
    assert.deepEqual(codes("sqlite", [DropTableOp.create(Table.create("users", []))]), [
      "data-loss",
      "irreversible-downgrade",
    ]);
    assert.deepEqual(codes("postgres", [DropColumnOp.create(users, Column.create("pw", ""))]), [
      "data-loss",
      "irreversible-downgrade",
    ]);
    // The downgrade would add a NOT NULL column without a default back to a table with rows.
    const required = DropColumnOp.create(users, Column.create("pw", "text", { nullable: false }));
    assert.deepEqual(codes("postgres", [required]), ["data-loss", "irreversible-downgrade"]);
    assert.deepEqual(codes("postgres", [DropColumnOp.create(users, Column.create("pw", "text"))]), ["data-loss"]);
  });

  it("a dropped unique column whose re-added rows would all hold one value cannot be put back", () => {
    const dropUnique = DropIndexOp.create(users, toIndex({ name: "uq_code", columns: ["code"], unique: true }));
    const drop = (c: Column) => codes("mysql", [dropUnique, DropColumnOp.create(users, c)]);
    // NOT NULL: the implicit default in every row; nullable with a default: that default.
    assert.deepEqual(drop(Column.create("code", "varchar(20)", { nullable: false, default: "''" })), [
      "data-loss",
      "irreversible-downgrade",
    ]);
    assert.deepEqual(drop(Column.create("code", "varchar(20)", { default: "'x'" })), [
      "data-loss",
      "irreversible-downgrade",
    ]);
    const [, risk] = collectRisks(
      classifyRisks(getDialect("mysql"), [
        dropUnique,
        DropColumnOp.create(users, Column.create("code", "uuid", { default: "'0'" })),
      ]),
    );
    assert.equal(
      risk!.message,
      "the downgrade adds column users.code back with one value for every row, then its unique key: it fails if users has more than one row",
    );
    // NULLs do not collide in a unique key, and an auto-increment numbers the rows.
    assert.deepEqual(drop(Column.create("code", "varchar(20)")), ["data-loss"]);
    assert.deepEqual(drop(Column.create("code", "int", { nullable: false, autoIncrement: true })), ["data-loss"]);
  });

  it("so does a column of a unique key of several columns dropped with it, once two rows agree on the others", () => {
    const key = toIndex({ name: "uq_code_kind", columns: ["code", "kind"], unique: true });
    const ops = [
      DropIndexOp.create(users, key),
      DropColumnOp.create(users, Column.create("code", "int", { default: "1" })),
    ];
    const risks = collectRisks(classifyRisks(getDialect("postgres"), ops));
    assert.deepEqual(
      risks.map((r) => r.message),
      [
        "drops column users.code and its values",
        "the downgrade adds column users.code back with one value for every row, then its unique key: it fails if two rows of users agree on the key's other part (kind)",
      ],
    );
    // A unique key without the column comes back without it.
    const other = toIndex({ name: "uq_kind", columns: ["kind", "name"], unique: true });
    assert.deepEqual(codes("postgres", [DropIndexOp.create(users, other), ops[1]!]), ["data-loss"]);
  });

  it("a dropped column whose re-added rows would all hold its default cannot be put back under a CHECK dropped with it", () => {
    const check = CheckConstraint.create('"score" >= 0', "ck_score");
    const dropCheck = DropConstraintOp.create(users, check);
    const score = (o: { nullable?: boolean; default?: string | null }) => Column.create("score", "int", o);
    const risks = collectRisks(
      classifyRisks(getDialect("sqlite"), [
        BatchAlterTableOp.create(users, [dropCheck, DropColumnOp.create(users, score({ default: "-1" }))]),
      ]),
    );
    const risk = risks.find((r) => r.code === "irreversible-downgrade");
    assert.deepEqual(
      risks.map((r) => r.code),
      // The check's drop, then the column's: each recreates the table on SQLite.
      ["table-rewrite", "data-loss", "irreversible-downgrade", "table-rewrite"],
    );
    assert.equal(
      risk!.message,
      "the downgrade adds column users.score back with one value for every row (-1), then CHECK ck_score: it fails if users has rows and the check rejects that value",
    );
    for (const d of ["postgres", "mysql"] as const)
      assert.deepEqual(codes(d, [dropCheck, DropColumnOp.create(users, score({ default: "-1" }))]), [
        "data-loss",
        "irreversible-downgrade",
      ]);
    // NULL passes a CHECK; a check on other columns, or one the revision keeps, is not re-created on the column.
    assert.deepEqual(codes("postgres", [dropCheck, DropColumnOp.create(users, score({}))]), ["data-loss"]);
    const other = DropConstraintOp.create(users, CheckConstraint.create("scores > 0 AND 'score' <> ''", "ck_other"));
    assert.deepEqual(codes("postgres", [other, DropColumnOp.create(users, score({ default: "-1" }))]), ["data-loss"]);
    assert.deepEqual(codes("postgres", [DropColumnOp.create(users, score({ default: "-1" }))]), ["data-loss"]);
  });

  it("every op comes back carrying its risks, containers and their children too", () => {
    const [container] = classifyRisks(getDialect("postgres"), [
      ModifyTableOps.create(users, [DropColumnOp.create(users, Column.create("pw", "text"))]),
    ]);
    assert.deepEqual(container!.risks, []);
    const child = (container as unknown as ModifyTableOps).ops[0] as OpNode & { risks: unknown[] };
    assert.equal(child.risks.length, 1);
  });

  it("new constraints: MariaDB/MySQL copy the table for a foreign key or a check, build a unique index online", () => {
    const fk = toForeignKey({ name: "fk_users_org", columns: ["org_id"], refTable: "orgs", refColumns: ["id"] });
    const check = CheckConstraint.create("length(name) > 0", "ck_name");
    const unique = toUnique({ name: "uq_name", columns: ["name"] });
    assert.deepEqual(codes("mysql", [CreateForeignKeyOp.create(users, fk)]), [
      "may-fail-on-existing-rows",
      "table-rewrite",
    ]);
    assert.deepEqual(codes("mysql", [CreateCheckConstraintOp.create(users, check)]), [
      "may-fail-on-existing-rows",
      "table-rewrite",
    ]);
    assert.deepEqual(codes("mysql", [CreateUniqueConstraintOp.create(users, unique)]), ["may-fail-on-existing-rows"]);
    assert.deepEqual(codes("postgres", [CreateForeignKeyOp.create(users, fk)]), [
      "may-fail-on-existing-rows",
      "long-lock",
    ]);
  });

  it("renames of indexes and constraints keep what they enforce; how the dialect renames may rewrite the table", () => {
    const fk = toForeignKey({ name: "fk_a", columns: ["org_id"], refTable: "orgs", refColumns: ["id"] });
    const renameFk = RenameConstraintOp.create(users, fk, "fk_b");
    const renameUnique = RenameConstraintOp.create(users, toUnique({ name: "uq_a", columns: ["name"] }), "uq_b");
    const renameIndex = RenameIndexOp.create(users, toIndex({ name: "ix_a", columns: ["name"] }), "ix_b");
    assert.deepEqual(codes("postgres", [renameFk, renameUnique, renameIndex]), []);
    assert.deepEqual(codes("mysql", [renameFk]), ["table-rewrite"]);
    assert.deepEqual(codes("mysql", [renameUnique, renameIndex]), []);
    assert.deepEqual(codes("sqlite", [ModifyTableOps.create(users, [renameUnique])]), ["table-rewrite"]);
    assert.deepEqual(codes("sqlite", [ModifyTableOps.create(users, [renameIndex])]), []);
    // Rows holding the old enum value get the new one: code still writing the old one fails.
    assert.deepEqual(codes("postgres", [RenameEnumValueOp.create(QualifiedName.create("mood"), "meh", "ok")]), [
      "breaking-rename",
    ]);
  });
});
