import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  CheckConstraint,
  Column,
  ForeignKey,
  PrimaryKey,
  applyOpsToSchema,
  reverseUpgradeOps,
  Schema,
  UniqueConstraint,
  toIndex,
} from "@autogen/core";
import { col, diff, normalize, table } from "./helpers";

const id = () => col("id", "integer", { nullable: false });
const fk = (name: string, column: string, refTable: string) =>
  ForeignKey.create({ name, columns: [column], refTable, refColumns: ["id"] });

/** A database state and a model that differ in every way compare detects (enum values aside: ADD VALUE has no reverse). */
const reflected = Schema.create({
  tables: [
    table(
      "user",
      [
        id(),
        col("name", "varchar(50)", { nullable: false }),
        col("pw", "text"),
        col("score", "integer", { default: "0" }),
      ],
      {
        primaryKey: PrimaryKey.create(["id"], "PK_user"),
        indexes: [toIndex({ name: "IDX_pw", columns: ["pw"] })],
        uniques: [UniqueConstraint.create(["name"], "UQ_name")],
        checks: [CheckConstraint.create("score >= 0", "CK_score")],
        comment: "people",
      },
    ),
    table("old_a", [id(), col("b_id", "integer")], {
      primaryKey: PrimaryKey.create(["id"], "PK_a"),
      foreignKeys: [fk("FK_a_b", "b_id", "old_b")],
    }),
    table("old_b", [id(), col("a_id", "integer")], {
      primaryKey: PrimaryKey.create(["id"], "PK_b"),
      foreignKeys: [fk("FK_b_a", "a_id", "old_a")],
    }),
    table("order", [id(), col("user_id", "integer"), col("gone_id", "integer")], {
      foreignKeys: [fk("FK_order_gone", "gone_id", "gone")],
    }),
    table("gone", [id()], { primaryKey: PrimaryKey.create(["id"], "PK_gone") }),
  ],
  enums: [],
});

const target = Schema.create({
  tables: [
    table(
      "user",
      [
        id(),
        col("name", "varchar(20)", { nullable: true }),
        col("email", "text", { nullable: false, default: "''" }),
        col("score", "bigint", { default: "1", comment: "points" }),
      ],
      {
        primaryKey: PrimaryKey.create(["id"], "PK_user"),
        indexes: [toIndex({ name: "IDX_email", columns: ["email"], unique: true })],
        uniques: [UniqueConstraint.create(["name", "email"], "UQ_name")],
        checks: [CheckConstraint.create("score > 0", "CK_score")],
        comment: null,
      },
    ),
    table("order", [id(), col("user_id", "integer"), col("gone_id", "integer")], {
      primaryKey: PrimaryKey.create(["id"], "PK_order"),
      foreignKeys: [
        ForeignKey.create({
          name: "FK_order_user",
          columns: ["user_id"],
          refTable: "user",
          refColumns: ["id"],
          onDelete: "CASCADE",
        }),
      ],
    }),
    table("new_x", [id(), col("y_id", "integer")], { foreignKeys: [fk("FK_x_y", "y_id", "new_y")] }),
    table("new_y", [id(), col("x_id", "integer")], { foreignKeys: [fk("FK_y_x", "x_id", "new_x")] }),
  ],
  enums: [],
});

describe("invariant (in memory): upgrade reaches the model, the reverse returns, the second diff is empty", () => {
  for (const dialect of ["postgres", "mysql", "sqlite"] as const) {
    it(dialect, () => {
      const up = diff(target, reflected, { dialect });
      const upgraded = applyOpsToSchema(reflected, up.ops);
      const expected =
        dialect === "sqlite"
          ? {
              ...target,
              tables: target.tables.map((t) =>
                t.name === "user"
                  ? {
                      ...t,
                      comment: "people",
                      columns: t.columns.map((c) => (c.name === "score" ? Column.cloneWith(c, { comment: null }) : c)),
                    }
                  : t,
              ),
            }
          : target;
      assert.deepEqual(normalize(upgraded), normalize(expected as Schema));
      assert.deepEqual(diff(target, upgraded, { dialect }).ops, []);
      const downgraded = applyOpsToSchema(upgraded, reverseUpgradeOps(up).ops);
      assert.deepEqual(normalize(downgraded), normalize(reflected));
    });
  }
});
