import { test } from "node:test";
import assert from "node:assert/strict";
import { RevisionMap, type RevisionHeader } from "@autogen/script";
import { classifyUnfinished, partlyAppliedMessage } from "../src/unfinished-runs";
import type { UnfinishedRun } from "../src/revisions-table";

const header = (revision: string, down: string | string[] | null, doc: string): RevisionHeader => ({
  revision,
  downRevision: down,
  branchLabels: null,
  dependsOn: null,
  path: `/v/${revision}.ts`,
  doc,
  message: doc,
  createDate: null,
});

// a <- b <- c, and a <- x (a second branch).
const map = new RevisionMap([
  header("aaaa00000001", null, "one"),
  header("bbbb00000002", "aaaa00000001", "two"),
  header("cccc00000003", "bbbb00000002", "three"),
  header("xxxx00000009", "aaaa00000001", "side"),
]);
const run = (revision: string, operation: UnfinishedRun["operation"]): UnfinishedRun => ({
  revision,
  operation,
  startedAt: "2026-11-21 10:00:00 UTC",
});

test("a run whose version-table change happened is only a stale row; one that did not is partly applied", () => {
  const heads = ["bbbb00000002"];
  // Killed after b's version change: b is applied, only its row says running.
  assert.deepEqual(classifyUnfinished(map, heads, [run("bbbb00000002", "upgrade")]), {
    stale: [run("bbbb00000002", "upgrade")],
    partial: [],
  });
  // Killed inside c's upgrade, inside b's downgrade: partly applied.
  assert.deepEqual(classifyUnfinished(map, heads, [run("cccc00000003", "upgrade"), run("bbbb00000002", "downgrade")]), {
    stale: [],
    partial: [run("cccc00000003", "upgrade"), run("bbbb00000002", "downgrade")],
  });
  // Killed after c's downgrade changed the version table: stale.
  assert.deepEqual(classifyUnfinished(map, heads, [run("cccc00000003", "downgrade")]).stale.length, 1);
  // A revision the script no longer has is never taken as done.
  assert.deepEqual(classifyUnfinished(map, heads, [run("dddd00000004", "upgrade")]).partial.length, 1);
});

test("the message names the revision and both ways out, each ending with a stamp", () => {
  assert.equal(
    partlyAppliedMessage(map, ["bbbb00000002", "xxxx00000009"], run("cccc00000003", "upgrade")),
    "Revision cccc00000003 (three) is partly applied: its upgrade started at 2026-11-21 10:00:00 UTC and did not finish, " +
      "and the version table says bbbb00000002 xxxx00000009; finish the upgrade by hand and run 'autogen stamp cccc00000003 xxxx00000009', " +
      "or undo what it made and run 'autogen stamp bbbb00000002 xxxx00000009'",
  );
  assert.equal(
    partlyAppliedMessage(map, ["aaaa00000001"], run("aaaa00000001", "downgrade")),
    "Revision aaaa00000001 (one) is partly downgraded: its downgrade started at 2026-11-21 10:00:00 UTC and did not finish, " +
      "and the version table says aaaa00000001; finish the downgrade by hand and run 'autogen stamp base', " +
      "or redo what it undid and run 'autogen stamp aaaa00000001'",
  );
});
