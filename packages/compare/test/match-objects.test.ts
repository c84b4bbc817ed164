import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { matchObjects } from "../src/match-objects";

interface Obj {
  readonly name: string | null;
  readonly cols: string;
}
const o = (name: string | null, cols: string): Obj => ({ name, cols });
const names = (xs: readonly Obj[]) => xs.map((x) => `${x.name ?? "-"}:${x.cols}`);
const match = (targets: Obj[], reflected: Obj[]) => {
  const m = matchObjects(targets, reflected, (x) => x.cols);
  return {
    pairs: m.pairs.map(([t, r]) => `${names([t])[0]}=${names([r])[0]}`),
    added: names(m.added),
    dropped: names(m.dropped),
  };
};

describe("matchObjects", () => {
  it("pairs by name first, whatever the signatures, each reflected object once", () => {
    assert.deepEqual(match([o("b", "x"), o("a", "y"), o("a", "z")], [o("a", "q"), o("b", "x"), o("c", "y")]), {
      pairs: ["b:x=b:x", "a:y=a:q"],
      added: ["a:z"],
      dropped: ["c:y"],
    });
  });

  it("pairs what is left by signature only where either side is unnamed, in input order", () => {
    assert.deepEqual(
      match(
        [o(null, "x"), o("n", "y"), o(null, "x"), o("m", "z")],
        [o("k", "y"), o(null, "x"), o("p", "x"), o(null, "z")],
      ),
      {
        pairs: ["-:x=-:x", "-:x=p:x", "m:z=-:z"],
        added: ["n:y"],
        dropped: ["k:y"],
      },
    );
  });

  it("asks for each object's signature at most once", () => {
    const asked = new Map<Obj, number>();
    const targets = [o(null, "a"), o(null, "b"), o(null, "c")];
    const reflected = [o(null, "c"), o(null, "b"), o(null, "a")];
    const m = matchObjects(targets, reflected, (x) => {
      asked.set(x, (asked.get(x) ?? 0) + 1);
      return x.cols;
    });
    assert.equal(m.pairs.length, 3);
    assert.deepEqual([...asked.values()], [1, 1, 1, 1, 1, 1]);
  });
});
