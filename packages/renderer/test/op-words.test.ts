import { test } from "node:test";
import assert from "node:assert/strict";
import {
  AddColumnOp,
  AlterColumnOp,
  Column,
  CreateForeignKeyOp,
  DropColumnOp,
  ForeignKey,
  ModifyTableOps,
  QualifiedName,
  RenameTableOp,
  type OpNode,
} from "@autogen/core";
import { opInWords, tablesTouched } from "../src/index";

const users = QualifiedName.create("users");

test("ops in words: a container gives one line per op; renames and changes say from what", () => {
  const ops: OpNode[] = [
    ModifyTableOps.create(users, [
      AddColumnOp.create(users, Column.create("email", "varchar(255)", { nullable: false, default: "''" })),
      AlterColumnOp.create(users, "name", { name: "full_name", type: "varchar(100)" }, { type: "varchar(50)" }),
      DropColumnOp.create(users, Column.create("pw", "text")),
    ]),
    CreateForeignKeyOp.create(
      QualifiedName.create("posts", "app"),
      ForeignKey.create({ name: "fk_posts_user", columns: ["user_id"], refTable: "users", refColumns: ["id"] }),
    ),
    RenameTableOp.create(QualifiedName.create("coupons"), "promo_codes"),
  ];
  assert.deepEqual(ops.flatMap(opInWords), [
    "adds column users.email (varchar(255), not null, default '')",
    "renames column users.name to full_name",
    "alters column users.name: type varchar(50) -> varchar(100)",
    "drops column users.pw",
    "adds foreign key fk_posts_user (user_id) -> users (id) to app.posts",
    "renames table coupons to promo_codes",
  ]);
  assert.deepEqual(tablesTouched(ops), ["users", "app.posts", "coupons", "promo_codes"]);
  assert.deepEqual(opInWords({ kind: "CreateFunctionOp" }), ["runs CreateFunctionOp"]);
});
