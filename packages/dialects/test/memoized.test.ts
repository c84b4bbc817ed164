import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { memoized, memoizedDefault } from "../src/memoized";

describe("memoized canonicalisations", () => {
  it("compute each text once, null results included", () => {
    const calls: string[] = [];
    const f = memoized((raw: string) => {
      calls.push(raw);
      return raw === "none" ? null : raw.toLowerCase();
    });
    assert.deepEqual([f("A"), f("A"), f("none"), f("none"), f("B")], ["a", "a", null, null, "b"]);
    assert.deepEqual(calls, ["A", "none", "B"]);
  });

  it("key a default by its text under its type, and compute no default once", () => {
    const calls: string[] = [];
    const f = memoizedDefault((raw, type) => {
      calls.push(`${type}:${raw}`);
      return raw === null || raw === undefined ? null : raw === "0" && type === "boolean" ? "false" : raw;
    });
    assert.deepEqual(
      [f("0", "boolean"), f("0", "integer"), f("0", "boolean"), f(null, "integer"), f(undefined, "text")],
      ["false", "0", "false", null, null],
    );
    assert.deepEqual(calls, ["boolean:0", "integer:0", "integer:null"]);
  });

  it("start again past 10,000 results rather than grow", () => {
    let calls = 0;
    const f = memoizedDefault((raw) => {
      calls++;
      return raw ?? null;
    });
    for (let i = 0; i <= 10_000; i++) f(String(i), "t");
    f("0", "t");
    assert.equal(calls, 10_002, "the first entry was dropped with the rest");
    f("0", "t");
    assert.equal(calls, 10_002);
  });
});
