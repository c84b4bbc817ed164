import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { CreateViewOp, DropViewOp, QualifiedName, Schema, View } from "@autogen/core";
import { col, diff, summarize, table } from "./helpers";

const views = (...vs: View[]) =>
  Schema.create({ views: vs, tables: [table("users", [col("id", "integer", { nullable: false })])] });
const run = (target: Schema, reflected: Schema) => diff(target, reflected).ops;

describe("compare: views", () => {
  it("creates new views after the table changes and drops removed ones first, keeping the definition", () => {
    const target = Schema.create({
      views: [View.create("v_new", "SELECT 1")],
      tables: [table("users", [col("id", "integer", { nullable: false })]), table("extra", [col("x", "text")])],
    });
    const ops = run(target, views(View.create("v_old", "SELECT 2")));
    assert.deepEqual(summarize(ops), ["DropViewOp", "CreateTableOp extra", "CreateViewOp"]);
    assert.deepEqual(ops[0], DropViewOp.create(QualifiedName.create("v_old"), "SELECT 2"));
  });

  it("drops and recreates a view whose definition changed, and leaves equal ones alone", () => {
    assert.deepEqual(run(views(View.create("v", "SELECT 1")), views(View.create("v", "SELECT 1"))), []);
    const ops = run(views(View.create("v", "SELECT 2")), views(View.create("v", "SELECT 1")));
    const v = QualifiedName.create("v");
    assert.deepEqual(ops, [DropViewOp.create(v, "SELECT 1"), CreateViewOp.create(v, "SELECT 2")]);
  });

  it("skips materialized views", () => {
    assert.deepEqual(run(views(View.create("mv", "SELECT 2", { materialized: true })), views()), []);
  });
});
