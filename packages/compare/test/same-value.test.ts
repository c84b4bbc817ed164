import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { IndexElement } from "@autogen/core";
import { sameValue, stableJson } from "../src/same-value";

/** sameValue answers what comparing the stableJson texts answers, without building them. */
describe("sameValue", () => {
  const cases: [string, unknown, unknown][] = [
    ["key order", { a: 1, b: [1, 2] }, { b: [1, 2], a: 1 }],
    ["undefined members are absent", { a: 1, b: undefined }, { a: 1 }],
    ["absent vs null", { a: 1 }, { a: 1, b: null }],
    ["array order", [1, 2], [2, 1]],
    ["undefined array element is null", [undefined], [null]],
    ["array vs object", [1], { 0: 1 }],
    ["nested", { e: [IndexElement.column("a", { length: 10 })] }, { e: [IndexElement.column("a", { length: 10 })] }],
    ["nested difference", { e: [IndexElement.column("a")] }, { e: [IndexElement.column("a", { descending: true })] }],
    ["number vs string", { a: 1 }, { a: "1" }],
    ["null vs object", null, {}],
    ["extra key on the right", { a: 1 }, { a: 1, b: 2 }],
  ];
  for (const [name, a, b] of cases) {
    it(name, () => {
      const expected = stableJson(a) === stableJson(b);
      assert.equal(sameValue(a, b), expected);
      assert.equal(sameValue(b, a), expected);
    });
  }
  it("tells equal from different in the cases above", () => {
    const answers = cases.map(([, a, b]) => sameValue(a, b));
    assert.deepEqual(answers, [true, true, false, false, true, false, true, false, false, false, false]);
  });
});
