/*
 * `--format json` of history, heads, show and current through the bin: each document is parsed
 * and its fields checked; `current` reads the database on each dialect; errors stay one line on
 * stderr with the usual exit codes and nothing on stdout.
 */
import * as assert from "node:assert/strict";
import { test } from "node:test";
import { dialectsUnderTest, useDatabase } from "@autogen/dialects/testing";
import { describe, type CliResult } from "./helpers/cli-process";
import { createProject, writeOps, CREATE_ACCOUNT, DROP_ACCOUNT } from "./helpers/project";

/** The parsed stdout of a successful run. */
function json(r: CliResult): Record<string, any> {
  assert.equal(r.status, 0, describe(r));
  assert.equal(r.stderr, "", describe(r));
  assert.ok(r.stdout.endsWith("}\n"), r.stdout);
  return JSON.parse(r.stdout) as Record<string, any>;
}

const REVISION_FIELDS = [
  "revision",
  "downRevisions",
  "dependsOn",
  "branchLabels",
  "message",
  "doc",
  "createDate",
  "path",
  "isHead",
  "isBranchPoint",
  "isMergePoint",
];

for (const dialect of dialectsUnderTest()) {
  test(`${dialect}: history, heads, show and current --format json`, async (t) => {
    const db = await useDatabase(t, dialect);
    if (!db) return;
    const p = await createProject(t, db, { hooks: false });
    const a = await p.revision("create account", ["--branch-label", "core"]);
    writeOps(a.path, CREATE_ACCOUNT, DROP_ACCOUNT);
    const b = await p.revision("second step");
    const c = await p.revision("side branch", ["--head", a.id, "--splice", "--depends-on", b.id]);

    const history = json(await p.cli(["history", "--format", "json"]));
    assert.deepEqual(
      history.revisions.map((r: any) => r.revision),
      [c.id, b.id, a.id],
    );
    assert.equal(history.currentHeads, null);
    for (const r of history.revisions) assert.deepEqual(Object.keys(r), REVISION_FIELDS);
    const [jc, jb, ja] = history.revisions;
    assert.deepEqual(ja.downRevisions, []);
    assert.deepEqual(ja.branchLabels, ["core"]);
    assert.equal(ja.message, "create account");
    assert.equal(ja.path, a.path);
    assert.equal(ja.isBranchPoint, true);
    assert.equal(ja.isHead, false);
    assert.match(ja.createDate, /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d/);
    assert.deepEqual(jb.downRevisions, [a.id]);
    assert.deepEqual(jc.dependsOn, [b.id]);
    // b is depended on by c: a head for `heads`, though not a real one (the text says "effective head").
    assert.equal(jb.isHead, true);

    const heads = json(await p.cli(["heads", "--format", "json"]));
    assert.deepEqual(heads.heads.map((r: any) => r.revision).sort(), [b.id, c.id].sort());
    const realHeads = json(await p.cli(["heads", "--resolve-dependencies", "--format", "json"]));
    assert.deepEqual(
      realHeads.heads.map((r: any) => r.revision),
      [c.id],
    );

    const show = json(await p.cli(["show", a.id.slice(0, 6), "--format", "json"]));
    assert.deepEqual(
      show.revisions.map((r: any) => r.revision),
      [a.id],
    );
    assert.equal(show.revisions[0].doc.split("\n")[0], "create account");

    // current: nothing applied, then a's branch.
    const empty = json(await p.cli(["current", "--format", "json"]));
    assert.deepEqual(empty.currentHeads, []);
    assert.deepEqual(empty.current, []);
    assert.equal((await p.cli(["upgrade", a.id])).status, 0);
    const current = json(await p.cli(["current", "--format", "json", "-q"]));
    assert.deepEqual(current.currentHeads, [a.id]);
    assert.deepEqual(
      current.current.map((r: any) => r.revision),
      [a.id],
    );
    assert.equal(typeof current.database, "string");
    assert.ok(current.database.length > 0);
    const indicated = json(await p.cli(["history", "-i", "--format", "json"]));
    assert.deepEqual(indicated.currentHeads, [a.id]);
    const showCurrent = json(await p.cli(["show", "current", "--format", "json"]));
    assert.deepEqual(
      showCurrent.revisions.map((r: any) => r.revision),
      [a.id],
    );

    // Errors: one line on stderr, nothing on stdout, the usual statuses.
    for (const [args, status, message] of [
      [["show", "ffffffffffff", "--format", "json"], 2, /Can't locate revision identified by 'ffffffffffff'/],
      [["history", "-r", "nope:", "--format", "json"], 2, /nope/],
      [["heads", "--format", "yaml"], 2, /yaml/],
      [["current", "--check-heads", "--format", "json"], 2, /not on all head revisions/],
    ] as const) {
      const r = await p.cli(args);
      assert.equal(r.status, status, `${args.join(" ")}: ${describe(r)}`);
      assert.equal(r.stdout, "", `${args.join(" ")}: ${describe(r)}`);
      assert.equal(r.errorLines.length, 1, `${args.join(" ")}: ${describe(r)}`);
      assert.match(r.errorLines[0]!, message);
    }
  });
}

test("current --format json against an unreachable database: exit 3, one line, password masked", async (t) => {
  const db = await useDatabase(t, "sqlite");
  if (!db) return;
  const p = await createProject(t, db, { hooks: false });
  const r = await p.cli(["current", "--format", "json"], {
    env: { DATABASE_URL: "postgres://u:secret@127.0.0.1:1/x" },
  });
  assert.equal(r.status, 3, describe(r));
  assert.equal(r.stdout, "");
  assert.equal(r.errorLines.length, 1);
  assert.doesNotMatch(r.stderr, /secret/);
});
