import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Column } from "@autogen/core";
import { col, diff, schema, summarize, table } from "./helpers";

/** A stand-in for a dialect's rule: what compare is handed, not what it knows. */
const requiredExtensions = (c: Column): string[] => [
  ...(c.type === "citext" ? ["citext"] : []),
  ...(c.default?.startsWith("uuid_generate_v4(") ? ["uuid-ossp"] : []),
];

describe("compare: extensions the model needs", () => {
  const uuidTable = table("t", [col("id", "uuid", { default: "uuid_generate_v4()" }), col("email", "citext")]);

  it("creates each needed extension once, before the tables, in name order", () => {
    assert.deepEqual(summarize(diff(schema(uuidTable), schema(), { requiredExtensions }).ops), [
      "CreateExtensionOp",
      "CreateExtensionOp",
      "CreateTableOp t",
    ]);
    const names = diff(schema(uuidTable), schema(), { requiredExtensions })
      .ops.slice(0, 2)
      .map((op) => (op as unknown as { name: string }).name);
    assert.deepEqual(names, ["citext", "uuid-ossp"]);
  });

  it("creates none that a reflected column already uses, nor without the dialect's rule", () => {
    const existing = table("old", [col("id", "uuid", { default: "uuid_generate_v4()" })]);
    const ops = diff(schema(existing, uuidTable), schema(existing), { requiredExtensions }).ops;
    assert.deepEqual(summarize(ops), ["CreateExtensionOp", "CreateTableOp t"]);
    assert.equal((ops[0] as unknown as { name: string }).name, "citext");
    assert.deepEqual(summarize(diff(schema(uuidTable), schema()).ops), ["CreateTableOp t"]);
  });
});
