import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  AlterColumnOp,
  CreateIndexOp,
  DropColumnOp,
  Enum,
  ExecuteSQLOp,
  ModifyTableOps,
  QualifiedName,
  RecreateEnumOp,
  RenameTableOp,
  Schema,
  UnsupportedOpError,
  applyOpsToSchema,
  reverseOps,
  toIndex,
  toTable,
} from "../src/index";

const users = toTable(
  "users",
  [
    { name: "id", type: "integer" },
    { name: "name", type: "text" },
  ],
  { primaryKey: { name: "PK_users", columns: ["id"] }, uniques: [{ name: "UQ_name", columns: ["name"] }] },
);
const posts = toTable(
  "posts",
  [
    { name: "id", type: "integer" },
    { name: "user_id", type: "integer" },
  ],
  { foreignKeys: [{ name: "FK_user", columns: ["user_id"], refTable: "users", refColumns: ["id"] }] },
);
const start = Schema.create({ tables: [users, posts] });
const t = QualifiedName.create("users");

describe("applyOpsToSchema: what ops do to a schema model", () => {
  it("renames a column in the indexes and constraints that name it, and back again", () => {
    const ops = [
      ModifyTableOps.create(t, [
        CreateIndexOp.create(t, toIndex({ name: "IDX_name", columns: ["name"] })),
        AlterColumnOp.create(t, "name", { name: "full_name" }),
      ]),
    ];
    const after = applyOpsToSchema(start, ops);
    const u = after.tables.find((x) => x.name === "users")!;
    assert.deepEqual(
      u.columns.map((c) => c.name),
      ["id", "full_name"],
    );
    assert.deepEqual(u.uniques[0]!.columns, ["full_name"]);
    assert.deepEqual(u.indexes[0]!.elements[0]!.column, "full_name");
    const back = applyOpsToSchema(after, reverseOps(ops));
    assert.deepEqual(back, start);
  });

  it("renames a column in the checks that name it, as the database rewrites them (not inside strings)", () => {
    const checked = Schema.create({
      tables: [
        toTable(
          "item",
          [
            { name: "c2", type: "integer" },
            { name: "note", type: "text" },
          ],
          {
            checks: [
              { name: "CK_mysql", expression: "`c2` >= 0 AND note <> 'c2'" },
              { name: "CK_pg", expression: `("c2" > c2x) OR c2 IS NULL` },
            ],
          },
        ),
      ],
    });
    const item = QualifiedName.create("item");
    const ops = [ModifyTableOps.create(item, [AlterColumnOp.create(item, "c2", { name: "c2_r" })])];
    const after = applyOpsToSchema(checked, ops);
    assert.deepEqual(
      after.tables[0]!.checks.map((k) => k.expression),
      ["`c2_r` >= 0 AND note <> 'c2'", `("c2_r" > c2x) OR c2_r IS NULL`],
    );
    assert.deepEqual(applyOpsToSchema(after, reverseOps(ops)), checked);
  });

  it("drops the indexes and constraints of a dropped column", () => {
    const after = applyOpsToSchema(start, [DropColumnOp.create(t, users.columns[1]!)]);
    assert.deepEqual(after.tables.find((x) => x.name === "users")!.uniques, []);
  });

  it("renames a table and the foreign keys that reference it", () => {
    const after = applyOpsToSchema(start, [RenameTableOp.create(t, "people")]);
    assert.deepEqual(
      after.tables.map((x) => x.name),
      ["people", "posts"],
    );
    assert.equal(after.tables[1]!.foreignKeys[0]!.refTable, "people");
  });

  it("recreates an enum type with its columns' new defaults", () => {
    const s = Schema.create({
      tables: [toTable("p", [{ name: "m", type: "mood", default: "'a'" }])],
      enums: [Enum.create("mood", ["a", "b"])],
    });
    const op = RecreateEnumOp.create(
      Enum.create("mood", ["b", "c"]),
      ["a", "b"],
      [{ table: QualifiedName.create("p"), column: "m", array: false, default: "'b'", existingDefault: "'a'" }],
    );
    const after = applyOpsToSchema(s, [op]);
    assert.deepEqual(after.enums[0]!.values, ["b", "c"]);
    assert.equal(after.tables[0]!.columns[0]!.default, "'b'");
  });

  it("refuses what it cannot know: raw SQL, custom ops, a missing table", () => {
    assert.throws(() => applyOpsToSchema(start, [ExecuteSQLOp.create("DROP TABLE users")]), UnsupportedOpError);
    assert.throws(() => applyOpsToSchema(start, [{ kind: "ShoutOp" }]), UnsupportedOpError);
    assert.throws(
      () => applyOpsToSchema(start, [DropColumnOp.create(QualifiedName.create("nope"), users.columns[0]!)]),
      UnsupportedOpError,
    );
  });
});
