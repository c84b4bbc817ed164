import { after, describe, it } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { history } from "../src/history";
import { planDowngrade } from "../src/plan-downgrade";
import { planUpgrade } from "../src/plan-upgrade";
import { generateRevId } from "../src/rev-id";
import { revisionFileName, slugify, formatCreateDate } from "../src/revision-file-name";
import { ScriptDirectory } from "../src/script-directory";
import { throwsExactly } from "./support/graph-fixtures";

const roots: string[] = [];
after(() => {
  for (const r of roots) fs.rmSync(r, { recursive: true, force: true });
});

function tempScripts(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "autogen-script-"));
  roots.push(dir);
  fs.mkdirSync(path.join(dir, "versions"));
  return dir;
}

interface FileSpec {
  rev: string;
  down?: string | string[] | null;
  labels?: string[];
  deps?: string[];
  message?: string;
  name?: string;
}

/** Writes a revision file in the format of docs/revision-files.md. */
function writeRevision(dir: string, spec: FileSpec): string {
  const lit = (v: string | string[] | null | undefined) => (v === null || v === undefined ? "null" : JSON.stringify(v));
  const message = spec.message ?? `revision ${spec.rev}`;
  const down =
    spec.down === undefined || spec.down === null ? "" : Array.isArray(spec.down) ? spec.down.join(", ") : spec.down;
  const text = `/**
 * ${message}
 *
 * Revision ID: ${spec.rev}
 * Revises: ${down}
 * Create Date: 2026-11-21 10:00:00.000000
 */
import type { Operations } from "autogen";

export const revision = "${spec.rev}";
export const downRevision: string | string[] | null = ${lit(spec.down)};
export const branchLabels: string[] | null = ${lit(spec.labels)};
export const dependsOn: string[] | null = ${lit(spec.deps)};

export async function upgrade(op: Operations): Promise<void> {
  await op.execute("select 1");
}

export async function downgrade(op: Operations): Promise<void> {
  await op.execute("select 2");
}
`;
  const file = path.join(dir, spec.name ?? `${spec.rev}_${slugify(message)}.ts`);
  fs.writeFileSync(file, text);
  return file;
}

// A branched graph with a merge, a label and a dependency; ids chosen so that file-name order differs from creation order.
const GRAPH: FileSpec[] = [
  { rev: "f00000000001", message: "base" },
  { rev: "e00000000002", down: "f00000000001", message: "left" },
  { rev: "d00000000003", down: "f00000000001", message: "right", labels: ["right"] },
  { rev: "c00000000004", down: ["e00000000002", "d00000000003"], message: "merge" },
  { rev: "b00000000005", down: null, message: "second root" },
  { rev: "a00000000006", down: "c00000000004", deps: ["b00000000005"], message: "after merge" },
];

describe("ScriptDirectory.load", () => {
  it("a missing script location is Alembic's error", () => {
    const missing = path.join(os.tmpdir(), "autogen-does-not-exist-xyz");
    throwsExactly(
      () => ScriptDirectory.load({ scriptLocation: missing }),
      `Path doesn't exist: '${missing}'.  Please use the 'init' command to create a new scripts folder.`,
    );
  });

  it("an empty or missing versions folder is an empty graph", () => {
    const dir = tempScripts();
    const sd = ScriptDirectory.load({ scriptLocation: dir });
    assert.deepEqual(sd.map.heads, []);
    assert.deepEqual(sd.versionLocations, [path.join(dir, "versions")]);
    fs.rmSync(path.join(dir, "versions"), { recursive: true });
    assert.deepEqual(ScriptDirectory.load({ scriptLocation: dir }).map.revisions, []);
  });

  it("reads revision files only, in file-name order, preferring .ts over a compiled .js", () => {
    const dir = tempScripts();
    const versions = path.join(dir, "versions");
    for (const spec of GRAPH) writeRevision(versions, spec);
    fs.writeFileSync(path.join(versions, "README.md"), "# not a revision");
    fs.writeFileSync(path.join(versions, "f00000000001_base.d.ts"), "export declare const revision: string;");
    fs.writeFileSync(path.join(versions, ".#f00000000001_base.ts"), "lock file");
    fs.copyFileSync(path.join(versions, "f00000000001_base.ts"), path.join(versions, "f00000000001_base.js"));
    const sd = ScriptDirectory.load({ scriptLocation: dir });
    assert.deepEqual(
      sd.map.revisions.map((r) => r.revision),
      ["a00000000006", "b00000000005", "c00000000004", "d00000000003", "e00000000002", "f00000000001"],
    );
    assert.equal(sd.map.getRevision("f000")!.path, path.join(versions, "f00000000001_base.ts"));
    // The second root is only depended on: a versioned (effective) head, not a real head.
    assert.deepEqual(sd.map.heads, ["a00000000006", "b00000000005"]);
    assert.deepEqual(sd.map.realHeads, ["a00000000006"]);
    assert.deepEqual(sd.map.getRevision("a000")!.dependencies, ["b00000000005"]);
    assert.equal(sd.map.getRevision("right")!.revision, "d00000000003");
  });

  it("a broken file stops the load with its path", () => {
    const dir = tempScripts();
    const versions = path.join(dir, "versions");
    writeRevision(versions, { rev: "aaaa00000001" });
    const bad = path.join(versions, "bbbb_broken.ts");
    fs.writeFileSync(bad, `export const revision = "bbbb00000002";\nexport const downRevision = "aaaa00000001";\n`);
    throwsExactly(
      () => ScriptDirectory.load({ scriptLocation: dir }),
      `Revision file ${bad} has no exported upgrade() function`,
    );
  });

  it("a duplicate id across files is an error; the same folder listed twice is not", () => {
    const dir = tempScripts();
    const versions = path.join(dir, "versions");
    writeRevision(versions, { rev: "aaaa00000001" });
    const twice = ScriptDirectory.load({ scriptLocation: dir, versionLocations: [versions, versions + "/"] });
    assert.equal(twice.map.revisions.length, 1);
    writeRevision(versions, { rev: "aaaa00000001", name: "copy.ts" });
    throwsExactly(
      () => ScriptDirectory.load({ scriptLocation: dir }),
      "Revision aaaa00000001 is present more than once",
    );
  });

  it("large files: the header comes from the top, a header export further down is still found", () => {
    const dir = tempScripts();
    const versions = path.join(dir, "versions");
    const big = writeRevision(versions, { rev: "aaaa00000001", message: "a big one" });
    const body = Array.from({ length: 3000 }, (_, i) => `  await op.execute("insert into t values (${i})");`).join(
      "\n",
    );
    fs.writeFileSync(big, fs.readFileSync(big, "utf8").replace('  await op.execute("select 1");', body));
    assert.ok(fs.statSync(big).size > 64 * 1024);
    const late = path.join(versions, "bbbb_late_exports.ts");
    fs.writeFileSync(
      late,
      `/** exports at the bottom */\nexport async function upgrade(op: unknown) {\n${body}\n}\n` +
        `export const revision = "bbbb00000002";\nexport const downRevision = "aaaa00000001";\nexport const branchLabels = ["late"];\nexport const dependsOn = null;\n`,
    );
    const sd = ScriptDirectory.load({ scriptLocation: dir });
    assert.equal(sd.map.getRevision("aaaa")!.message, "a big one");
    const b = sd.map.getRevision("late")!;
    assert.equal(b.revision, "bbbb00000002");
    assert.equal(b.message, "exports at the bottom");
    assert.deepEqual(sd.map.heads, ["bbbb00000002"]);
  });

  it("recursive version locations read sub-folders after the files", () => {
    const dir = tempScripts();
    const versions = path.join(dir, "versions");
    fs.mkdirSync(path.join(versions, "2026"));
    writeRevision(path.join(versions, "2026"), { rev: "bbbb00000002", down: "aaaa00000001" });
    writeRevision(versions, { rev: "aaaa00000001" });
    assert.equal(ScriptDirectory.load({ scriptLocation: dir }).map.revisions.length, 1);
    const sd = ScriptDirectory.load({ scriptLocation: dir, recursiveVersionLocations: true });
    assert.deepEqual(sd.map.heads, ["bbbb00000002"]);
  });

  it("is deterministic: the same files written in another order give the same history and steps", () => {
    const results = [
      GRAPH,
      [...GRAPH].reverse(),
      [GRAPH[3]!, GRAPH[0]!, GRAPH[5]!, GRAPH[1]!, GRAPH[4]!, GRAPH[2]!],
    ].map((order) => {
      const dir = tempScripts();
      for (const spec of order) writeRevision(path.join(dir, "versions"), spec);
      const sd = ScriptDirectory.load({ scriptLocation: dir });
      const up = planUpgrade(sd.map, [], "heads").map((s) => [s.description, s.versionChanges]);
      const down = planDowngrade(sd.map, sd.map.realHeads, "base").map((s) => [s.description, s.versionChanges]);
      return { history: history(sd.map), up, down, heads: sd.map.heads };
    });
    assert.deepEqual(results[1], results[0]);
    assert.deepEqual(results[2], results[0]);
    assert.deepEqual(results[0]!.history, [
      "c00000000004 (b00000000005) -> a00000000006 (right) (head), after merge",
      "e00000000002, d00000000003 -> c00000000004 (right) (mergepoint), merge",
      "f00000000001 -> e00000000002, left",
      "f00000000001 -> d00000000003 (right), right",
      "<base> -> b00000000005 (effective head), second root",
      "<base> -> f00000000001 (branchpoint), base",
    ]);
  });
});

describe("revision ids and file names", () => {
  it("generateRevId gives 12 lowercase hex characters, different each time", () => {
    const ids = new Set(Array.from({ length: 200 }, () => generateRevId()));
    assert.equal(ids.size, 200);
    for (const id of ids) assert.match(id, /^[0-9a-f]{12}$/);
  });

  it("slugs: words joined by _, lower case, cut at 40 on a _ boundary", () => {
    assert.equal(slugify("Add overdrawn column"), "add_overdrawn_column");
    assert.equal(slugify("add `accounts.email` (unique)!"), "add_accounts_email_unique");
    assert.equal(slugify(null), "");
    assert.equal(slugify("Ümlaut straße"), "ümlaut_straße");
    const long = "this is a rather long message that goes past forty characters";
    assert.equal(slugify(long), "this_is_a_rather_long_message_that_goes_");
    assert.equal(slugify(long, 10), "this_is_a_");
    assert.equal(slugify("abcdefghijklmnop", 5), "abcde_");
  });

  it("file templates with date tokens", () => {
    const date = new Date(2026, 10, 21, 9, 5, 7);
    assert.equal(
      revisionFileName({ revId: "44fa7043e441", message: "add overdrawn column", date }),
      "44fa7043e441_add_overdrawn_column",
    );
    assert.equal(
      revisionFileName({
        template: "%(year)d_%(month).2d_%(day).2d_%(hour).2d%(minute).2d-%(rev)s_%(slug)s",
        revId: "44fa7043e441",
        message: "x y",
        date,
      }),
      "2026_11_21_0905-44fa7043e441_x_y",
    );
    assert.equal(
      revisionFileName({ template: "%(epoch)s_%(second)02d", revId: "r", message: "m", date }),
      `${Math.floor(date.getTime() / 1000)}_07`,
    );
    throwsExactly(
      () => revisionFileName({ template: "%(nope)s", revId: "r", message: "m", date }),
      "Unknown token 'nope' in file_template; use rev, slug, epoch, year, month, day, hour, minute or second",
    );
    assert.equal(formatCreateDate(new Date(2026, 10, 21, 10, 0, 0, 123)), "2026-11-21 10:00:00.123000");
  });

  it("revisionPath puts the file in the version location", () => {
    const dir = tempScripts();
    const sd = ScriptDirectory.load({ scriptLocation: dir, truncateSlugLength: 8 });
    const p = sd.revisionPath({ revId: "44fa7043e441", message: "add overdrawn column", date: new Date() });
    assert.equal(p, path.join(dir, "versions", "44fa7043e441_add_.ts"));
  });
});

describe("ScriptDirectory.planNewRevision (scenarios 29, 30)", () => {
  function linearDir(): { dir: string; sd: () => ScriptDirectory } {
    const dir = tempScripts();
    const versions = path.join(dir, "versions");
    writeRevision(versions, { rev: "aaaa00000001" });
    writeRevision(versions, { rev: "bbbb00000002", down: "aaaa00000001", labels: ["feature"] });
    return { dir, sd: () => ScriptDirectory.load({ scriptLocation: dir }) };
  }

  it("a new revision goes on the head", () => {
    const { dir, sd } = linearDir();
    assert.deepEqual(sd().planNewRevision({ revId: "cccc00000003" }), {
      revId: "cccc00000003",
      downRevision: "bbbb00000002",
      dependsOn: null,
      branchLabels: null,
      versionPath: path.join(dir, "versions"),
    });
    assert.match(sd().planNewRevision().revId, /^[0-9a-f]{12}$/);
    assert.equal(
      ScriptDirectory.load({ scriptLocation: tempScripts() }).planNewRevision({ revId: "x1" }).downRevision,
      null,
    );
  });

  it("several heads need --head or a merge; after the merge a plain revision works", () => {
    const { dir, sd } = linearDir();
    writeRevision(path.join(dir, "versions"), { rev: "cccc00000003", down: "aaaa00000001" });
    throwsExactly(
      () => sd().planNewRevision(),
      "Multiple heads are present; please specify the head revision on which the new revision should be based, or perform a merge.",
    );
    assert.equal(sd().planNewRevision({ head: "cccc" }).downRevision, "cccc00000003");
    const merge = sd().planMerge(["heads"], { revId: "dddd00000004" });
    assert.deepEqual(merge.downRevision, ["bbbb00000002", "cccc00000003"]);
    writeRevision(path.join(dir, "versions"), { rev: "dddd00000004", down: merge.downRevision });
    assert.equal(sd().planNewRevision().downRevision, "dddd00000004");
  });

  it("a non-head parent needs --splice", () => {
    const { sd } = linearDir();
    throwsExactly(
      () => sd().planNewRevision({ head: "aaaa" }),
      "Revision aaaa00000001 is not a head revision; please specify --splice to create a new branch from this revision",
    );
    assert.equal(sd().planNewRevision({ head: "aaaa", splice: true }).downRevision, "aaaa00000001");
    throwsExactly(
      () => sd().planMerge(["aaaa", "bbbb"]),
      "Revision aaaa00000001 is not a head revision; please specify --splice to create a new branch from this revision",
    );
  });

  it("--head=base starts a new root; duplicate heads are rejected", () => {
    const { sd } = linearDir();
    assert.equal(sd().planNewRevision({ head: "base" }).downRevision, null);
    throwsExactly(() => sd().planNewRevision({ head: ["bbbb", "bbbb00000002"] }), "Duplicate head revisions specified");
  });

  it("rev ids: illegal characters and duplicates", () => {
    const { sd } = linearDir();
    throwsExactly(
      () => sd().planNewRevision({ revId: "no-way@here" }),
      "Character(s) '-, @' not allowed in revision identifier 'no-way@here'",
    );
    throwsExactly(
      () => sd().planNewRevision({ revId: "../../evil" }),
      "Revision id '../../evil' is not allowed: use 1 to 32 letters, digits or '_' (the id names the revision file and is stored in the version table)",
    );
    assert.throws(() => sd().planNewRevision({ revId: "x".repeat(33) }), /is not allowed/);
    assert.throws(() => sd().revisionPath({ revId: "a/b", message: null, date: new Date() }), /is not allowed/);
    throwsExactly(
      () => sd().planNewRevision({ revId: "aaaa00000001" }),
      "Revision aaaa00000001 is present more than once",
    );
    throwsExactly(
      () => sd().planNewRevision({ revId: "feature" }),
      "Revision id feature is already a branch label of revision bbbb00000002",
    );
  });

  it("dependsOn: partial ids become full ids, labels stay labels, unknown ones fail", () => {
    const { sd } = linearDir();
    assert.deepEqual(sd().planNewRevision({ dependsOn: ["aaaa"], head: "base" }).dependsOn, ["aaaa00000001"]);
    assert.deepEqual(sd().planNewRevision({ dependsOn: ["feature"], head: "base" }).dependsOn, ["feature"]);
    throwsExactly(
      () => sd().planNewRevision({ dependsOn: ["invalid"] }),
      "Can't locate revision identified by 'invalid'",
    );
  });

  it("branch labels must be new", () => {
    const { sd } = linearDir();
    assert.deepEqual(sd().planNewRevision({ branchLabels: ["other"] }).branchLabels, ["other"]);
    throwsExactly(
      () => sd().planNewRevision({ revId: "cccc00000003", branchLabels: ["feature"] }),
      "Branch name 'feature' in revision cccc00000003 already used by revision bbbb00000002",
    );
  });

  it("several version locations: the head's location, else --version-path", () => {
    const dir = tempScripts();
    const model1 = path.join(dir, "model1");
    const model2 = path.join(dir, "model2");
    fs.mkdirSync(model1);
    fs.mkdirSync(model2);
    const load = () => ScriptDirectory.load({ scriptLocation: dir, versionLocations: [model1, model2] });
    throwsExactly(
      () => load().planNewRevision({ head: "base" }),
      "Multiple version locations present, please specify --version-path",
    );
    throwsExactly(
      () => load().planNewRevision({ head: "base", versionPath: path.join(dir, "elsewhere") }),
      `Path ${path.join(dir, "elsewhere")} is not represented in current version locations`,
    );
    const first = load().planNewRevision({ head: "base", versionPath: model2, revId: "aaaa00000001" });
    assert.equal(first.versionPath, model2);
    writeRevision(model2, { rev: "aaaa00000001" });
    assert.equal(load().planNewRevision().versionPath, model2);
    assert.equal(load().planNewRevision({ versionPath: model1 }).versionPath, model1);
  });
});
