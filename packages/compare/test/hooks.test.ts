import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Index, IndexElement, Table, type Column } from "@autogen/core";
import type { CompareTypeFn } from "../src/index";
import { col, diff, schema, summarize, table } from "./helpers";

const id = () => col("id", "integer", { nullable: false });

describe("hooks: includeName (reflected names only)", () => {
  it("hides reflected tables, columns and indexes it rejects, with Alembic's parent names", () => {
    const calls: string[] = [];
    const reflected = schema(
      table("keep", [id(), col("legacy_x", "text")], {
        indexes: [Index.create("legacy_idx", [IndexElement.column("legacy_x")])],
      }),
      table("legacy_stuff", [id()]),
    );
    const up = diff(schema(table("keep", [id()])), reflected, {
      includeName: (name, type, parents) => {
        calls.push(`${type}:${name}:${JSON.stringify(parents)}`);
        return name === null || !name.startsWith("legacy");
      },
    });
    assert.deepEqual(up.ops, []);
    assert.ok(calls.includes("schema:null:{}"), "the default schema is asked about as null, as Alembic passes None");
    assert.ok(calls.includes('table:legacy_stuff:{"schemaName":null}'));
    assert.ok(
      calls.includes('column:legacy_x:{"schemaName":null,"tableName":"keep","schemaQualifiedTableName":"keep"}'),
    );
    assert.ok(
      calls.includes('index:legacy_idx:{"schemaName":null,"tableName":"keep","schemaQualifiedTableName":"keep"}'),
    );
    // Target names are never passed to includeName.
    assert.ok(!calls.some((c) => c.startsWith("table:keep") && c.includes("target")));
  });
});

describe("hooks: includeObject", () => {
  it("recipe: no DROP TABLE for tables with no entity", () => {
    const includeObject = (_o: unknown, _name: string | null, type: string, reflected: boolean, compareTo: unknown) =>
      !(type === "table" && reflected && compareTo === null);
    const reflected = schema(table("managed", [id()]), table("hand_made", [id()]));
    const target = schema(table("managed", [id(), col("x", "text")]), table("brand_new", [id()]));
    assert.deepEqual(summarize(diff(target, reflected, { includeObject }).ops), [
      "CreateTableOp brand_new",
      "managed: AddColumnOp x",
    ]);
  });

  it("is called with the object, its name, type, side and counterpart", () => {
    const seen: string[] = [];
    const targetCol = col("x", "text");
    const reflectedCol = col("x", "varchar(10)");
    diff(schema(table("t", [targetCol])), schema(table("t", [reflectedCol])), {
      includeObject: (o, name, type, reflected, compareTo) => {
        if (type === "column") {
          assert.equal(o, targetCol);
          assert.equal(compareTo, reflectedCol);
        }
        seen.push(`${type}:${name}:${reflected}:${compareTo !== null}`);
        return true;
      },
    });
    assert.deepEqual(seen, ["table:t:false:true", "column:x:false:true"]);
  });

  it("filters columns, indexes and constraints, also inside a new table", () => {
    const noTmp = (_o: unknown, name: string | null) => !(name ?? "").startsWith("tmp");
    const target = schema(
      table("t", [id(), col("tmp_a", "text")], { indexes: [Index.create("tmp_idx", [IndexElement.column("id")])] }),
      table("n", [id()], {
        indexes: [
          Index.create("tmp_n", [IndexElement.column("id")]),
          Index.create("IDX_n", [IndexElement.column("id")]),
        ],
      }),
    );
    const up = diff(target, schema(table("t", [id()], { indexes: [] })), { includeObject: noTmp });
    assert.deepEqual(summarize(up.ops), ["CreateTableOp n"]);
    assert.deepEqual(
      (up.ops[0] as unknown as { table: Table }).table.indexes.map((i) => i.name),
      ["IDX_n"],
    );
  });
});

describe("hooks: compareType", () => {
  const target = schema(table("t", [col("c", "varchar(20)"), col("d", "text")]));
  const reflected = schema(table("t", [col("c", "varchar(10)"), col("d", "text")]));

  it("false turns type comparison off", () => {
    assert.deepEqual(diff(target, reflected, { compareType: false }).ops, []);
  });

  it("a callable's true is a difference, false is none, null/undefined falls through to the default", () => {
    const calls: string[] = [];
    const verdict =
      (v: boolean | null | undefined): CompareTypeFn =>
      (_ctx, inspected: Column, metadata: Column, inspectedType, metadataType) => {
        calls.push(`${inspected.name}:${inspectedType}->${metadataType}:${metadata.type}`);
        return v;
      };
    assert.deepEqual(summarize(diff(target, reflected, { compareType: verdict(true) }).ops), [
      't: AlterColumnOp c {"type":"varchar(20)"}',
      't: AlterColumnOp d {"type":"text"}',
    ]);
    assert.deepEqual(calls, ["c:varchar(10)->varchar(20):varchar(20)", "d:text->text:text"]);
    assert.deepEqual(diff(target, reflected, { compareType: verdict(false) }).ops, []);
    assert.deepEqual(summarize(diff(target, reflected, { compareType: verdict(null) }).ops), [
      't: AlterColumnOp c {"type":"varchar(20)"}',
    ]);
    assert.deepEqual(summarize(diff(target, reflected, { compareType: verdict(undefined) }).ops), [
      't: AlterColumnOp c {"type":"varchar(20)"}',
    ]);
  });
});

describe("hooks: compareServerDefault", () => {
  const target = schema(table("t", [col("c", "text", { default: "'b'" }), col("d", "text", { default: "'same'" })]));
  const reflected = schema(table("t", [col("c", "text", { default: "'a'" }), col("d", "text", { default: "'same'" })]));

  it("is on by default, and false turns it off", () => {
    assert.deepEqual(summarize(diff(target, reflected).ops), ['t: AlterColumnOp c {"default":"\'b\'"}']);
    assert.deepEqual(diff(target, reflected, { compareServerDefault: false }).ops, []);
  });

  it("a callable gets Alembic's arguments and answers true/false/null", () => {
    const args: unknown[][] = [];
    const hook =
      (v: boolean | null) =>
      (_ctx: unknown, ic: Column, mc: Column, id: string | null, md: string | null, rmd: string | null) => {
        args.push([ic.name, mc.name, id, md, rmd]);
        return v;
      };
    assert.equal(diff(target, reflected, { compareServerDefault: hook(true) }).ops.length, 1);
    assert.equal(
      (diff(target, reflected, { compareServerDefault: hook(true) }).ops[0] as unknown as { ops: unknown[] }).ops
        .length,
      2,
    );
    assert.deepEqual(args[0], ["c", "c", "'a'", "'b'", "'b'"]);
    assert.deepEqual(diff(target, reflected, { compareServerDefault: hook(false) }).ops, []);
    assert.deepEqual(summarize(diff(target, reflected, { compareServerDefault: hook(null) }).ops), [
      't: AlterColumnOp c {"default":"\'b\'"}',
    ]);
  });
});

describe("hooks: includeName on schemas", () => {
  it("hides every reflected table of a schema it rejects", () => {
    const reflected = schema({ ...table("t", [id()]), schema: "scratch" }, { ...table("u", [id()]), schema: "app" });
    const up = diff(schema(), reflected, { includeName: (name, type) => !(type === "schema" && name === "scratch") });
    assert.deepEqual(summarize(up.ops), ["DropTableOp u"]);
  });
});
