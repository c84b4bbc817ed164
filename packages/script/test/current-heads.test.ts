import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { assertUpToDate, isUpToDate, startingHeads } from "../src/current-heads";
import { planUpgrade } from "../src/plan-upgrade";
import { mapOf, rev, throwsExactly } from "./support/graph-fixtures";

describe("current heads helpers", () => {
  const map = mapOf(
    rev("aaaa00000001"),
    rev("bbbb00000002", "aaaa00000001", { labels: "lbl" }),
    rev("cccc00000003", "aaaa00000001"),
  );

  it("startingHeads resolves the FROM of FROM:TO", () => {
    assert.deepEqual(startingHeads(map, null), []);
    assert.deepEqual(startingHeads(map, "base"), []);
    assert.deepEqual(startingHeads(map, "bbbb"), ["bbbb00000002"]);
    assert.deepEqual(startingHeads(map, "lbl"), ["bbbb00000002"]);
    // An offline run from a start revision plans from there.
    assert.deepEqual(
      planUpgrade(map, startingHeads(map, "aaaa"), "cccc00000003").map((s) => s.shortLog),
      ["upgrade aaaa00000001 -> cccc00000003"],
    );
    throwsExactly(() => startingHeads(map, "zzzz"), "Can't locate revision identified by 'zzzz'");
  });

  it("isUpToDate compares the table with the heads (autogenerate's check)", () => {
    assert.equal(isUpToDate(map, ["bbbb00000002", "cccc00000003"]), true);
    assert.equal(isUpToDate(map, ["cccc00000003", "bbbb00000002"]), true);
    assert.equal(isUpToDate(map, ["bbbb00000002"]), false);
    assert.equal(isUpToDate(map, []), false);
    throwsExactly(() => assertUpToDate(map, ["aaaa00000001"]), "Target database is not up to date.");
    assert.equal(isUpToDate(mapOf(), []), true);
  });
});
