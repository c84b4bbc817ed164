import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Enum, Schema } from "@autogen/core";
import { enumValueAdditions } from "../src/index";
import { applyOps } from "./apply-ops";
import { col, diff, summarize, table } from "./helpers";

const mood = (values: string[]) => Enum.create("mood", values);
const withEnum = (values: string[] | null, tables = [table("person", [col("id", "integer", { nullable: false })])]) =>
  Schema.create({ tables, enums: values ? [mood(values)] : [] });

describe("compare: PostgreSQL enums (Alembic #278)", () => {
  it("creates a new enum before the tables that use it, and drops a removed one after them", () => {
    const users = [table("person", [col("id", "integer", { nullable: false }), col("m", "mood")])];
    assert.deepEqual(summarize(diff(Schema.create({ tables: users, enums: [mood(["a"])] }), Schema.create()).ops), [
      "CreateEnumOp mood",
      "CreateTableOp person",
    ]);
    assert.deepEqual(summarize(diff(Schema.create(), Schema.create({ tables: users, enums: [mood(["a"])] })).ops), [
      "DropTableOp person",
      "DropEnumOp mood",
    ]);
  });

  it("adds new values in place, keeping the model's order", () => {
    assert.deepEqual(summarize(diff(withEnum(["sad", "meh", "ok", "happy", "ecstatic"]), withEnum(["sad", "ok", "happy"])).ops), [
      "AddEnumValueOp mood meh after sad",
      "AddEnumValueOp mood ecstatic after happy",
    ]);
    assert.deepEqual(summarize(diff(withEnum(["zero", "first", "sad"]), withEnum(["sad"])).ops), [
      "AddEnumValueOp mood zero before sad",
      "AddEnumValueOp mood first after zero",
    ]);
  });

  it("gives ops that really produce the target order", () => {
    const from = mood(["b", "d"]);
    const to = mood(["a", "b", "c", "d", "e"]);
    const applied = applyOps(Schema.create({ enums: [from] }), enumValueAdditions(from, to) ?? []);
    assert.deepEqual(applied.enums[0]?.values, to.values);
  });

  it("recreates an enum whose values were removed or reordered, which ADD VALUE cannot do", () => {
    assert.equal(enumValueAdditions(mood(["a", "b"]), mood(["b", "a"])), null);
    assert.deepEqual(summarize(diff(withEnum(["a"]), withEnum(["a", "b"])).ops), ["DropEnumOp mood", "CreateEnumOp mood"]);
  });

  it("finds nothing for an unchanged enum", () => {
    assert.deepEqual(diff(withEnum(["a", "b"]), withEnum(["a", "b"])).ops, []);
  });
});
