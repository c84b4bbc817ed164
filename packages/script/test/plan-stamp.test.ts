import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { planStamp, planStampSteps, splitStampRanges } from "../src/plan-stamp";
import { applyChanges, mapOf, rev, throwsExactly } from "./support/graph-fixtures";

const linear = mapOf(rev("a"), rev("b", "a"), rev("c", "b"), rev("d", "c"), rev("e", "d"));
const branched = mapOf(
  rev("a"),
  rev("b", "a"),
  rev("c1", "b", { labels: "c1branch" }),
  rev("d1", "c1"),
  rev("c2", "b", { labels: "c2branch" }),
  rev("d2", "c2"),
);
const merged = mapOf(
  rev("a"),
  rev("b", "a"),
  rev("c1", "b"),
  rev("d1", "c1"),
  rev("c2", "b", { labels: "c2branch" }),
  rev("d2", "c2"),
  rev("e", ["d1", "d2"]),
  rev("f", "e"),
);

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
    const map = mapOf(
      rev("a1", null, { labels: ["lib1"] }),
      rev("b1", "a1"),
      rev("c1", "b1"),
      rev("a2"),
      rev("b2", "a2"),
      rev("c2", "b2", { deps: "c1" }),
      rev("d1", "c1"),
      rev("e1", "d1"),
      rev("f1", "e1"),
    );
    const changes = planStamp(map, ["e1", "c2"], ["b1"], { purge: false });
    assert.deepEqual(applyChanges(["e1", "c2"], changes), ["b1"]);
  });

  it("stamp heads on a forest inserts each head; at heads it does nothing (scenario 27)", () => {
    const forest = mapOf(rev("a1"), rev("b1", "a1"), rev("a2"), rev("b2", "a2"));
    const steps = planStampSteps(forest, [], ["heads"]);
    assert.equal(steps.length, 2);
    assert.deepEqual(
      steps.map((s) => s.versionChanges),
      [[{ op: "insert", version: "b1" }], [{ op: "insert", version: "b2" }]],
    );
    assert.deepEqual(planStampSteps(forest, ["b1", "b2"], ["heads"]), []);
    // One labeled head only.
    const labeled = mapOf(rev("a1", null, { labels: "one" }), rev("b1", "a1"), rev("a2"), rev("b2", "a2"));
    assert.deepEqual(planStamp(labeled, [], ["one@head"], { purge: false }), [{ op: "insert", version: "b1" }]);
  });

  it("several targets from one start: UPDATE then INSERTs (scenario 31)", () => {
    const map = mapOf(rev("a"), rev("b", "a"), rev("c", "b"), rev("d", "b"), rev("e", "d"), rev("f", "b"));
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
