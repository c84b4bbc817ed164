import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { graph, ids, iterate, mapOf, rev, throwsExactly } from "./support/graph-fixtures";

describe("iterateRevisions: order (scenarios 4, 6, 10)", () => {
  it("tolerates duplicate targets", () => {
    const map = mapOf(rev("a"), rev("b", "a"), rev("c", "b"));
    assert.deepEqual(iterate(map, ["c", "c"], "a", { inclusive: false }), ["c", "b"]);
  });

  it("diamond", () => {
    const map = graph("a b1<a b2<a c<b1,b2 d<c");
    assert.deepEqual(iterate(map, "d", "a"), ["d", "c", "b1", "b2", "a"]);
  });

  it("long and short branch", () => {
    const map = graph("a b1<a b2<a c1<b1 d11<c1 d12<c1");
    assert.deepEqual(iterate(map, "heads", "base"), ["b2", "d11", "d12", "c1", "b1", "a"]);
  });
});

describe("iterateRevisions: labeled branches (scenario 9)", () => {
  const map = graph("a@abranch b<a somelongername<b c<somelongername d e<d@ebranch someothername<e f<someothername");

  it("heads to a named base, named head to base", () => {
    assert.deepEqual(iterate(map, "heads", "ebranch@base"), ["f", "someothername", "e", "d"]);
    assert.deepEqual(iterate(map, "heads", "abranch@base"), ["c", "somelongername", "b", "a"]);
    assert.deepEqual(iterate(map, "ebranch@head", "base"), ["f", "someothername", "e", "d"]);
    assert.deepEqual(iterate(map, "abranch@head", "base"), ["c", "somelongername", "b", "a"]);
  });

  it("named head, named revision, revision used as branch", () => {
    assert.deepEqual(iterate(map, "heads", "ebranch@head"), ["f"]);
    assert.deepEqual(iterate(map, "heads", "ebranch@d"), ["f", "someothername", "e", "d"]);
    assert.deepEqual(iterate(map, "heads", "e@base"), ["f", "someothername", "e", "d"]);
    assert.deepEqual(iterate(map, "heads", "c@base"), ["c", "somelongername", "b", "a"]);
  });

  it("relative steps on a branch", () => {
    assert.deepEqual(iterate(map, "heads", "ebranch@-2"), ["f", "someothername", "e"]);
    assert.deepEqual(iterate(map, "ebranch@+2", "base"), ["e", "d"]);
  });
});

describe("iterateRevisions: several branches (scenario 11)", () => {
  const map = graph("a b1<a b2<a cb1<b1 cb2<b2 d1cb1<cb1 d2cb1<cb1 d1cb2<cb2 d2cb2<cb2 d3cb2<cb2 d1d2cb2<d1cb2,d2cb2");

  it("orders", () => {
    assert.deepEqual(iterate(map, "d1d2cb2", "a"), ["d1d2cb2", "d1cb2", "d2cb2", "cb2", "b2", "a"]);
    assert.deepEqual(iterate(map, ["d2cb2", "d3cb2"], "a"), ["d2cb2", "d3cb2", "cb2", "b2", "a"]);
    assert.deepEqual(iterate(map, "d3cb2", "a"), ["d3cb2", "cb2", "b2", "a"]);
    assert.deepEqual(iterate(map, "d3cb2", "base"), ["d3cb2", "cb2", "b2", "a"]);
    assert.deepEqual(iterate(map, ["d3cb2", "cb1"], "base"), ["cb1", "b1", "d3cb2", "cb2", "b2", "a"]);
    // d1cb1 is not a descendant of b2, so it is left out.
    assert.deepEqual(iterate(map, ["d1cb1", "d2cb2", "d3cb2"], "b2"), ["d2cb2", "d3cb2", "cb2", "b2"]);
  });

  it("wrong direction and distinct branches", () => {
    throwsExactly(() => map.iterateRevisions("b1", "d1cb1"), "Revision d1cb1 is not an ancestor of revision b1");
    throwsExactly(() => map.iterateRevisions("d2cb2", "b1"), "Revision b1 is not an ancestor of revision d2cb2");
    throwsExactly(() => map.iterateRevisions(null, "d1cb1"), "Revision d1cb1 is not an ancestor of revision base");
    throwsExactly(() => map.iterateRevisions([], "d1cb1"), "Revision d1cb1 is not an ancestor of revision base");
  });
});

describe("iterateRevisions: effective head downgrades (scenario 12)", () => {
  const map = graph("y1@y x1@x y2<y1~x1 x2<x1");
  const down = (upper: string | string[]) =>
    iterate(map, upper, "x@-1", { inclusive: false, selectForDowngrade: true });

  it("x@-1 from (x2, y2), (x1, y2) and y2", () => {
    assert.deepEqual(down(["x2", "y2"]), ["x2"]);
    assert.deepEqual(down(["x1", "y2"]), ["y2", "x1"]);
    assert.deepEqual(down("y2"), ["y2", "x1"]);
  });
});

describe("iterateRevisions: branch travelling (scenario 13)", () => {
  const map = graph(
    "a1 a2<a1 a3<a2 b1<a3 b2<a3 cb1<b1 cb2<b2 db1<cb1 db2<cb2 e1b1<db1 fe1b1<e1b1 e2b1<db1 e2b2<db2 merge<e2b1,e2b2",
  );

  it("implicit base fills in the other branch of a merge", () => {
    assert.deepEqual(iterate(map, "merge", "db1", { implicitBase: true }), ids("merge e2b1 db1 e2b2 db2 cb2 b2"));
  });

  it("branches end at their branch point before going below it", () => {
    assert.deepEqual(
      iterate(map, ["merge", "fe1b1"], "a3"),
      ids("fe1b1 e1b1 merge e2b1 db1 cb1 b1 e2b2 db2 cb2 b2 a3"),
    );
    assert.deepEqual(iterate(map, "merge", "a1"), ids("merge e2b1 db1 cb1 b1 e2b2 db2 cb2 b2 a3 a2 a1"));
    assert.deepEqual(iterate(map, "merge", "b1"), ["merge", "e2b1", "db1", "cb1", "b1"]);
    assert.deepEqual(iterate(map, "merge", "a2"), ids("merge e2b1 db1 cb1 b1 e2b2 db2 cb2 b2 a3 a2"));
    assert.deepEqual(
      iterate(map, ["merge", "fe1b1"], "a1"),
      ids("fe1b1 e1b1 merge e2b1 db1 cb1 b1 e2b2 db2 cb2 b2 a3 a2 a1"),
    );
  });

  it("several lower bounds, inclusive and exclusive", () => {
    assert.deepEqual(
      iterate(map, ["merge", "fe1b1"], ["cb1", "cb2"]),
      ids("fe1b1 e1b1 merge e2b1 db1 cb1 e2b2 db2 cb2"),
    );
    assert.deepEqual(
      iterate(map, ["merge", "fe1b1"], ["cb1", "cb2"], { inclusive: false }),
      ids("fe1b1 e1b1 merge e2b1 db1 e2b2 db2"),
    );
    assert.deepEqual(
      iterate(map, ["e2b1", "b2", "fe1b1"], [], { inclusive: false }),
      ids("b2 fe1b1 e1b1 e2b1 db1 cb1 b1 a3 a2 a1"),
    );
    assert.deepEqual(iterate(map, ["fe1b1"], "base", { inclusive: false }), ids("fe1b1 e1b1 db1 cb1 b1 a3 a2 a1"));
  });

  it("overlapping requested revisions are an error", () => {
    throwsExactly(
      () => map.iterateRevisions(["db1", "b2", "fe1b1"], []),
      "Requested revision fe1b1 overlaps with other requested revisions db1",
    );
  });

  it("ancestors of a merge", () => {
    const ancestors = map
      .ancestors([map.getRevision("merge")!], { check: true })
      .map((r) => r.revision)
      .sort();
    assert.deepEqual(ancestors, ["a1", "a2", "a3", "b1", "b2", "cb1", "cb2", "db1", "db2", "e2b1", "e2b2", "merge"]);
  });
});

describe("iterateRevisions: several bases (scenario 14)", () => {
  const map = graph(
    "base1 base2 base3 a1a<base1 a1b<base1 a2<base2 a3<base3 b1a<a1a b1b<a1b b2<a2 b3<a3 c2<b2 d2<c2 mergeb3d2<b3,d2",
  );
  const all = ["b1a", "a1a", "b1b", "a1b", "base1", "mergeb3d2", "b3", "a3", "base3", "d2", "c2", "b2", "a2", "base2"];

  it("heads to base, inclusive, exclusive and from null", () => {
    assert.deepEqual(iterate(map, "heads", "base"), all);
    assert.deepEqual(iterate(map, "heads", "base", { inclusive: false }), all);
    assert.deepEqual(iterate(map, "heads", null), all);
  });

  it("overlapping lower bounds are an error", () => {
    assert.throws(() => map.iterateRevisions(["c2"], ["a2", "b2"]), /overlaps with other requested revisions/);
  });

  it("implicit base adds the other trees", () => {
    assert.deepEqual(
      iterate(map, "heads", ["c2"], { inclusive: false, implicitBase: true }),
      ids("b1a a1a b1b a1b base1 mergeb3d2 b3 a3 base3 d2"),
    );
    assert.deepEqual(iterate(map, "heads", ["c2"], { inclusive: false }), ["mergeb3d2", "d2"]);
    assert.deepEqual(
      iterate(map, "heads", ["c2"], { implicitBase: true }),
      ids("b1a a1a b1b a1b base1 mergeb3d2 b3 a3 base3 d2 c2"),
    );
    assert.deepEqual(iterate(map, "b3", "base3"), ["b3", "a3", "base3"]);
    assert.deepEqual(
      iterate(map, ["b3", "b2"], "base3", { inclusive: false, implicitBase: true }),
      ids("b2 a2 base2 b3 a3"),
    );
  });
});

describe("iterateRevisions: cross dependencies (scenarios 15, 16, 17)", () => {
  const one = graph(
    "base1@b_1 a1a<base1 a1b<base1 b1a<a1a b1b<a1b~a3 base2@b_2 a2<base2 b2<a2 c2<b2~a3 d2<c2 base3@b_3 a3<base3 b3<a3",
  );

  it("heads and full iteration", () => {
    assert.deepEqual(one.heads, ["b1a", "b1b", "d2", "b3"]);
    const all = ["b1a", "a1a", "b1b", "a1b", "base1", "d2", "c2", "b2", "a2", "base2", "b3", "a3", "base3"];
    assert.deepEqual(iterate(one, "heads", "base"), all);
    assert.deepEqual(iterate(one, "heads", "base", { selectForDowngrade: true }), all);
  });

  it("wrong direction", () => {
    throwsExactly(() => one.iterateRevisions("b2", "d2"), "Revision d2 is not an ancestor of revision b2");
    throwsExactly(() => one.iterateRevisions("b3", "d2"), "Revision d2 is not an ancestor of revision b3");
  });

  it("upgrading a branch pulls in its dependencies; downgrading it does not", () => {
    assert.deepEqual(iterate(one, "b_2@head", "base"), ["d2", "c2", "b2", "a2", "base2", "a3", "base3"]);
    assert.deepEqual(iterate(one, "b_2@head", "b_2@base", { selectForDowngrade: true }), ids("d2 c2 b2 a2 base2"));
    assert.deepEqual(iterate(one, "b_3@head", "base"), ["b3", "a3", "base3"]);
    assert.deepEqual(iterate(one, "b_3@head", "base", { selectForDowngrade: true }), ["b3", "a3", "base3"]);
    assert.deepEqual(iterate(one, "b1b@head", "base"), ["b1b", "a1b", "base1", "a3", "base3"]);
    assert.deepEqual(iterate(one, "b1b@head", "b1b@base", { selectForDowngrade: true }), ["b1b", "a1b", "base1"]);
    assert.deepEqual(iterate(one, "heads", "b_2@base"), ["d2", "c2", "b2", "a2", "base2", "a3", "base3"]);
    assert.deepEqual(iterate(one, "heads", "b_2@base", { selectForDowngrade: true }), ids("d2 c2 b2 a2 base2"));
    assert.deepEqual(iterate(one, "heads", "b_3@base"), ["b3", "a3", "base3"]);
    // Dependents of a3 must go down first.
    assert.deepEqual(iterate(one, "heads", "b_3@base", { selectForDowngrade: true }), ids("b1b d2 c2 b3 a3 base3"));
  });

  it("a base depending on a label (scenario 16)", () => {
    const two = graph(
      "base1@b_1 a1<base1 b1<a1 c1<b1 base2@b_2~b_1 a2<base2 b2<a2 c2<b2 d2<c2 base3@b_3 a3<base3 b3<a3 c3<b3~b2 d3<c3",
    );
    assert.deepEqual(two.heads, ["c1", "d2", "d3"]);
    assert.deepEqual(iterate(two, "heads", "base"), ids("c1 b1 a1 d2 c2 d3 c3 b3 a3 base3 b2 a2 base2 base1"));
    assert.deepEqual(iterate(two, "b_2@head", "base"), ["d2", "c2", "b2", "a2", "base2", "base1"]);
    assert.deepEqual(iterate(two, "b_3@head", "base"), ["d3", "c3", "b3", "a3", "base3", "b2", "a2", "base2", "base1"]);
    assert.deepEqual(iterate(two, "b_1@head", "base"), ["c1", "b1", "a1", "base1"]);
    assert.deepEqual(iterate(two, "heads", "b_1@base"), ["c1", "b1", "a1", "base1"]);
    assert.deepEqual(iterate(two, "heads", "b_2@base"), ["d2", "c2", "b2", "a2", "base2", "base1"]);
    assert.deepEqual(iterate(two, "heads", "b_3@base"), ids("d3 c3 b3 a3 base3 b2 a2 base2 base1"));
  });

  it("no parent but a dependency (scenario 17)", () => {
    const three = graph("base1 a1<base1 b1<a1 c2~a1 c3<c2");
    assert.deepEqual(iterate(three, "heads", "base"), ["b1", "c3", "c2", "a1", "base1"]);
  });
});

describe("iterateRevisions: normalized dependencies (scenario 21)", () => {
  const map = graph("a1 a2<a1 a3<a2 b1 b2<b1~a3 b3<b2 b4<b3~a3 b5<b4~b4");

  it("downgrade traversals", () => {
    assert.deepEqual(iterate(map, "b4", "b1@base", { selectForDowngrade: true }), ["b4", "b3", "b2", "b1"]);
    assert.deepEqual(iterate(map, "heads", "base", { selectForDowngrade: true }), ids("b5 b4 b3 b2 b1 a3 a2 a1"));
    assert.deepEqual(iterate(map, "heads", "a2", { selectForDowngrade: true }), ["b5", "b4", "b3", "b2", "a3", "a2"]);
    assert.deepEqual(
      iterate(map, "heads", "a2", { selectForDowngrade: true, implicitBase: true }),
      ids("b5 b4 b3 b2 b1 a3 a2"),
    );
  });

  it("implicit base upgrades", () => {
    assert.deepEqual(iterate(map, "b5", ["b1"], { implicitBase: true }), ids("b5 b4 b3 b2 b1 a3 a2 a1"));
    const other = graph("c1 a1 a2<a1~c1 a3<a2~c1 b1 b2<b1~a3 b3<b2 b4<b3~a3 b5<b4");
    assert.deepEqual(iterate(other, "b5", ["b1"], { implicitBase: true }), ids("b5 b4 b3 b2 b1 a3 a2 a1 c1"));
  });
});
