import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ExecuteSQLOp } from "@autogen/core";
import { ComparatorRegistry, comparators, Priority, STOP } from "../src/index";
import { col, diff, schema, summarize, table } from "./helpers";

describe("ComparatorRegistry", () => {
  it("runs a subgroup by priority, a dialect's comparator before the default, until one returns STOP", () => {
    const r = new ComparatorRegistry();
    const log: string[] = [];
    const fn = (name: string, result?: "stop") => () => {
      log.push(name);
      return result;
    };
    r.register("table", "g1", fn("last"), { priority: Priority.Last });
    r.register("table", "g1", fn("first-default"), { priority: Priority.First });
    r.register("table", "g1", fn("first-mysql"), { priority: Priority.First, dialect: "mysql" });
    r.register("table", "g1", fn("medium-stop", "stop"), { priority: Priority.Medium });
    r.register("table", "g2", fn("g2"), {});
    r.register("table", "g2", fn("g2-sqlite-only"), { dialect: "sqlite" });
    const run = r.dispatch("table", "mysql") as unknown as () => void;
    run();
    assert.deepEqual(log, ["first-mysql", "first-default", "medium-stop", "g2"]);
  });

  it("branch() copies: registrations on a branch never reach the shared registry", () => {
    const b = comparators.branch();
    b.register("schema", "extra", () => STOP);
    assert.ok(b.subgroups("schema").includes("extra"));
    assert.ok(!comparators.subgroups("schema").includes("extra"));
  });

  it("the built-in subgroups: compareType's slot runs before the canonical comparison", () => {
    assert.deepEqual(comparators.subgroups("schema"), [
      "schemas",
      "extensions",
      "enums",
      "tables",
      "mysql_blocking_foreign_keys",
      "views",
    ]);
    assert.deepEqual(comparators.subgroups("table"), [
      "columns",
      "primary_key",
      "indexes",
      "uniques",
      "foreign_keys",
      "checks",
      "exclusions",
      "comment",
    ]);
    assert.deepEqual(comparators.subgroups("column"), [
      "types",
      "nullable",
      "server_default",
      "identity",
      "generated",
      "comment",
      "collation",
      "on_update",
    ]);
  });

  it("plugins passed in the options add ops and may override a built-in subgroup for one dialect", () => {
    const target = schema(table("t", [col("c", "text", { nullable: false })]));
    const reflected = schema(table("t", [col("c", "text")]));
    const up = diff(target, reflected, {
      dialect: "mysql",
      comparators: (r) => {
        r.register("column", "nullable", () => STOP, { dialect: "mysql", priority: Priority.First });
        r.register("schema", "audit", (_ctx, draft) => {
          draft.extraOps.push(ExecuteSQLOp.create("SELECT 1", "SELECT 1"));
        });
      },
    });
    assert.deepEqual(summarize(up.ops), ["ExecuteSQLOp"]);
    assert.deepEqual(summarize(diff(target, reflected).ops), ['t: AlterColumnOp c {"nullable":false}']);
  });
});
