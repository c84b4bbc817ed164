import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { AddColumnOp, DropColumnOp, type AlterColumnOp, type ModifyTableOps, type UpgradeOps } from "@autogen/core";
import { col, diff, schema, summarize, table } from "./helpers";

const id = () => col("id", "integer", { nullable: false });
const one = (target: ReturnType<typeof col>[], reflected: ReturnType<typeof col>[], o = {}): UpgradeOps =>
  diff(schema(table("accounts", [id(), ...target])), schema(table("accounts", [id(), ...reflected])), o);
const firstChild = (up: UpgradeOps) => (up.ops[0] as ModifyTableOps).ops[0];

describe("compare: columns", () => {
  it("adds and drops columns in table order (model order, then database order for drops), drops last", () => {
    const up = one(
      [col("zed", "text"), col("alpha", "text"), col("keep", "text", { nullable: false })],
      [col("keep", "text"), col("old_b", "text"), col("old_a", "text")],
    );
    assert.deepEqual(summarize(up.ops), [
      "accounts: AddColumnOp zed",
      "accounts: AddColumnOp alpha",
      'accounts: AlterColumnOp keep {"nullable":false}',
      "accounts: DropColumnOp old_b",
      "accounts: DropColumnOp old_a",
    ]);
  });

  it("a dropped column carries the whole reflected column", () => {
    const pw = col("pw", "varchar(50)", { nullable: false, default: "'x'", comment: "secret" });
    const op = firstChild(one([], [pw])) as DropColumnOp;
    assert.ok(DropColumnOp.is(op));
    assert.deepEqual(op.column, pw);
    assert.ok(AddColumnOp.is(firstChild(one([pw], []))));
  });

  it("a type change is ONE AlterColumnOp with modify.type and the full existing column", () => {
    const reflected = col("name", "varchar(50)", { nullable: false, default: "'anon'", comment: "who" });
    const op = firstChild(
      one([col("name", "varchar(200)", { nullable: false, default: "'anon'", comment: "who" })], [reflected]),
    ) as AlterColumnOp;
    assert.equal(op.kind, "AlterColumnOp");
    assert.deepEqual(op.modify, { type: "varchar(200)" });
    assert.deepEqual(op.existing, {
      type: "varchar(50)",
      nullable: false,
      default: "'anon'",
      comment: "who",
      autoIncrement: false,
      identity: null,
      generated: null,
      collation: null,
      charset: null,
      onUpdate: null,
    });
    assert.equal(op.warning, null);
  });

  it("collects every aspect of one column into the same op", () => {
    const op = firstChild(
      one(
        [col("amount", "numeric(10,2)", { nullable: true, default: "1", comment: "money" })],
        [col("amount", "numeric(8,2)", { nullable: false, default: "0" })],
      ),
    ) as AlterColumnOp;
    assert.deepEqual(op.modify, { type: "numeric(10,2)", nullable: true, default: "1", comment: "money" });
  });

  for (const [from, to] of [
    ["varchar(50)", "varchar(20)"],
    ["bigint", "integer"],
    ["int", "smallint"],
    ["numeric(10,2)", "numeric(8,2)"],
    ["numeric(10,4)", "numeric(10,2)"],
    ["text", "varchar(255)"],
    ["character varying", "character varying(10)"],
    ["double precision", "real"],
  ] as const) {
    it(`warns on a narrowing change ${from} -> ${to}`, () => {
      const op = firstChild(one([col("c", to)], [col("c", from)])) as AlterColumnOp;
      assert.equal(
        op.warning,
        `narrowing type change on accounts.c from ${from} to ${to}: existing values may be truncated or rejected`,
      );
    });
  }

  for (const [from, to] of [
    ["varchar(20)", "varchar(50)"],
    ["integer", "bigint"],
    ["numeric(8,2)", "numeric(10,2)"],
    ["varchar(255)", "text"],
    ["integer", "text"],
  ] as const) {
    it(`does not warn on ${from} -> ${to}`, () => {
      assert.equal((firstChild(one([col("c", to)], [col("c", from)])) as AlterColumnOp).warning, null);
    });
  }

  it("detects server default changes by default, and a dropped default as null", () => {
    assert.deepEqual(
      (
        firstChild(
          one([col("s", "text", { default: "'new'" })], [col("s", "text", { default: "'old'" })]),
        ) as AlterColumnOp
      ).modify,
      {
        default: "'new'",
      },
    );
    assert.deepEqual(
      (firstChild(one([col("s", "text")], [col("s", "text", { default: "'old'" })])) as AlterColumnOp).modify,
      { default: null },
    );
  });

  it("PostgreSQL: uuid_generate_v4() and gen_random_uuid() are one default (TypeORM's synchronize writes the first)", () => {
    const uuid = (d: string) => col("token", "uuid", { nullable: false, default: d });
    const o = { dialect: "postgres" };
    assert.deepEqual(one([uuid("gen_random_uuid()")], [uuid("uuid_generate_v4()")], o).ops, []);
    assert.deepEqual(one([uuid("uuid_generate_v4()")], [uuid("gen_random_uuid()")], o).ops, []);
    // Anything else is still a change, and the rule is PostgreSQL's only.
    const toNil = firstChild(one([uuid("uuid_nil()")], [uuid("uuid_generate_v4()")], o)) as AlterColumnOp;
    assert.deepEqual(toNil.modify, { default: "uuid_nil()" });
    const mysql = one([uuid("gen_random_uuid()")], [uuid("uuid_generate_v4()")], { dialect: "mysql" });
    assert.equal(mysql.ops.length, 1);
  });

  it("detects column comment changes, except on SQLite which keeps none", () => {
    assert.deepEqual(
      (firstChild(one([col("c", "text", { comment: "hi" })], [col("c", "text")])) as AlterColumnOp).modify,
      { comment: "hi" },
    );
    assert.deepEqual(one([col("c", "text", { comment: "hi" })], [col("c", "text")], { dialect: "sqlite" }).ops, []);
  });

  it("detects identity and auto-increment changes, even with server defaults off", () => {
    const op = firstChild(
      one([col("n", "integer", { identity: { always: true, start: null, increment: null } })], [col("n", "integer")], {
        compareServerDefault: false,
      }),
    ) as AlterColumnOp;
    assert.deepEqual(op.modify, { identity: { always: true, start: null, increment: null } });
    const inc = firstChild(
      one([col("n", "int", { autoIncrement: true })], [col("n", "int")], { dialect: "mysql" }),
    ) as AlterColumnOp;
    assert.deepEqual(inc.modify, { autoIncrement: true });
  });

  it("replaces a column whose generated expression changed (drop, then add), never altering it", () => {
    const up = one(
      [col("total", "integer", { generated: { expression: "a * 2", stored: true } })],
      [col("total", "integer", { generated: { expression: "a + 1", stored: true } })],
    );
    assert.deepEqual(summarize(up.ops), ["accounts: DropColumnOp total", "accounts: AddColumnOp total"]);
  });

  it("detects MySQL ON UPDATE and named collations", () => {
    const up = one(
      [col("u", "datetime", { onUpdate: "CURRENT_TIMESTAMP" }), col("n", "varchar(10)", { collation: "utf8mb4_bin" })],
      [col("u", "datetime"), col("n", "varchar(10)", { collation: "utf8mb4_general_ci" })],
      { dialect: "mysql" },
    );
    assert.deepEqual(summarize(up.ops), [
      'accounts: AlterColumnOp u {"onUpdate":"CURRENT_TIMESTAMP"}',
      'accounts: AlterColumnOp n {"collation":"utf8mb4_bin"}',
    ]);
  });

  it("an unnamed collation is not compared where reflection names the default one (PostgreSQL)", () => {
    const up = one([col("m", "varchar(10)")], [col("m", "varchar(10)", { collation: "en_US" })], {
      dialect: "postgres",
    });
    assert.deepEqual(summarize(up.ops), []);
  });

  it("MySQL: charset and collation mean 'the table's' when absent, on both sides, so dropping one is a change", () => {
    const up = one(
      [
        col("m", "varchar(10)"),
        col("c", "varchar(10)", { collation: "utf8mb4_bin" }),
        col("s", "varchar(10)", { charset: "latin1" }),
        col("k", "varchar(10)"),
      ],
      [
        col("m", "varchar(10)", { collation: "utf8mb4_unicode_ci" }),
        col("c", "varchar(10)", { charset: "latin1" }),
        col("s", "varchar(10)", { collation: "utf8mb4_bin" }),
        col("k", "varchar(10)"),
      ],
      { dialect: "mysql" },
    );
    assert.deepEqual(summarize(up.ops), [
      'accounts: AlterColumnOp m {"collation":null}',
      'accounts: AlterColumnOp c {"collation":"utf8mb4_bin","charset":null}',
      'accounts: AlterColumnOp s {"collation":null,"charset":"latin1"}',
    ]);
  });
});
