import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { COLUMN_DEFAULTS, Column, Table, freeze } from "../src/index";

/** Every object reachable from `value` is frozen. */
function assertDeepFrozen(value: unknown, path = "value"): void {
  if (value === null || typeof value !== "object") return;
  assert.ok(Object.isFrozen(value), `${path} is frozen`);
  for (const [k, v] of Object.entries(value)) assertDeepFrozen(v, `${path}.${k}`);
}

describe("frozen schema nodes", () => {
  it("freeze() freezes nested objects and the objects inside arrays", () => {
    const v = freeze({ a: [{ b: { c: 1 } }, [{ d: 2 }]], e: { f: [3] } });
    assertDeepFrozen(v);
  });

  it("a column is frozen with the objects it is given, and keeps the defaults' key order", () => {
    const c = Column.create("id", "integer", {
      identity: { always: true, start: null, increment: null },
      generated: { expression: "a + 1", stored: true },
      default: undefined,
    });
    assertDeepFrozen(c);
    assert.deepEqual(Object.keys(c), ["kind", "name", ...Object.keys(COLUMN_DEFAULTS), "type"]);
    assert.equal(c.default, null, "an undefined property is not set");
    const clone = Column.cloneWith(c, { generated: { expression: "a + 2", stored: false }, nullable: undefined });
    assertDeepFrozen(clone);
    assert.deepEqual(Object.keys(clone), Object.keys(c));
    assert.equal(clone.nullable, c.nullable);
    assert.equal(clone.generated?.expression, "a + 2");
  });

  it("a clone of a column built by hand is frozen too", () => {
    const byHand = { ...Column.create("g", "integer"), generated: { expression: "1", stored: true } };
    assertDeepFrozen(Column.cloneWith(byHand, { nullable: false }));
  });

  it("a table is frozen down to its columns and options", () => {
    assertDeepFrozen(Table.create("t", [Column.create("a", "text")], { options: { strict: "true" } }));
  });
});
