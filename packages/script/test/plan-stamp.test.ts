import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { planStamp, planStampSteps, splitStampRanges } from "../src/plan-stamp";
import { applyChanges, graph, throwsExactly } from "./support/graph-fixtures";

const linear = graph("a b<a c<b d<c e<d");
const branched = graph("a b<a c1<b@c1branch d1<c1 c2<b@c2branch d2<c2");
const merged = graph("a b<a c1<b d1<c1 c2<b@c2branch d2<c2 e<d1,d2 f<e");

describe("planStamp (scenarios 22-27, 31)", () => {
  it("stamp base from d deletes the row", () => {
    const steps = planStampSteps(linear, ["d"], ["base"]);
    assert.equal(steps.length, 1);
    assert.deepEqual(steps[0]!.versionChanges, [{ op: "delete", version: "d" }]);
    assert.equal(steps[0]!.description, "stamp_revision d -> ");
    assert.deepEqual(planStamp(linear, ["d"], [], { purge: false }), [{ op: "delete", version: "d" }]);
  });

  it("stamp up and down a line is an UPDATE; stamping the current head is a no-op", () => {
    assert.deepEqual(planStamp(linear, ["b"], ["d"], { purge: false }), [{ op: "update", from: "b", to: "d" }]);
    assert.deepEqual(planStamp(linear, ["d"], ["b"], { purge: false }), [{ op: "update", from: "d", to: "b" }]);
    assert.deepEqual(planStamp(linear, ["d"], ["d"], { purge: false }), []);
    assert.deepEqual(planStamp(linear, [], ["c"], { purge: false }), [{ op: "insert", version: "c" }]);
  });

  it("stamp down across several branches to the branch point: DELETE d1, UPDATE c2 to b", () => {
    assert.deepEqual(planStamp(branched, ["d1", "c2"], ["b"], { purge: false }), [
      { op: "delete", version: "d1" },
      { op: "update", from: "c2", to: "b" },
    ]);
  });

  it("stamp to a labeled base deletes only that branch's head", () => {
    assert.deepEqual(planStamp(branched, ["d1", "c2"], ["c1branch@base"], { purge: false }), [
      { op: "delete", version: "d1" },
    ]);
  });

  it("stamp to a labeled head leaves the other branch alone", () => {
    assert.deepEqual(planStamp(branched, ["d1", "c2"], ["c2branch@head"], { purge: false }), [
      { op: "update", from: "c2", to: "d2" },
    ]);
  });

  it("stamps across a merge point (scenario 24)", () => {
    assert.deepEqual(planStamp(merged, ["e"], ["c2"], { purge: false }), [{ op: "update", from: "e", to: "c2" }]);
    assert.deepEqual(planStamp(merged, ["e"], ["a"], { purge: false }), [{ op: "update", from: "e", to: "a" }]);
    assert.deepEqual(planStamp(merged, ["c2"], ["e"], { purge: false }), [{ op: "update", from: "c2", to: "e" }]);
    assert.deepEqual(planStamp(merged, ["d1", "c2"], ["c2branch@head"], { purge: false }), [
      { op: "delete", version: "d1" },
      { op: "update", from: "c2", to: "f" },
    ]);
    assert.deepEqual(planStamp(merged, ["d1", "c2"], ["e"], { purge: false }), [
      { op: "delete", version: "d1" },
      { op: "update", from: "c2", to: "e" },
    ]);
    assert.deepEqual(planStamp(merged, ["b"], ["e"], { purge: false }), [{ op: "update", from: "b", to: "e" }]);
  });

  it("stamp across a dependency (scenario 26)", () => {
    const map = graph("a1@lib1 b1<a1 c1<b1 a2 b2<a2 c2<b2~c1 d1<c1 e1<d1 f1<e1");
    const changes = planStamp(map, ["e1", "c2"], ["b1"], { purge: false });
    assert.deepEqual(applyChanges(["e1", "c2"], changes), ["b1"]);
  });

  it("stamp heads on a forest inserts each head; at heads it does nothing (scenario 27)", () => {
    const forest = graph("a1 b1<a1 a2 b2<a2");
    const steps = planStampSteps(forest, [], ["heads"]);
    assert.equal(steps.length, 2);
    assert.deepEqual(
      steps.map((s) => s.versionChanges),
      [[{ op: "insert", version: "b1" }], [{ op: "insert", version: "b2" }]],
    );
    assert.deepEqual(planStampSteps(forest, ["b1", "b2"], ["heads"]), []);
    // One labeled head only.
    const labeled = graph("a1@one b1<a1 a2 b2<a2");
    assert.deepEqual(planStamp(labeled, [], ["one@head"], { purge: false }), [{ op: "insert", version: "b1" }]);
  });

  it("several targets from one start: UPDATE then INSERTs (scenario 31)", () => {
    const map = graph("a b<a c<b d<b e<d f<b");
    const { start, targets } = splitStampRanges(["b:c", "b:e", "b:f"]);
    assert.equal(start, "b");
    assert.deepEqual(targets, ["c", "e", "f"]);
    assert.deepEqual(planStamp(map, [start!], targets, { purge: false }), [
      { op: "update", from: "b", to: "c" },
      { op: "insert", version: "e" },
      { op: "insert", version: "f" },
    ]);
    throwsExactly(
      () => splitStampRanges(["b:c", "a:e"]),
      "Stamp operation with --sql only supports a single starting revision at a time",
    );
    assert.deepEqual(splitStampRanges(["c"]), { start: null, targets: ["c"] });
  });

  it("purge deletes every row, even unknown ones, then inserts", () => {
    assert.deepEqual(planStamp(linear, ["notarevision", "c", "c"], ["e"], { purge: true }), [
      { op: "delete", version: "notarevision" },
      { op: "delete", version: "c" },
      { op: "insert", version: "e" },
    ]);
  });

  it("several heads for a single target is an error", () => {
    throwsExactly(
      () => planStamp(branched, [], ["head"], { purge: false }),
      "Multiple heads are present; please specify a single target revision",
    );
  });
});
