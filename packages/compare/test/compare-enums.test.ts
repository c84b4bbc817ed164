import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { AddEnumValueOp, applyOpsToSchema, Enum, RecreateEnumOp, reverseOp, reverseOps, Schema } from "@autogen/core";
import { enumValueAdditions } from "../src/index";
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
    assert.deepEqual(
      summarize(diff(withEnum(["sad", "meh", "ok", "happy", "ecstatic"]), withEnum(["sad", "ok", "happy"])).ops),
      ["AddEnumValueOp mood meh after sad", "AddEnumValueOp mood ecstatic after happy"],
    );
    assert.deepEqual(summarize(diff(withEnum(["zero", "first", "sad"]), withEnum(["sad"])).ops), [
      "AddEnumValueOp mood zero before sad",
      "AddEnumValueOp mood first after zero",
    ]);
  });

  it("gives ops that really produce the target order", () => {
    const from = mood(["b", "d"]);
    const to = mood(["a", "b", "c", "d", "e"]);
    const applied = applyOpsToSchema(Schema.create({ enums: [from] }), enumValueAdditions(from, to) ?? []);
    assert.deepEqual(applied.enums[0]?.values, to.values);
  });

  it("recreates an enum whose values were removed or reordered, which ADD VALUE cannot do, with the columns using it", () => {
    assert.equal(enumValueAdditions(mood(["a", "b"]), mood(["b", "a"])), null);
    const tables = [
      table("person", [
        col("id", "integer", { nullable: false }),
        col("m", "mood", { default: "'a'" }),
        col("ms", "mood[]"),
      ]),
      { ...table("pet", [col("m", "mood")]), schema: "zoo" },
      table("other", [col("m", '"Mood"')]),
    ];
    const ops = diff(withEnum(["a"], tables), withEnum(["a", "b"], tables)).ops;
    assert.equal(ops.length, 1);
    const op = ops[0] as RecreateEnumOp;
    assert.equal(op.kind, "RecreateEnumOp");
    assert.deepEqual([op.existingValues, op.enum.values], [["a", "b"], ["a"]]);
    assert.deepEqual(
      op.columns.map((c) => [c.table.schema, c.table.name, c.column, c.array, c.existingDefault, c.default]),
      [
        [null, "person", "m", false, "'a'", "'a'"],
        [null, "person", "ms", true, null, null],
        ["zoo", "pet", "m", false, null, null],
      ],
    );
    assert.deepEqual(reverseOp(op), RecreateEnumOp.create(mood(["a", "b"]), ["a"], op.columns));
  });

  it("lets the recreate set the model's defaults, so a default naming a new value needs no alterColumn of its own", () => {
    const tables = (dflt: string, values: string[]) => ({
      tables: [table("person", [col("m", "mood", { default: dflt })])],
      enums: [mood(values)],
    });
    const ops = diff(Schema.create(tables("'c'", ["a", "c"])), Schema.create(tables("'b'", ["a", "b"]))).ops;
    assert.deepEqual(summarize(ops), ["RecreateEnumOp"]);
    assert.deepEqual(
      (ops[0] as RecreateEnumOp).columns.map((c) => [c.existingDefault, c.default]),
      [["'b'", "'c'"]],
    );
    assert.deepEqual(
      (reverseOp(ops[0] as RecreateEnumOp) as RecreateEnumOp).columns.map((c) => [c.existingDefault, c.default]),
      [["'c'", "'b'"]],
    );
  });

  it("gives each added value a reverse that recreates the type without it", () => {
    const tables = [table("person", [col("m", "mood")])];
    const ops = diff(withEnum(["a", "b", "c"], tables), withEnum(["b"], tables)).ops as AddEnumValueOp[];
    assert.deepEqual(
      reverseOps(ops).map((r) => [
        (r as RecreateEnumOp).existingValues,
        (r as RecreateEnumOp).enum.values,
        (r as RecreateEnumOp).columns.map((c) => c.column),
      ]),
      [
        [["a", "b", "c"], ["a", "b"], ["m"]],
        [["a", "b"], ["b"], ["m"]],
      ],
    );
    assert.throws(() => reverseOp(AddEnumValueOp.create({ schema: null, name: "mood" }, "x")), /cannot be reversed/);
  });

  it("finds nothing for an unchanged enum", () => {
    assert.deepEqual(diff(withEnum(["a", "b"]), withEnum(["a", "b"])).ops, []);
  });
});
