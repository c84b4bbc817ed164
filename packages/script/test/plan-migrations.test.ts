import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { planDowngrade } from "../src/plan-downgrade";
import { planUpgrade } from "../src/plan-upgrade";
import type { MigrationStep } from "../src/migration-step";
import type { RevisionMap } from "../src/revision-map";
import { applyChanges, finalHeads, graph, mapOf, rev, stepNames, throwsExactly } from "./support/graph-fixtures";

/** Plans, checks the version changes replay on a real row set, and returns names + final heads. */
function check(steps: MigrationStep[], start: readonly string[]): { steps: string[]; heads: string[] } {
  let rows = [...start].sort();
  for (const s of steps) {
    rows = applyChanges(rows, s.versionChanges);
    assert.deepEqual(rows, [...s.headsAfter].sort(), `rows after ${s.description}`);
  }
  return { steps: stepNames(steps), heads: finalHeads(start, steps) };
}
const up = (map: RevisionMap, target: string, current: string[]) => check(planUpgrade(map, current, target), current);
const down = (map: RevisionMap, target: string, current: string[], warnings?: string[]) =>
  check(planDowngrade(map, current, target, { onWarning: (m) => warnings?.push(m) }), current);

describe("plan: linear path (scenario 22)", () => {
  const map = graph("a b<a c<b d<c e<d");

  it("upgrade to an id and from base", () => {
    assert.deepEqual(up(map, "e", ["c"]), { steps: ["up:d", "up:e"], heads: ["e"] });
    assert.deepEqual(up(map, "c", []), { steps: ["up:a", "up:b", "up:c"], heads: ["c"] });
    const steps = planUpgrade(map, ["c"], "e");
    assert.deepEqual(steps[0]!.versionChanges, [{ op: "update", from: "c", to: "d" }]);
    const fromBase = planUpgrade(map, [], "a");
    assert.deepEqual(fromBase[0]!.versionChanges, [{ op: "insert", version: "a" }]);
  });

  it("relative upgrades", () => {
    assert.deepEqual(up(map, "+2", ["a"]), { steps: ["up:b", "up:c"], heads: ["c"] });
    assert.deepEqual(up(map, "+1", ["a"]), { steps: ["up:b"], heads: ["b"] });
    assert.deepEqual(up(map, "+3", ["b"]), { steps: ["up:c", "up:d", "up:e"], heads: ["e"] });
    assert.deepEqual(up(map, "b+2", ["a"]), { steps: ["up:b", "up:c", "up:d"], heads: ["d"] });
    assert.deepEqual(up(map, "d-2", ["a"]), { steps: ["up:b"], heads: ["b"] });
  });

  it("invalid relative upgrades", () => {
    throwsExactly(() => planUpgrade(map, ["b"], "-2"), "Relative revision -2 didn't produce 2 migrations");
    throwsExactly(() => planUpgrade(map, ["b"], "+5"), "Relative revision +5 didn't produce 5 migrations");
  });

  it("downgrades", () => {
    assert.deepEqual(down(map, "c", ["e"]), { steps: ["down:e", "down:d"], heads: ["c"] });
    assert.deepEqual(down(map, "base", ["c"]), { steps: ["down:c", "down:b", "down:a"], heads: [] });
    assert.deepEqual(planDowngrade(map, ["a"], "base")[0]!.versionChanges, [{ op: "delete", version: "a" }]);
    assert.deepEqual(down(map, "base", []), { steps: [], heads: [] });
    assert.deepEqual(down(map, "-1", ["c"]), { steps: ["down:c"], heads: ["b"] });
    assert.deepEqual(down(map, "-3", ["e"]), { steps: ["down:e", "down:d", "down:c"], heads: ["b"] });
    assert.deepEqual(down(map, "a+2", ["d"]), { steps: ["down:d"], heads: ["c"] });
    assert.deepEqual(down(map, "c-2", ["d"]), { steps: ["down:d", "down:c", "down:b"], heads: ["a"] });
  });

  it("downgrade to an existing revision does nothing (#838, #839)", () => {
    assert.deepEqual(down(map, "a", ["a"]), { steps: [], heads: ["a"] });
    assert.deepEqual(down(map, "e", ["e"]), { steps: [], heads: ["e"] });
  });

  it("invalid downgrades", () => {
    throwsExactly(() => planDowngrade(map, ["b"], "-5"), "Relative revision -5 didn't produce 5 migrations");
    throwsExactly(() => planDowngrade(map, ["b"], "+2"), "Relative revision +2 didn't produce 2 migrations");
    const partialMap = mapOf(
      rev("e6239818bb3a"),
      rev("548bbb905360", "e6239818bb3a"),
      rev("b7ea43dc85e4", "548bbb905360"),
    );
    throwsExactly(
      () => planDowngrade(partialMap, [], "548"),
      "Destination 548 is not a valid downgrade target from current head(s)",
    );
    throwsExactly(
      () => planDowngrade(partialMap, ["548bbb905360"], "b7ea"),
      "Destination b7ea is not a valid downgrade target from current head(s)",
    );
  });

  it("an upgrade target below the current head needs no step (upgrade uses implicit base, like Alembic)", () => {
    assert.deepEqual(planUpgrade(map, ["d"], "b"), []);
  });

  it("descriptions are Alembic's log lines", () => {
    const m = mapOf(
      rev("ae1027a6acf0", null, { doc: "create account table\n\nRevision ID: ae1027a6acf0" }),
      rev("1975ea83b712", "ae1027a6acf0", { doc: "add account" }),
    );
    const steps = planUpgrade(m, [], "head");
    assert.equal(steps[0]!.description, "upgrade  -> ae1027a6acf0, create account table");
    assert.equal(steps[1]!.description, "upgrade ae1027a6acf0 -> 1975ea83b712, add account");
    assert.equal(steps[1]!.shortLog, "upgrade ae1027a6acf0 -> 1975ea83b712");
    const back = planDowngrade(m, ["1975ea83b712"], "base");
    assert.deepEqual(
      back.map((s) => s.shortLog),
      ["downgrade 1975ea83b712 -> ae1027a6acf0", "downgrade ae1027a6acf0 -> "],
    );
  });
});

describe("plan: branched path (scenario 23)", () => {
  const map = graph("a b<a c1<b@c1branch d1<c1 c2<b@c2branch d2<c2");

  it("upgrades", () => {
    assert.deepEqual(up(map, "d1", ["b"]), { steps: ["up:c1", "up:d1"], heads: ["d1"] });
    const both = planUpgrade(map, ["a"], "heads");
    assert.deepEqual(check(both, ["a"]), { steps: ["up:b", "up:c2", "up:d2", "up:c1", "up:d1"], heads: ["d1", "d2"] });
    // c1 starts a second branch from b, which c2 already moved on from.
    assert.deepEqual(both[3]!.versionChanges, [{ op: "insert", version: "c1" }]);
    assert.deepEqual(up(map, "c2branch@head-1", ["b"]), { steps: ["up:c2"], heads: ["c2"] });
    assert.deepEqual(up(map, "c2branch@+1", ["c1"]), { steps: ["up:c2"], heads: ["c1", "c2"] });
    assert.deepEqual(up(map, "c2branch@+1", ["c1", "c2"]), { steps: ["up:d2"], heads: ["c1", "d2"] });
    assert.deepEqual(up(map, "base+1", []), { steps: ["up:a"], heads: ["a"] });
    assert.deepEqual(up(map, "+1", []), { steps: ["up:a"], heads: ["a"] });
  });

  it("upgrade `head` with two heads names heads and <branchname>@head", () => {
    throwsExactly(
      () => planUpgrade(map, ["b"], "head"),
      "Multiple head revisions are present for given argument 'head'; please specify a specific target revision, " +
        "'<branchname>@head' to narrow to a specific head, or 'heads' for all heads",
    );
  });

  it("ambiguous relative upgrade", () => {
    throwsExactly(() => planUpgrade(map, ["c1", "c2"], "+1"), "Ambiguous upgrade from multiple current revisions");
  });

  it("downgrades", () => {
    assert.deepEqual(down(map, "a", ["d1", "d2"]), {
      steps: ["down:d1", "down:c1", "down:d2", "down:c2", "down:b"],
      heads: ["a"],
    });
    assert.deepEqual(down(map, "base+2", ["d2", "d1"]), {
      steps: ["down:d1", "down:c1", "down:d2", "down:c2"],
      heads: ["b"],
    });
    assert.deepEqual(down(map, "c2branch@base+2", ["d2", "d1"]), { steps: ["down:d2", "down:c2"], heads: ["d1"] });
    assert.deepEqual(down(map, "c2", ["d2", "d1"]), { steps: ["down:d2"], heads: ["c2", "d1"] });
    assert.deepEqual(down(map, "c2branch@base+3", ["d2", "d1"]), { steps: ["down:d2"], heads: ["c2", "d1"] });
    assert.deepEqual(down(map, "c1branch@-1", ["d1", "d2"]), { steps: ["down:d1"], heads: ["c1", "d2"] });
    assert.deepEqual(down(map, "d2-1", ["d2", "c1"]), { steps: ["down:d2"], heads: ["c1", "c2"] });
    assert.deepEqual(down(map, "d2-1", ["c1", "d2"]), { steps: ["down:d2"], heads: ["c1", "c2"] });
    assert.deepEqual(down(map, "c1branch@b", ["c1", "d2"]), { steps: ["down:c1"], heads: ["d2"] });
    assert.deepEqual(down(map, "c2branch@b", ["c1", "d2"]), { steps: ["down:d2", "down:c2"], heads: ["c1"] });
    assert.deepEqual(down(map, "c2@b", ["d1", "d2"]), { steps: ["down:d2", "down:c2"], heads: ["d1"] });
    assert.deepEqual(down(map, "d1@b", ["d1", "d2"]), { steps: ["down:d1", "down:c1"], heads: ["d2"] });
    assert.deepEqual(down(map, "c1branch@head-1", ["d1", "d2"]), { steps: ["down:d1"], heads: ["c1", "d2"] });
    assert.deepEqual(down(map, "-1", ["a"]), { steps: ["down:a"], heads: [] });
    assert.deepEqual(down(map, "c2", ["d1", "c2"]), { steps: [], heads: ["c2", "d1"] });
    assert.deepEqual(down(map, "d1", ["d1", "c2"]), { steps: [], heads: ["c2", "d1"] });
  });

  it("downgrade -1 from several heads warns and takes the first", () => {
    const warnings: string[] = [];
    assert.deepEqual(down(map, "-1", ["d2", "d1"], warnings), { steps: ["down:d2"], heads: ["c2", "d1"] });
    assert.deepEqual(down(map, "-1", ["c2", "d1"], warnings), { steps: ["down:c2"], heads: ["d1"] });
    assert.deepEqual(down(map, "-1", ["d1", "d2"], warnings), { steps: ["down:d1"], heads: ["c1", "d2"] });
    assert.deepEqual(down(map, "-1", ["c1", "d2"], warnings), { steps: ["down:c1"], heads: ["d2"] });
    assert.equal(warnings.length, 4);
    assert.equal(
      warnings[0],
      "downgrade -1 from multiple heads is ambiguous; this usage will be disallowed in a future release.",
    );
  });

  it("downgrade -1 from nothing", () => {
    throwsExactly(() => planDowngrade(map, [], "-1"), "Relative revision -1 didn't produce 1 migrations");
  });
});

describe("plan: branching from merge points", () => {
  it("two-way (BranchFromMergepointTest)", () => {
    const map = graph("a1 b1<a1 c1<b1 a2 b2<a2 c2<b2 d1<c1,c2 d2<c2");
    assert.deepEqual(up(map, "d1", ["d2", "b1"]), { steps: ["up:c1", "up:d1"], heads: ["d1", "d2"] });
    assert.deepEqual(down(map, "b1", ["d2", "d1"]), { steps: ["down:d1", "down:c1"], heads: ["b1", "d2"] });
  });

  it("three-way (BranchFrom3WayMergepointTest)", () => {
    const map = graph("a1 b1<a1 c1<b1 a2 b2<a2 c2<b2 a3 b3<a3 c3<b3 d1<c1,c2,c3 d2<c2 d3<c3");
    assert.deepEqual(up(map, "d1", ["d3", "d2", "b1"]), { steps: ["up:c1", "up:d1"], heads: ["d1", "d2", "d3"] });
    assert.deepEqual(down(map, "b1", ["d3", "d2", "d1"]), { steps: ["down:d1", "down:c1"], heads: ["b1", "d2", "d3"] });
    assert.deepEqual(up(map, "d1", ["d3", "b2", "b1"]), { steps: ["up:c2", "up:c1", "up:d1"], heads: ["d1", "d3"] });
    assert.deepEqual(up(map, "d2", ["d3", "d1"]), { steps: ["up:d2"], heads: ["d1", "d2", "d3"] });
  });
});

describe("plan: twin merges (scenario 25, #297)", () => {
  const map = graph("a b1<a b2<a b3<a c1<b1,b2,b3 c2<b1,b2,b3 d1<c1 d2<c2");

  it("TwinMergeTest", () => {
    const steps = planUpgrade(map, ["a"], "heads");
    assert.deepEqual(stepNames(steps), ["up:b3", "up:b2", "up:b1", "up:c2", "up:d2", "up:c1", "up:d1"]);
    assert.deepEqual(
      steps.map((s) => [...s.headsAfter].sort()),
      [["b3"], ["b2", "b3"], ["b1", "b2", "b3"], ["c2"], ["d2"], ["c1", "d2"], ["d1", "d2"]],
    );
    // Merging three heads: delete two rows, move the first parent's row.
    assert.deepEqual(steps[3]!.versionChanges, [
      { op: "delete", version: "b2" },
      { op: "delete", version: "b3" },
      { op: "update", from: "b1", to: "c2" },
    ]);
    check(steps, ["a"]);
  });

  it("the reference step order keeps the same heads", () => {
    // Alembic's test walks the steps in its own order; the heads after each must match.
    let heads = ["a"];
    const expected: [string, string[]][] = [
      ["b3", ["b3"]],
      ["b1", ["b1", "b3"]],
      ["b2", ["b1", "b2", "b3"]],
      ["c2", ["c2"]],
      ["d2", ["d2"]],
      ["c1", ["c1", "d2"]],
      ["d1", ["d1", "d2"]],
    ];
    for (const [target, after] of expected) {
      const steps = planUpgrade(map, heads, target);
      assert.equal(steps[steps.length - 1]!.revision.revision, target);
      heads = finalHeads(heads, steps);
      assert.deepEqual(heads, after);
    }
  });

  it("NotQuiteTwinMergeTest", () => {
    const map = graph("a b1<a b2<a b3<a c1<b1,b2 c2<b2,b3 d1<c1 d2<c2");
    let heads = ["a"];
    const expected: [string, string[]][] = [
      ["b2", ["b2"]],
      ["b3", ["b2", "b3"]],
      ["c2", ["c2"]],
      ["d2", ["d2"]],
      ["b1", ["b1", "d2"]],
      ["c1", ["c1", "d2"]],
      ["d1", ["d1", "d2"]],
    ];
    for (const [target, after] of expected) {
      heads = finalHeads(heads, planUpgrade(map, heads, target));
      assert.deepEqual(heads, after, `after ${target}`);
    }
  });
});

describe("plan: dependencies across branches (scenario 26 and DependsOn tests)", () => {
  it("DependsOnBranchTestOne: downgrading a dependency target keeps the dependent head", () => {
    const map = graph("a1@lib1 b1<a1 c1<b1 a2 b2<a2 c2<b2~c1 d1<c1 e1<d1 f1<e1");
    const steps = planDowngrade(map, ["c2", "d1"], "c1");
    assert.deepEqual(stepNames(steps), ["down:d1"]);
    assert.deepEqual(steps[0]!.versionChanges, [{ op: "delete", version: "d1" }]);
    assert.deepEqual(finalHeads(["c2", "d1"], steps), ["c2"]);
  });

  it("DependsOnBranchTestTwo: merges and a cross-merge dependency", () => {
    const map = graph("a1 a2 a3 amerge<a1,a2,a3 b1 b2 bmerge<b1,b2 c1 c2 c3 cmerge<c1,c2,c3 d1~a3,b2,c1");
    assert.deepEqual(down(map, "b2", ["amerge", "bmerge", "cmerge", "d1"]), {
      steps: ["down:bmerge"],
      heads: ["amerge", "b1", "cmerge", "d1"],
    });
    // d1 implied b2; dropping d1 must INSERT b2 back.
    const dropD1 = planDowngrade(map, ["amerge", "d1", "b1", "cmerge"], "d1@base");
    assert.deepEqual(stepNames(dropD1), ["down:d1"]);
    assert.deepEqual(check(dropD1, ["amerge", "d1", "b1", "cmerge"]).heads, ["amerge", "b1", "b2", "cmerge"]);
    const all = check(planDowngrade(map, ["amerge", "b1", "b2", "cmerge"], "base"), ["amerge", "b1", "b2", "cmerge"]);
    assert.deepEqual(all.heads, []);
    assert.deepEqual(
      [...all.steps].sort(),
      ["a1", "a2", "a3", "amerge", "b1", "b2", "c1", "c2", "c3", "cmerge"].map((r) => `down:${r}`).sort(),
    );
  });

  it("DependsOnBranchTestThree: half a merge point comes down (#377)", () => {
    const map = graph("a1 a2<a1 b1 b2<b1~a2 b3<b2 a3<a2~b1");
    assert.deepEqual(down(map, "b1", ["a3", "b2"]), { steps: ["down:b2"], heads: ["a3"] });
  });

  it("DependsOnOwnDownrevTest (#843)", () => {
    const map = mapOf(rev("a1"), rev("a2", "a1", { deps: "a1" }));
    assert.deepEqual(up(map, "a2", []), { steps: ["up:a1", "up:a2"], heads: ["a2"] });
    assert.deepEqual(down(map, "a1", ["a2"]), { steps: ["down:a2"], heads: ["a1"] });
  });

  it("DependsOnBranchTestFour: normalized dependencies (#789)", () => {
    const map = graph("a1 a2<a1 a3<a2 b1 b2<b1~a3 b3<b2 b4<b3~a3");
    assert.deepEqual(down(map, "b3", ["b4"]), { steps: ["down:b4"], heads: ["b3"] });
  });

  it("DependsOnBranchTestFive: merge with a dependency parent (#1373)", () => {
    const map = mapOf(rev("a1"), rev("b1", null, { deps: "a1" }), rev("bmerge", ["a1", "b1"]));
    assert.deepEqual(up(map, "b1", ["a1"]), { steps: ["up:b1"], heads: ["b1"] });
    assert.deepEqual(up(map, "bmerge", ["b1"]), { steps: ["up:bmerge"], heads: ["bmerge"] });
    assert.deepEqual(down(map, "a1", ["bmerge"]), { steps: ["down:bmerge"], heads: ["b1"] });
    assert.deepEqual(down(map, "b1", ["bmerge"]), { steps: ["down:bmerge"], heads: ["b1"] });
  });

  it("DependsOnBranchLabelTest: a dependency given as a label", () => {
    const map = graph("a1@lib1 b1<a1 c1<b1@c1lib a2 b2<a2 c2<b2~c1lib d1<c1 e1<d1 f1<e1");
    assert.deepEqual(up(map, "c2", ["a2"]), { steps: ["up:a1", "up:b1", "up:c1", "up:b2", "up:c2"], heads: ["c2"] });
  });
});

describe("plan: forest (scenario 27)", () => {
  const map = graph("a1 b1<a1 a2 b2<a2");

  it("upgrade heads from base inserts one row per tree", () => {
    const steps = planUpgrade(map, [], "heads");
    assert.deepEqual(stepNames(steps), ["up:a2", "up:b2", "up:a1", "up:b1"]);
    assert.deepEqual(
      steps.map((s) => s.versionChanges),
      [
        [{ op: "insert", version: "a2" }],
        [{ op: "update", from: "a2", to: "b2" }],
        [{ op: "insert", version: "a1" }],
        [{ op: "update", from: "a1", to: "b1" }],
      ],
    );
    assert.deepEqual(check(steps, []).heads, ["b1", "b2"]);
    assert.deepEqual(planUpgrade(map, ["b1", "b2"], "heads"), []);
  });
});

describe("plan: merged path (scenario 24)", () => {
  const map = mapOf(
    rev("a"),
    rev("b", "a"),
    rev("c1", "b"),
    rev("d1", "c1"),
    rev("c2", "b", { labels: "c2branch" }),
    rev("d2", "c2"),
    rev("e", ["d1", "d2"], { doc: "merge d1 and d2" }),
    rev("f", "e"),
  );

  it("upgrade across the merge point: DELETE one parent, UPDATE the other", () => {
    const steps = planUpgrade(map, ["b"], "f");
    assert.deepEqual(stepNames(steps), ["up:c2", "up:d2", "up:c1", "up:d1", "up:e", "up:f"]);
    assert.deepEqual(steps[2]!.versionChanges, [{ op: "insert", version: "c1" }]);
    assert.deepEqual(steps[4]!.versionChanges, [
      { op: "delete", version: "d2" },
      { op: "update", from: "d1", to: "e" },
    ]);
    assert.equal(steps[4]!.description, "upgrade d1, d2 -> e, merge d1 and d2");
    assert.deepEqual(check(steps, ["b"]).heads, ["f"]);
  });

  it("downgrade across the merge point: UPDATE to one parent, INSERT the other", () => {
    const steps = planDowngrade(map, ["f"], "b");
    assert.deepEqual(stepNames(steps), ["down:f", "down:e", "down:d1", "down:c1", "down:d2", "down:c2"]);
    assert.deepEqual(steps[1]!.versionChanges, [
      { op: "insert", version: "d2" },
      { op: "update", from: "e", to: "d1" },
    ]);
    assert.equal(steps[1]!.shortLog, "downgrade e -> d1, d2");
    // c1 leaves the table (d2 still implies b); c2 hands its row down to b.
    assert.deepEqual(steps[3]!.versionChanges, [{ op: "delete", version: "c1" }]);
    assert.deepEqual(steps[5]!.versionChanges, [{ op: "update", from: "c2", to: "b" }]);
    assert.deepEqual(check(steps, ["f"]).heads, ["b"]);
  });
});

describe("plan: cross-dependent branches (scenario 28)", () => {
  const map = graph("a b<a c1<b@c1branch d1<c1 c2<b@c2branch d2<c2~c1");

  it("the dependent branch comes down alone", () => {
    assert.deepEqual(down(map, "c2branch@b", ["d1", "d2"]), { steps: ["down:d2", "down:c2"], heads: ["d1"] });
  });

  it("taking down the depended-on branch takes the dependent revision too", () => {
    const result = down(map, "c1branch@b", ["d1", "d2"]);
    assert.deepEqual([...result.steps].sort(), ["down:c1", "down:d1", "down:d2"]);
    assert.ok(result.steps.indexOf("down:d1") < result.steps.indexOf("down:c1"));
    assert.ok(result.steps.indexOf("down:d2") < result.steps.indexOf("down:c1"));
    assert.deepEqual(result.heads, ["c2"]);
  });
});
