/*
 * What `revision` does on disk, as a new user meets it: the id given with --rev-id names a file
 * inside the version location or is refused. No database is involved (the config's URL is never
 * used by a plain `revision`).
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { type TestContext, test } from "node:test";
import { assertFailure, runCli } from "./helpers/cli-process";
import { tempDir } from "@autogen/dialects/testing";

/** A project folder with a config and an empty versions/ folder; returns the folder. */
function project(t: TestContext): string {
  const dir = tempDir("e2e-files");
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  fs.writeFileSync(
    path.join(dir, "autogen.config.ts"),
    `export default { scriptLocation: "m", url: "sqlite:///app.db", postWriteHooks: [] };\n`,
  );
  fs.mkdirSync(path.join(dir, "m", "versions"), { recursive: true });
  return dir;
}

/** Every file under `dir`, relative, sorted. */
function tree(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[]).sort();
}

test("--rev-id that is not a plain name is refused with exit 2 and writes nothing", async (t) => {
  const dir = project(t);
  const cli = (...args: string[]) => runCli(args, { cwd: dir });
  const before = tree(dir);
  for (const id of ["../../evil", "sub/dir", "..", "a b", "x".repeat(33)]) {
    const quoted = id.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
    assertFailure(await cli("revision", "-m", "evil", "--rev-id", id), 2, new RegExp(`Revision id '${quoted}'`));
    assertFailure(await cli("merge", "heads", "-m", "evil", "--rev-id", id), 2, new RegExp(`Revision id '${quoted}'`));
  }
  assert.deepEqual(tree(dir), before, "no file written, inside or outside versions/");
  // Letters, digits and '_' up to 32 characters are fine.
  const ok = await cli("revision", "-m", "fine", "--rev-id", "0001_Initial");
  assert.equal(ok.status, 0, ok.stderr);
  assert.deepEqual(fs.readdirSync(path.join(dir, "m", "versions")), ["0001_Initial_fine.ts"]);
});

test("a file-system problem is a user error (exit 2), and nothing says 'done' before the file exists", async (t) => {
  const dir = project(t);
  const cli = (...args: string[]) => runCli(args, { cwd: dir });
  const versions = path.join(dir, "m", "versions");

  // The revision file's path is taken by a folder: the write itself fails.
  fs.mkdirSync(path.join(versions, "0001_blocked.ts"));
  const blocked = await cli("revision", "-m", "blocked", "--rev-id", "0001");
  assertFailure(blocked, 2, /Could not write revision file .*0001_blocked\.ts: EISDIR/);
  assert.doesNotMatch(blocked.stdout, /Generating/);

  // versions/ is a file.
  fs.rmSync(versions, { recursive: true });
  fs.writeFileSync(versions, "not a folder\n");
  const notDir = await cli("revision", "-m", "x");
  assertFailure(notDir, 2, /Version location .*versions is not a directory/);
  assert.doesNotMatch(notDir.stdout, /Generating/);
  assertFailure(await cli("heads"), 2, /Version location .*versions is not a directory/);

  // The script location is a file: nothing to list, and the write says why.
  fs.rmSync(path.join(dir, "m"), { recursive: true });
  fs.writeFileSync(path.join(dir, "m"), "not a folder\n");
  assertFailure(await cli("revision", "-m", "x"), 2, /Could not write revision file .*: ENOTDIR/);

  // `init` into a path below a file.
  const init = await cli("init", "m/sub");
  assertFailure(init, 2, /Could not create directory .*m\/sub: ENOTDIR: not a directory$/);
  assert.doesNotMatch(init.stdout, /done/);
  assert.equal(fs.readFileSync(path.join(dir, "m"), "utf8"), "not a folder\n");
});

test("a message holding '*/' is shown as written by history, show and the 'Running upgrade' line", async (t) => {
  const dir = project(t);
  const cli = (...args: string[]) => runCli(args, { cwd: dir });
  const message = String.raw`drop /* legacy */ columns, keep *\/ as is`;
  const made = await cli("revision", "-m", message, "--rev-id", "0001");
  assert.equal(made.status, 0, made.stderr);
  const file = path.join(dir, "m", "versions", fs.readdirSync(path.join(dir, "m", "versions"))[0]!);
  // The header comment stays one comment: the file still loads, and upgrade runs it.
  assert.match(fs.readFileSync(file, "utf8"), /^ \* drop \/\* legacy \*\\\/ columns, keep \*\\\\\/ as is$/m);
  assert.equal((await cli("history")).stdout, `<base> -> 0001 (head), ${message}\n`);
  assert.match((await cli("show", "0001")).stdout, new RegExp(`^    ${message.replace(/[*\\/]/g, "\\$&")}$`, "m"));
  const up = await cli("upgrade", "head");
  assert.equal(up.status, 0, up.stderr);
  assert.equal(up.stdout, `Running upgrade  -> 0001, ${message}\n`);
});
