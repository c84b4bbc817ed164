import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { namedRows } from "../src/named-row";

describe("namedRows", () => {
  it("keys the values from an offset by the names, in order, whatever the names' spelling", () => {
    const names = ["schema_name", "table", 'odd "name"\\', "constructor"];
    const row = namedRows<Record<string, unknown>>(names);
    assert.deepEqual(row(["s", "t", 1, null]), { schema_name: "s", table: "t", 'odd "name"\\': 1, constructor: null });
    assert.deepEqual(Object.keys(row([0, "s", "t", 1, 2], 1)), names);
    assert.deepEqual(row([0, "s", "t", 1, 2], 1), { schema_name: "s", table: "t", 'odd "name"\\': 1, constructor: 2 });
    assert.equal(namedRows(names), row, "one maker per list of names");
    assert.deepEqual(row(["s"]), {
      schema_name: "s",
      table: undefined,
      'odd "name"\\': undefined,
      constructor: undefined,
    });
  });
});
