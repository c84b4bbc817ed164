import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  CheckConstraint,
  ForeignKey,
  Index,
  IndexElement,
  PrimaryKey,
  UniqueConstraint,
  type TableProps,
} from "@autogen/core";
import { col, diff, schema, summarize, table } from "./helpers";

const cols = () => [
  col("id", "integer", { nullable: false }),
  col("a", "integer"),
  col("b", "text"),
  col("org", "integer", { nullable: false }),
];
const t = (props: Partial<TableProps>) => table("t", cols(), props);
const changes = (target: Partial<TableProps>, reflected: Partial<TableProps>, o = {}) =>
  summarize(diff(schema(t(target)), schema(t(reflected)), o).ops);
const ix = (name: string, columns: string[], o: Parameters<typeof Index.create>[2] = {}) =>
  Index.create(
    name,
    columns.map((c) => IndexElement.column(c)),
    o,
  );
const fk = (p: Partial<ForeignKey>) =>
  ForeignKey.create({ columns: ["a"], refTable: "other", refColumns: ["id"], ...p });

describe("compare: primary keys (Alembic detects none)", () => {
  it("detects a changed, added and removed primary key", () => {
    assert.deepEqual(
      changes(
        { primaryKey: PrimaryKey.create(["id", "org"], "PK_t") },
        { primaryKey: PrimaryKey.create(["id"], "PK_t") },
      ),
      ["t: DropConstraintOp PK_t", "t: CreatePrimaryKeyOp PK_t"],
    );
    assert.deepEqual(changes({ primaryKey: PrimaryKey.create(["id"], "PK_t") }, {}), ["t: CreatePrimaryKeyOp PK_t"]);
    assert.deepEqual(changes({}, { primaryKey: PrimaryKey.create(["id"], "PK_t") }), ["t: DropConstraintOp PK_t"]);
  });

  it("sees the key's columns and their order, not its name (as Alembic; a hand-made t_pkey is the same key)", () => {
    assert.deepEqual(
      changes(
        { primaryKey: PrimaryKey.create(["org", "id"], "PK_t") },
        { primaryKey: PrimaryKey.create(["id", "org"], "PK_t") },
      ).length,
      2,
    );
    assert.deepEqual(
      changes({ primaryKey: PrimaryKey.create(["id"], "PK_new") }, { primaryKey: PrimaryKey.create(["id"], "t_pkey") }),
      [],
    );
    assert.deepEqual(
      changes(
        { primaryKey: PrimaryKey.create(["id"], "PK_new") },
        { primaryKey: PrimaryKey.create(["id"], "PRIMARY") },
        { dialect: "mysql" },
      ),
      [],
    );
    assert.deepEqual(
      changes(
        { primaryKey: PrimaryKey.create(["id"], "PK_new") },
        { primaryKey: PrimaryKey.create(["id"]) },
        { dialect: "sqlite" },
      ),
      [],
    );
    assert.deepEqual(
      changes(
        { primaryKey: PrimaryKey.create(["id", "org"]) },
        { primaryKey: PrimaryKey.create(["id"], "PRIMARY") },
        { dialect: "mysql" },
      ).length,
      2,
    );
  });
});

describe("compare: indexes", () => {
  it("adds and drops indexes matched by name", () => {
    assert.deepEqual(
      changes(
        { indexes: [ix("IDX_new", ["a"]), ix("IDX_keep", ["b"])] },
        { indexes: [ix("IDX_keep", ["b"]), ix("IDX_old", ["a"])] },
      ),
      ["t: DropIndexOp IDX_old", "t: CreateIndexOp IDX_new"],
    );
  });

  const variants: [string, Index][] = [
    ["columns", ix("IDX", ["a", "org"])],
    ["order", ix("IDX", ["b", "a"])],
    ["unique", ix("IDX", ["a", "b"], { unique: true })],
    ["where", ix("IDX", ["a", "b"], { where: "a > 0" })],
    ["using", ix("IDX", ["a", "b"], { using: "hash" })],
    ["include", ix("IDX", ["a", "b"], { include: ["org"] })],
    ["descending", Index.create("IDX", [IndexElement.column("a", { descending: true }), IndexElement.column("b")])],
    ["expression", Index.create("IDX", [IndexElement.expression("lower(b)"), IndexElement.column("a")])],
  ];
  for (const [what, changed] of variants) {
    it(`drops and recreates an index whose ${what} changed`, () => {
      assert.deepEqual(changes({ indexes: [changed] }, { indexes: [ix("IDX", ["a", "b"])] }), [
        "t: DropIndexOp IDX",
        "t: CreateIndexOp IDX",
      ]);
    });
  }

  it("sorts by name within the drop and add groups", () => {
    assert.deepEqual(
      changes(
        { indexes: [ix("b_new", ["a"]), ix("a_new", ["b"])] },
        { indexes: [ix("z_old", ["a"]), ix("y_old", ["b"])] },
      ),
      ["t: DropIndexOp y_old", "t: DropIndexOp z_old", "t: CreateIndexOp a_new", "t: CreateIndexOp b_new"],
    );
  });
});

describe("compare: unique constraints", () => {
  it("matches named uniques by name and detects changes", () => {
    assert.deepEqual(
      changes(
        { uniques: [UniqueConstraint.create(["a", "b"], "UQ_ab")] },
        { uniques: [UniqueConstraint.create(["a"], "UQ_ab")] },
      ),
      ["t: DropConstraintOp UQ_ab", "t: CreateUniqueConstraintOp UQ_ab"],
    );
    assert.deepEqual(
      changes(
        { uniques: [UniqueConstraint.create(["a"], "UQ_a", { deferrable: true, initially: "DEFERRED" })] },
        { uniques: [UniqueConstraint.create(["a"], "UQ_a")] },
      ).length,
      2,
    );
  });

  it("matches an unnamed unique by its column set", () => {
    assert.deepEqual(
      changes(
        { uniques: [UniqueConstraint.create(["a", "b"])] },
        { uniques: [UniqueConstraint.create(["a", "b"], "t_a_b_key")] },
      ),
      [],
    );
    assert.deepEqual(
      changes({ uniques: [UniqueConstraint.create(["a"])] }, { uniques: [UniqueConstraint.create(["b"], "t_b_key")] }),
      ["t: DropConstraintOp t_b_key", "t: CreateUniqueConstraintOp (UniqueConstraint a)"],
    );
  });
});

describe("compare: foreign keys", () => {
  it("adds and drops keys matched by name; a renamed key is seen (Alembic ignores FK names)", () => {
    assert.deepEqual(changes({ foreignKeys: [fk({ name: "FK_new" })] }, { foreignKeys: [fk({ name: "FK_old" })] }), [
      "t: DropConstraintOp FK_old",
      "t: CreateForeignKeyOp FK_new",
    ]);
  });

  it("matches an unnamed key by its signature", () => {
    assert.deepEqual(changes({ foreignKeys: [fk({})] }, { foreignKeys: [fk({ name: "t_a_fkey" })] }), []);
    assert.deepEqual(
      changes({ foreignKeys: [fk({ name: "FK_a" })] }, { foreignKeys: [fk({})] }, { dialect: "sqlite" }),
      [],
    );
  });

  it("treats NO ACTION as no action given", () => {
    assert.deepEqual(
      changes({ foreignKeys: [fk({ name: "FK", onDelete: "NO ACTION" })] }, { foreignKeys: [fk({ name: "FK" })] }),
      [],
    );
  });

  const variants: [string, Partial<ForeignKey>][] = [
    ["onDelete", { onDelete: "CASCADE" }],
    ["onUpdate", { onUpdate: "SET NULL" }],
    ["target table", { refTable: "elsewhere" }],
    ["target columns", { refColumns: ["code"] }],
    ["deferrability", { deferrable: true, initially: "DEFERRED" }],
  ];
  for (const [what, patch] of variants) {
    it(`drops and re-adds a key whose ${what} changed`, () => {
      assert.deepEqual(
        changes({ foreignKeys: [fk({ name: "FK", ...patch })] }, { foreignKeys: [fk({ name: "FK" })] }),
        ["t: DropConstraintOp FK", "t: CreateForeignKeyOp FK"],
      );
    });
  }
});

describe("compare: check constraints", () => {
  it("detects added, dropped and changed checks by name and expression", () => {
    assert.deepEqual(changes({ checks: [CheckConstraint.create("a > 0", "CK_a")] }, {}), [
      "t: CreateCheckConstraintOp CK_a",
    ]);
    assert.deepEqual(changes({}, { checks: [CheckConstraint.create("a > 0", "CK_a")] }), ["t: DropConstraintOp CK_a"]);
    assert.deepEqual(
      changes(
        { checks: [CheckConstraint.create("a > 1", "CK_a")] },
        { checks: [CheckConstraint.create("a > 0", "CK_a")] },
      ),
      ["t: DropConstraintOp CK_a", "t: CreateCheckConstraintOp CK_a"],
    );
    assert.deepEqual(
      changes(
        { checks: [CheckConstraint.create("a > 0")] },
        { checks: [CheckConstraint.create("a > 0", "t_a_check")] },
      ),
      [],
    );
  });

  it("compares MySQL checks as any other's: the model's @Check is created, one it lacks is dropped", () => {
    const check = CheckConstraint.create("a > 0", "CK_a");
    assert.deepEqual(changes({}, { checks: [check] }, { dialect: "mysql" }), ["t: DropConstraintOp CK_a"]);
    assert.deepEqual(changes({ checks: [check] }, {}, { dialect: "mysql" }), ["t: CreateCheckConstraintOp CK_a"]);
    assert.deepEqual(changes({ checks: [check] }, { checks: [check] }, { dialect: "mysql" }), []);
  });
});

describe("compare: the order of a table's ops", () => {
  it("added columns, PK drop, check drops, altered columns, FK drops, index drops, PK add, index adds, FK adds, check adds, comment, dropped columns", () => {
    const target = table(
      "t",
      [
        col("id", "integer", { nullable: false }),
        col("org", "integer", { nullable: false }),
        col("a", "bigint"),
        col("new", "text"),
      ],
      {
        primaryKey: PrimaryKey.create(["id", "org"], "PK_t"),
        indexes: [ix("IDX_new", ["new"])],
        uniques: [UniqueConstraint.create(["a"], "UQ_new")],
        foreignKeys: [fk({ name: "FK_new", columns: ["org"] })],
        checks: [CheckConstraint.create("a > 1", "CK_new")],
        comment: "now commented",
      },
    );
    const reflected = table(
      "t",
      [
        col("id", "integer", { nullable: false }),
        col("org", "integer", { nullable: false }),
        col("a", "integer"),
        col("old", "text"),
      ],
      {
        primaryKey: PrimaryKey.create(["id"], "PK_t"),
        indexes: [ix("IDX_old", ["old"])],
        uniques: [UniqueConstraint.create(["old"], "UQ_old")],
        foreignKeys: [fk({ name: "FK_old" })],
        checks: [CheckConstraint.create("a > 0", "CK_old")],
      },
    );
    assert.deepEqual(summarize(diff(schema(target), schema(reflected)).ops), [
      "t: AddColumnOp new",
      "t: DropConstraintOp PK_t",
      "t: DropConstraintOp CK_old",
      't: AlterColumnOp a {"type":"bigint"}',
      "t: DropConstraintOp FK_old",
      "t: DropIndexOp IDX_old",
      "t: DropConstraintOp UQ_old",
      "t: CreatePrimaryKeyOp PK_t",
      "t: CreateIndexOp IDX_new",
      "t: CreateUniqueConstraintOp UQ_new",
      "t: CreateForeignKeyOp FK_new",
      "t: CreateCheckConstraintOp CK_new",
      't: CreateTableCommentOp "now commented"',
      "t: DropColumnOp old",
    ]);
  });

  it("changes and drops the table comment with the existing comment kept for the reverse", () => {
    const up = diff(schema(table("t", cols(), { comment: null })), schema(table("t", cols(), { comment: "old" })));
    const op = (up.ops[0] as unknown as { ops: { kind: string; existingComment: string }[] }).ops[0];
    assert.equal(op?.kind, "DropTableCommentOp");
    assert.equal(op?.existingComment, "old");
  });
});
