import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  CreateTableOp,
  DropTableOp,
  ForeignKey,
  Index,
  IndexElement,
  PrimaryKey,
  Schema,
  UniqueConstraint,
  type ModifyTableOps,
} from "@autogen/core";
import { col, diff, schema, summarize, table } from "./helpers";

const id = () => col("id", "integer", { nullable: false });
const pk = PrimaryKey.create(["id"]);
const fk = (name: string, column: string, refTable: string) =>
  ForeignKey.create({ name, columns: [column], refTable, refColumns: ["id"] });

describe("compare: tables", () => {
  it("finds nothing between identical schemas", () => {
    const s = schema(
      table("a", [id(), col("x", "text")], {
        primaryKey: pk,
        indexes: [Index.create("IDX_x", [IndexElement.column("x")])],
      }),
    );
    assert.deepEqual(diff(s, s).ops, []);
  });

  it("creates a new table whole, indexes and constraints inline", () => {
    const t = table("a", [id()], { primaryKey: pk, indexes: [Index.create("IDX_id", [IndexElement.column("id")])] });
    const ops = diff(schema(t), schema()).ops;
    assert.deepEqual(summarize(ops), ["CreateTableOp a"]);
    assert.equal((ops[0] as CreateTableOp).table, t);
  });

  it("drops a table carrying the whole reflected table, so its reverse recreates it", () => {
    const t = table("old", [id(), col("v", "text")], {
      primaryKey: pk,
      indexes: [Index.create("IDX_v", [IndexElement.column("v")])],
    });
    const ops = diff(schema(), schema(t)).ops;
    assert.deepEqual(summarize(ops), ["DropTableOp old"]);
    assert.deepEqual((ops[0] as DropTableOp).table, t);
  });

  it("creates new tables in foreign-key order, parents first", () => {
    const target = schema(
      table("comment", [id(), col("post_id", "integer")], { foreignKeys: [fk("FK_c_post", "post_id", "post")] }),
      table("post", [id(), col("author_id", "integer")], { foreignKeys: [fk("FK_p_user", "author_id", "user")] }),
      table("user", [id()]),
      table("audit", [id()]),
    );
    assert.deepEqual(summarize(diff(target, schema()).ops), [
      "CreateTableOp audit",
      "CreateTableOp user",
      "CreateTableOp post",
      "CreateTableOp comment",
    ]);
  });

  it("splits a foreign-key cycle: the key closing it becomes a later CreateForeignKeyOp", () => {
    const target = schema(
      table("a", [id(), col("b_id", "integer")], { foreignKeys: [fk("FK_a_b", "b_id", "b")] }),
      table("b", [id(), col("a_id", "integer"), col("b_id", "integer")], {
        foreignKeys: [fk("FK_b_a", "a_id", "a"), fk("FK_b_self", "b_id", "b")],
      }),
    );
    const ops = diff(target, schema()).ops;
    assert.deepEqual(summarize(ops), ["CreateTableOp b", "CreateTableOp a", "b: CreateForeignKeyOp FK_b_a"]);
    // The self-reference stays inline; the deferred key is not created twice.
    assert.deepEqual(
      (ops[0] as CreateTableOp).table.foreignKeys.map((f) => f.name),
      ["FK_b_self"],
    );
  });

  it("drops tables in reverse foreign-key order, dropping a cycle's closing key first", () => {
    const reflected = schema(
      table("user", [id()]),
      table("post", [id(), col("author_id", "integer")], { foreignKeys: [fk("FK_p_user", "author_id", "user")] }),
      table("x", [id(), col("y_id", "integer")], { foreignKeys: [fk("FK_x_y", "y_id", "y")] }),
      table("y", [id(), col("x_id", "integer")], { foreignKeys: [fk("FK_y_x", "x_id", "x")] }),
    );
    const ops = diff(schema(), reflected).ops;
    assert.deepEqual(summarize(ops), [
      "y: DropConstraintOp FK_y_x",
      "DropTableOp x",
      "DropTableOp y",
      "DropTableOp post",
      "DropTableOp user",
    ]);
  });

  it("drops an existing table's foreign key to a dropped table before dropping that table", () => {
    const reflected = schema(
      table("parent", [id()]),
      table("child", [id(), col("p", "integer")], { foreignKeys: [fk("FK_child_parent", "p", "parent")] }),
    );
    const target = schema(table("child", [id(), col("p", "integer")]));
    assert.deepEqual(summarize(diff(target, reflected).ops), [
      "child: DropConstraintOp FK_child_parent",
      "DropTableOp parent",
    ]);
  });

  it("orders new tables, dropped tables, then existing tables by (schema, name)", () => {
    const reflected = schema(
      table("zeta", [id()]),
      table("alpha", [id()]),
      { ...table("beta", [id()]), schema: "app" },
      table("gone", [id()]),
    );
    const target = schema(
      table("zeta", [id(), col("z", "text")]),
      table("alpha", [id(), col("a", "text")]),
      { ...table("beta", [id(), col("b", "text")]), schema: "app" },
      table("fresh", [id()]),
    );
    assert.deepEqual(summarize(diff(target, reflected).ops), [
      "CreateTableOp fresh",
      "DropTableOp gone",
      "alpha: AddColumnOp a",
      "zeta: AddColumnOp z",
      "beta: AddColumnOp b",
    ]);
  });

  it("treats the default schema and no schema as the same table", () => {
    const target = schema(table("t", [id()]));
    const reflected = schema({ ...table("t", [id()]), schema: "public" });
    assert.deepEqual(diff(target, reflected, { defaultSchema: "public" }).ops, []);
    assert.deepEqual(summarize(diff(target, reflected).ops), ["CreateTableOp t", "DropTableOp t"]);
  });

  it("never diffs the version table, the revisions table next to it, migrations or typeorm_metadata", () => {
    const reflected = schema(
      table("autogen_version", [col("version_num", "varchar(32)", { nullable: false })]),
      table("autogen_version_revisions", [col("revision", "varchar(32)", { nullable: false })]),
      table("migrations", [id()]),
      table("typeorm_metadata", [col("type", "varchar")]),
    );
    assert.deepEqual(diff(schema(), reflected).ops, []);
    assert.deepEqual(diff(reflected, schema()).ops, []);
    const custom = schema(table("my_versions", [col("v", "text")]), table("my_versions_revisions", [col("v", "text")]));
    assert.deepEqual(diff(schema(), custom, { versionTable: "my_versions" }).ops, []);
    assert.deepEqual(summarize(diff(schema(), reflected, { versionTable: "my_versions" }).ops), [
      "DropTableOp autogen_version_revisions",
      "DropTableOp autogen_version",
    ]);
  });

  it("creates the named schemas the target needs that the database lacks, first", () => {
    const target = Schema.create({ tables: [{ ...table("t", [id()]), schema: "billing" }], schemas: ["audit"] });
    assert.deepEqual(summarize(diff(target, Schema.create({ schemas: ["audit"] })).ops), [
      "CreateSchemaOp billing",
      "CreateTableOp t",
    ]);
    assert.deepEqual(summarize(diff(target, Schema.create({ schemas: ["audit", "billing"] })).ops), [
      "CreateTableOp t",
    ]);
    assert.deepEqual(diff(Schema.create(), Schema.create({ schemas: ["audit", "billing"] })).ops, []);
  });

  it("groups all of a table's changes in one ModifyTableOps", () => {
    const ops = diff(schema(table("t", [id(), col("a", "text"), col("b", "text")])), schema(table("t", [id()]))).ops;
    assert.equal(ops.length, 1);
    assert.equal((ops[0] as ModifyTableOps).ops.length, 2);
  });

  it("creates a key to a unique another table only gets later after that table's ops", () => {
    const code = () => col("code", "varchar(10)", { nullable: false });
    const reflected = schema(table("a_parent", [id(), code()]));
    const target = schema(
      table("a_parent", [id(), code()], { uniques: [UniqueConstraint.create(["code"], "UQ_code")] }),
      table("child", [id(), col("parent_code", "varchar(10)")], {
        foreignKeys: [
          ForeignKey.create({
            name: "FK_child_code",
            columns: ["parent_code"],
            refTable: "a_parent",
            refColumns: ["code"],
          }),
          fk("FK_child_self", "id", "child"),
        ],
      }),
    );
    const ops = diff(target, reflected).ops;
    assert.deepEqual(summarize(ops), [
      "CreateTableOp child",
      "a_parent: CreateUniqueConstraintOp UQ_code",
      "child: CreateForeignKeyOp FK_child_code",
    ]);
    assert.deepEqual(
      (ops[0] as CreateTableOp).table.foreignKeys.map((f) => f.name),
      ["FK_child_self"],
    );
  });

  it("keeps a new table's key to an existing table inline when the referenced columns are untouched", () => {
    const reflected = schema(table("user", [id()]));
    const target = schema(
      table("user", [id(), col("extra", "text")]),
      table("post", [id(), col("user_id", "integer")], { foreignKeys: [fk("FK_post_user", "user_id", "user")] }),
    );
    assert.deepEqual(summarize(diff(target, reflected).ops), ["CreateTableOp post", "user: AddColumnOp extra"]);
  });

  it("drops an existing table's key before another table drops the unique it references, and adds keys after", () => {
    const code = () => col("code", "varchar(10)", { nullable: false });
    const reflected = schema(
      table("b_parent", [id(), code()], { uniques: [UniqueConstraint.create(["code"], "UQ_old")] }),
      table("c_child", [id(), col("pc", "varchar(10)")], {
        foreignKeys: [
          ForeignKey.create({ name: "FK_old", columns: ["pc"], refTable: "b_parent", refColumns: ["code"] }),
        ],
      }),
    );
    const target = schema(
      table("b_parent", [id(), code()], { uniques: [UniqueConstraint.create(["code"], "UQ_new")] }),
      table("c_child", [id(), col("pc", "varchar(10)")], {
        foreignKeys: [
          ForeignKey.create({ name: "FK_new", columns: ["pc"], refTable: "b_parent", refColumns: ["code"] }),
        ],
      }),
    );
    assert.deepEqual(summarize(diff(target, reflected).ops), [
      "c_child: DropConstraintOp FK_old",
      "b_parent: DropConstraintOp UQ_old",
      "b_parent: CreateUniqueConstraintOp UQ_new",
      "c_child: CreateForeignKeyOp FK_new",
    ]);
  });

  it("gives the same ops whatever the order of the input lists", () => {
    const tables = [
      table("p", [id()]),
      table("q", [id(), col("p_id", "integer")], { foreignKeys: [fk("FK_q_p", "p_id", "p")] }),
      table("r", [id(), col("q_id", "integer")], { foreignKeys: [fk("FK_r_q", "q_id", "q")] }),
    ];
    const reflected = [
      table("s", [id()]),
      table("t", [id(), col("s_id", "integer")], { foreignKeys: [fk("FK_t_s", "s_id", "s")] }),
    ];
    const a = diff(schema(...tables), schema(...reflected));
    const b = diff(schema(...[...tables].reverse()), schema(...[...reflected].reverse()));
    assert.deepEqual(b, a);
    assert.deepEqual(summarize(a.ops), [
      "CreateTableOp p",
      "CreateTableOp q",
      "CreateTableOp r",
      "DropTableOp t",
      "DropTableOp s",
    ]);
  });
});
