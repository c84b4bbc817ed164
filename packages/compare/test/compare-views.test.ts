import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Schema, View, type OpNode, type QualifiedName } from "@autogen/core";
import { viewComparators } from "../src/index";
import { col, diff, summarize, table } from "./helpers";

/** The shapes of runtime's replaceable-object ops, as the CLI passes their factories. */
const factories = {
  createView: (view: QualifiedName, definition: string): OpNode =>
    ({ kind: "CreateViewOp", view, definition }) as OpNode,
  dropView: (view: QualifiedName, existingDefinition: string | null): OpNode =>
    ({ kind: "DropViewOp", view, existingDefinition }) as OpNode,
};
const views = (...vs: View[]) =>
  Schema.create({ views: vs, tables: [table("users", [col("id", "integer", { nullable: false })])] });
const run = (target: Schema, reflected: Schema) =>
  diff(target, reflected, { comparators: viewComparators(factories) }).ops;

describe("compare: views (a plugin with runtime's view ops)", () => {
  it("creates new views after the table changes and drops removed ones first, keeping the definition", () => {
    const target = Schema.create({
      views: [View.create("v_new", "SELECT 1")],
      tables: [table("users", [col("id", "integer", { nullable: false })]), table("extra", [col("x", "text")])],
    });
    const ops = run(target, views(View.create("v_old", "SELECT 2")));
    assert.deepEqual(summarize(ops), ["DropViewOp", "CreateTableOp extra", "CreateViewOp"]);
    assert.deepEqual(ops[0], {
      kind: "DropViewOp",
      view: { schema: null, name: "v_old" },
      existingDefinition: "SELECT 2",
    });
  });

  it("drops and recreates a view whose definition changed, and leaves equal ones alone", () => {
    assert.deepEqual(run(views(View.create("v", "SELECT 1")), views(View.create("v", "SELECT 1"))), []);
    const ops = run(views(View.create("v", "SELECT 2")), views(View.create("v", "SELECT 1")));
    assert.deepEqual(ops, [
      { kind: "DropViewOp", view: { schema: null, name: "v" }, existingDefinition: "SELECT 1" },
      { kind: "CreateViewOp", view: { schema: null, name: "v" }, definition: "SELECT 2" },
    ]);
  });

  it("is off unless the plugin is passed, and skips materialized views", () => {
    assert.deepEqual(diff(views(View.create("v", "SELECT 2")), views()).ops, []);
    assert.deepEqual(run(views(View.create("mv", "SELECT 2", { materialized: true })), views()), []);
  });
});
