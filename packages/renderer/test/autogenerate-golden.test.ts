/**
 * End to end without a database: compare two hand-built schemas (Alembic's canonical ModelOne
 * fixture, from tests/test_autogen_composition.py) and render the revision a reviewer would get.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, it } from "node:test";
import { compareSchemas } from "@autogen/compare";
import {
  CheckConstraint,
  Column,
  ForeignKey,
  Index,
  IndexElement,
  MigrationScript,
  PrimaryKey,
  reverseUpgradeOps,
  Schema,
  Table,
  UniqueConstraint,
} from "@autogen/core";
import { renderMigrationScript } from "../src/index";

const id = (name = "id") => Column.create(name, "integer", { nullable: false });

/** The database as ModelOne's "before" state. */
const reflected = Schema.create({
  tables: [
    Table.create(
      "user",
      [id(), Column.create("name", "varchar(50)"), Column.create("a1", "text"), Column.create("pw", "varchar(50)")],
      {
        primaryKey: PrimaryKey.create(["id"], "user_pkey"),
        indexes: [Index.create("pw_idx", [IndexElement.column("pw")])],
      },
    ),
    Table.create("address", [id(), Column.create("email_address", "varchar(100)", { nullable: false })], {
      primaryKey: PrimaryKey.create(["id"], "address_pkey"),
    }),
    Table.create(
      "order",
      [id("order_id"), Column.create("amount", "numeric(8,2)", { nullable: false, default: "0" })],
      {
        primaryKey: PrimaryKey.create(["order_id"], "order_pkey"),
        checks: [CheckConstraint.create("amount >= 0", "ck_order_amount")],
      },
    ),
    Table.create("extra", [Column.create("x", "char(1)"), Column.create("uid", "integer")], {
      foreignKeys: [
        ForeignKey.create({ name: "extra_uid_fkey", columns: ["uid"], refTable: "user", refColumns: ["id"] }),
      ],
    }),
  ],
});

/** The models as ModelOne's "after" state. */
const target = Schema.create({
  tables: [
    Table.create(
      "user",
      [
        id(),
        Column.create("name", "varchar(50)", { nullable: false }),
        Column.create("a1", "text", { default: "'x'" }),
      ],
      {
        primaryKey: PrimaryKey.create(["id"], "user_pkey"),
      },
    ),
    Table.create(
      "address",
      [
        id(),
        Column.create("email_address", "varchar(100)", { nullable: false }),
        Column.create("street", "varchar(50)"),
      ],
      {
        primaryKey: PrimaryKey.create(["id"], "address_pkey"),
        uniques: [UniqueConstraint.create(["email_address"], "uq_email")],
      },
    ),
    Table.create(
      "order",
      [id("order_id"), Column.create("amount", "numeric(10,2)", { default: "0" }), Column.create("user_id", "integer")],
      {
        primaryKey: PrimaryKey.create(["order_id"], "order_pkey"),
        checks: [CheckConstraint.create("amount >= 0", "ck_order_amount")],
        foreignKeys: [
          ForeignKey.create({ name: "order_user_id_fkey", columns: ["user_id"], refTable: "user", refColumns: ["id"] }),
        ],
      },
    ),
    Table.create("item", [id(), Column.create("description", "varchar(100)"), Column.create("order_id", "integer")], {
      primaryKey: PrimaryKey.create(["id"]),
      checks: [CheckConstraint.create("length(description) > 5", "ck_item_description")],
      foreignKeys: [
        ForeignKey.create({
          name: "item_order_id_fkey",
          columns: ["order_id"],
          refTable: "order",
          refColumns: ["order_id"],
        }),
      ],
    }),
  ],
});

describe("autogenerate golden: Alembic's ModelOne", () => {
  it("renders the revision a reviewer gets, byte for byte", () => {
    const upgradeOps = compareSchemas(target, reflected, { dialect: "postgres" });
    const script = MigrationScript.create({
      revId: "3adcc9a56557",
      message: "model one",
      downRevision: null,
      upgradeOps,
      downgradeOps: reverseUpgradeOps(upgradeOps),
    });
    const text = renderMigrationScript(script, { createDate: new Date(Date.UTC(2026, 10, 21, 10, 0, 0)) });
    assert.equal(text, readFileSync(join(resolve(__dirname, "../../test/golden"), "alembic-model-one.ts.txt"), "utf8"));
  });
});
