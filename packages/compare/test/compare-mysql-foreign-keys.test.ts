import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ForeignKey, PrimaryKey, type Table } from "@autogen/core";
import { col, diff, schema, summarize, table } from "./helpers";

const fk = (name: string, p: Partial<ForeignKey> = {}) =>
  ForeignKey.create({ name, columns: ["teamId"], refTable: "team", refColumns: ["id"], ...p });
const team = (idType: string, code = "varchar(2)"): Table =>
  table("team", [col("id", idType, { nullable: false, autoIncrement: true }), col("code", code, { nullable: false })], {
    primaryKey: PrimaryKey.create(["id"]),
  });
const member = (teamIdType: string, keys: ForeignKey[] = [fk("FK_member_team")]): Table =>
  table("member", [col("id", "int", { nullable: false }), col("teamId", teamIdType)], {
    primaryKey: PrimaryKey.create(["id"]),
    foreignKeys: keys,
  });

describe("compare: MySQL foreign keys that block a column change", () => {
  it("a referenced key widened: the key is dropped before every change and created after", () => {
    const up = diff(schema(team("bigint"), member("bigint")), schema(team("int"), member("int")), { dialect: "mysql" });
    assert.deepEqual(summarize(up.ops), [
      "member: DropConstraintOp FK_member_team",
      'member: AlterColumnOp teamId {"type":"bigint"}',
      'team: AlterColumnOp id {"type":"bigint"}',
      "member: CreateForeignKeyOp FK_member_team",
    ]);
  });

  it("PostgreSQL retypes both ends of a key in place: no key ops", () => {
    const up = diff(schema(team("bigint"), member("bigint")), schema(team("integer"), member("integer")), {
      dialect: "postgres",
    });
    assert.deepEqual(summarize(up.ops), [
      'member: AlterColumnOp teamId {"type":"bigint"}',
      'team: AlterColumnOp id {"type":"bigint"}',
    ]);
  });

  it("only type, charset and collation changes block; nullability, default and comment do not", () => {
    const notNullMember = table(
      "member",
      [col("id", "int", { nullable: false }), col("teamId", "int", { nullable: false })],
      {
        primaryKey: PrimaryKey.create(["id"]),
        foreignKeys: [fk("FK_member_team")],
      },
    );
    const nullable = diff(schema(team("int"), member("int")), schema(team("int"), notNullMember), { dialect: "mysql" });
    assert.deepEqual(summarize(nullable.ops), ['member: AlterColumnOp teamId {"nullable":true}']);
    const code = fk("FK_member_team_code", { columns: ["teamCode"], refColumns: ["code"] });
    const withCode = (t: string) =>
      table("member", [col("id", "int", { nullable: false }), col("teamCode", t)], {
        primaryKey: PrimaryKey.create(["id"]),
        foreignKeys: [code],
      });
    const collation = diff(
      schema(
        team("int", "varchar(2)"),
        table(
          "member",
          [col("id", "int", { nullable: false }), col("teamCode", "varchar(2)", { collation: "utf8mb4_bin" })],
          { primaryKey: PrimaryKey.create(["id"]), foreignKeys: [code] },
        ),
      ),
      schema(team("int", "varchar(2)"), withCode("varchar(2)")),
      { dialect: "mysql" },
    );
    assert.deepEqual(summarize(collation.ops), [
      "member: DropConstraintOp FK_member_team_code",
      'member: AlterColumnOp teamCode {"collation":"utf8mb4_bin"}',
      "member: CreateForeignKeyOp FK_member_team_code",
    ]);
  });

  it("a key the model also changes is dropped once, early, and created once in its new form", () => {
    const changed = fk("FK_member_team", { onDelete: "CASCADE" });
    const up = diff(schema(team("bigint"), member("bigint", [changed])), schema(team("int"), member("int")), {
      dialect: "mysql",
    });
    assert.deepEqual(summarize(up.ops), [
      "member: DropConstraintOp FK_member_team",
      'member: AlterColumnOp teamId {"type":"bigint"}',
      'team: AlterColumnOp id {"type":"bigint"}',
      "member: CreateForeignKeyOp FK_member_team",
    ]);
    const created = up.ops
      .flatMap((op) => ("ops" in op ? (op as { ops: { kind: string; constraint?: ForeignKey }[] }).ops : []))
      .find((o) => o.kind === "CreateForeignKeyOp");
    assert.equal(created?.constraint?.onDelete, "CASCADE");
  });

  it("a new table's key to a column that changes type is created after the change (any dialect)", () => {
    const badge = table("badge", [col("id", "bigint", { nullable: false }), col("teamId", "bigint")], {
      primaryKey: PrimaryKey.create(["id"]),
      foreignKeys: [fk("FK_badge_team")],
    });
    for (const dialect of ["mysql", "postgres"] as const) {
      const up = diff(schema(team("bigint"), badge), schema(team("int")), { dialect });
      assert.deepEqual(
        summarize(up.ops),
        ["CreateTableOp badge", 'team: AlterColumnOp id {"type":"bigint"}', "badge: CreateForeignKeyOp FK_badge_team"],
        dialect,
      );
    }
  });

  it("a self-reference: dropped before both columns change, created after", () => {
    const node = (t: string) =>
      table("node", [col("id", t, { nullable: false, autoIncrement: true }), col("parentId", t)], {
        primaryKey: PrimaryKey.create(["id"]),
        foreignKeys: [
          ForeignKey.create({ name: "FK_node_parent", columns: ["parentId"], refTable: "node", refColumns: ["id"] }),
        ],
      });
    const up = diff(schema(node("bigint")), schema(node("int")), { dialect: "mysql" });
    assert.deepEqual(summarize(up.ops), [
      "node: DropConstraintOp FK_node_parent",
      'node: AlterColumnOp id {"type":"bigint"}',
      'node: AlterColumnOp parentId {"type":"bigint"}',
      "node: CreateForeignKeyOp FK_node_parent",
    ]);
  });
});
