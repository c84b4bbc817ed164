import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { branchesLines, currentLines, headsLines, history, showEntries } from "../src/history";
import { formatHistoryLine, formatLogEntry } from "../src/revision-format";
import { parseRange } from "../src/parse-range";
import { mapOf, rev, throwsExactly } from "./support/graph-fixtures";

const doc = (message: string, id: string, revises: string) =>
  `${message}\n\nRevision ID: ${id}\nRevises: ${revises}\nCreate Date: 2026-11-21 10:00:00.000000`;
const three = mapOf(
  rev("a", null, { doc: doc("first", "a", "") }),
  rev("b", "a", { doc: doc("second", "b", "a") }),
  rev("c", "b", { doc: doc("third", "c", "b") }),
);
const names = (lines: string[]) => lines.map((l) => l.split(" -> ")[1]!.split(/[ ,]/)[0]!);

describe("history ranges (scenario 32)", () => {
  it("full history is newest first", () => {
    assert.deepEqual(history(three), ["b -> c (head), third", "a -> b, second", "<base> -> a, first"]);
  });

  it("a:b, :b, a:, a:+2, -2:c, -5:c", () => {
    assert.deepEqual(names(history(three, { range: "a:b" })), ["b", "a"]);
    assert.deepEqual(names(history(three, { range: ":b" })), ["b", "a"]);
    assert.deepEqual(names(history(three, { range: "a:" })), ["c", "b", "a"]);
    assert.deepEqual(names(history(three, { range: "a:+2" })), ["c", "b", "a"]);
    assert.deepEqual(names(history(three, { range: "-2:c" })), ["c", "b", "a"]);
    assert.deepEqual(names(history(three, { range: "-5:c" })), ["c", "b", "a"]);
    assert.deepEqual(names(history(three, { range: "-3:c" })), ["c", "b", "a"]);
  });

  it("current: from the stamped revision, or from base", () => {
    assert.deepEqual(names(history(three, { range: "current:", currentHeads: ["b"] })), ["c", "b"]);
    assert.deepEqual(names(history(three, { range: "current:", currentHeads: [] })), ["c", "b", "a"]);
    assert.deepEqual(names(history(three, { range: ":current", currentHeads: ["b"] })), ["b", "a"]);
    throwsExactly(
      () => history(three, { range: "current:" }),
      "history needs the database's current heads for 'current'",
    );
  });

  it("indicate current marks the database heads", () => {
    assert.deepEqual(history(three, { indicateCurrent: true, currentHeads: ["b"] }), [
      "b -> c (head), third",
      "a -> b (current), second",
      "<base> -> a, first",
    ]);
    const verbose = history(three, { indicateCurrent: true, currentHeads: ["b"], verbose: true });
    assert.ok(verbose[1]!.startsWith("Rev: b (current)\n"));
  });

  it("range errors", () => {
    throwsExactly(() => history(three, { range: "abc" }), "History range requires [start]:[end], [start]:, or :[end]");
    throwsExactly(
      () => history(three, { range: "c:a" }),
      "Requested range c:a does not refer to ancestor/descendant revisions along the same branch",
    );
    throwsExactly(() => history(three, { range: "zzzz:" }), "Can't locate revision identified by 'zzzz'");
  });

  it("parseRange", () => {
    assert.deepEqual(parseRange("a:b"), { from: "a", to: "b" });
    assert.deepEqual(parseRange(":b"), { from: null, to: "b" });
    assert.deepEqual(parseRange("base:"), { from: "base", to: null });
    throwsExactly(() => parseRange("a:b:c"), "History range requires [start]:[end], [start]:, or :[end]");
  });
});

describe("output formats (as Alembic's history command prints them)", () => {
  const map = mapOf(
    rev("1975ea83b712", null, {
      doc: "create account table",
      path: "/m/versions/1975ea83b712_create_account_table.ts",
    }),
    rev("ae1027a6acf0", "1975ea83b712", { doc: "add a column", labels: "feature" }),
    rev("27c6a30d7c24", "1975ea83b712", { doc: "add other" }),
    rev("3cac04ae8714", ["ae1027a6acf0", "27c6a30d7c24"], { doc: "merge" }),
    rev("lib0000000a1"),
    rev("dd00000000d1", "3cac04ae8714", { deps: ["lib0000000a1"], doc: "uses lib" }),
  );

  it("history lines with labels, branch point, merge point, dependencies and effective head", () => {
    assert.deepEqual(history(map), [
      // A label propagates to every descendant, so the merge and what follows carry it too.
      "3cac04ae8714 (lib0000000a1) -> dd00000000d1 (feature) (head), uses lib",
      "ae1027a6acf0, 27c6a30d7c24 -> 3cac04ae8714 (feature) (mergepoint), merge",
      "1975ea83b712 -> ae1027a6acf0 (feature), add a column",
      "1975ea83b712 -> 27c6a30d7c24, add other",
      "<base> -> lib0000000a1 (effective head), lib0000000a1",
      "<base> -> 1975ea83b712 (branchpoint), create account table",
    ]);
    assert.equal(
      formatHistoryLine(map.getRevision("1975")!, { current: true, map }),
      "<base> -> 1975ea83b712 (current) (branchpoint), create account table",
    );
  });

  it("verbose log entries", () => {
    assert.equal(
      formatLogEntry(map.getRevision("1975")!, { map }),
      "Rev: 1975ea83b712 (branchpoint)\nParent: <base>\nBranches into: ae1027a6acf0, 27c6a30d7c24\n" +
        "Path: /m/versions/1975ea83b712_create_account_table.ts\n\n    create account table\n",
    );
    assert.equal(
      formatLogEntry(map.getRevision("3cac")!, { map }),
      "Rev: 3cac04ae8714 (mergepoint)\nMerges: ae1027a6acf0, 27c6a30d7c24\nBranch names: feature\nPath: /versions/3cac04ae8714.ts\n\n    merge\n",
    );
    assert.equal(
      formatLogEntry(map.getRevision("dd00")!, { map, current: true }),
      "Rev: dd00000000d1 (head) (current)\nParent: 3cac04ae8714\nAlso depends on: lib0000000a1\nBranch names: feature\nPath: /versions/dd00000000d1.ts\n\n    uses lib\n",
    );
    assert.equal(
      formatLogEntry(map.getRevision("ae10")!, { map }),
      "Rev: ae1027a6acf0\nParent: 1975ea83b712\nBranch names: feature\nPath: /versions/ae1027a6acf0.ts\n\n    add a column\n",
    );
    const multi = mapOf(rev("a", null, { doc: "first line\n\nRevision ID: a\nRevises: " }));
    assert.equal(
      formatLogEntry(multi.getRevision("a")!),
      "Rev: a (head)\nParent: <base>\nPath: /versions/a.ts\n\n    first line\n    \n    Revision ID: a\n    Revises:\n",
    );
  });

  it("heads: versioned heads with (effective head); --resolve-dependencies gives real heads", () => {
    assert.deepEqual(headsLines(map), ["lib0000000a1 (effective head)", "dd00000000d1 (feature) (head)"]);
    assert.deepEqual(headsLines(map, { resolveDependencies: true }), ["dd00000000d1 (feature) (head)"]);
    const labeled = mapOf(rev("a"), rev("b1", "a", { labels: "one" }), rev("b2", "a"));
    assert.deepEqual(headsLines(labeled), ["b1 (one) (head)", "b2 (head)"]);
    assert.ok(headsLines(labeled, { verbose: true })[0]!.startsWith("Rev: b1 (head)\nParent: a\nBranch names: one\n"));
  });

  it("branches: each branch point with its children", () => {
    assert.deepEqual(branchesLines(map), [
      "1975ea83b712 (branchpoint)\n             -> ae1027a6acf0 (feature)\n             -> 27c6a30d7c24\n",
    ]);
    assert.deepEqual(branchesLines(map, { verbose: true }), [
      formatLogEntry(map.getRevision("1975")!) +
        "\n             -> ae1027a6acf0 (feature), add a column\n             -> 27c6a30d7c24, add other\n",
    ]);
  });

  it("current: database heads plus effective heads", () => {
    assert.deepEqual(currentLines(map, ["dd00000000d1"]), ["lib0000000a1 (effective head)", "dd00000000d1 (head)"]);
    assert.deepEqual(currentLines(map, ["ae1027a6acf0", "27c6a30d7c24"]), ["ae1027a6acf0", "27c6a30d7c24"]);
    assert.deepEqual(currentLines(map, []), []);
  });

  it("show: log entries for a symbol, or for current", () => {
    assert.deepEqual(showEntries(map, "ae10"), [formatLogEntry(map.getRevision("ae10")!)]);
    assert.deepEqual(showEntries(map, "current", { currentHeads: ["27c6a30d7c24"] }), [
      formatLogEntry(map.getRevision("27c6")!),
    ]);
    throwsExactly(() => showEntries(map, "nope"), "Can't locate revision identified by 'nope'");
  });
});
