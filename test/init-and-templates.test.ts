/*
 * `init`, `list-templates`, environments (`-n`) and `edit` through the autogen bin: no
 * database needed.
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { type TestContext, test } from "node:test";
import { describe, runCli } from "./helpers/cli-process";
import { generatedRevision } from "./helpers/project";
import { tempDir } from "@autogen/dialects/testing";

function emptyDir(t: TestContext): string {
  const dir = tempDir("e2e-init");
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

test("list-templates prints each template with the first line of its README", async (t) => {
  const r = await runCli(["list-templates"], { cwd: emptyDir(t) });
  assert.equal(r.status, 0, describe(r));
  const lines = r.stdout.split("\n");
  assert.ok(lines.includes("generic - Generic single-database configuration."), r.stdout);
  assert.ok(
    lines.includes("multidb - Multi-database configuration: one environment per database, selected with --name."),
    r.stdout,
  );
});

test("init writes the scripts folder and a config in the working directory", async (t) => {
  const dir = emptyDir(t);
  const r = await runCli(["init", "migrations"], { cwd: dir });
  assert.equal(r.status, 0, describe(r));
  assert.match(r.stdout, /Creating directory .*migrations\/versions \.\.\.  done/);
  assert.ok(fs.statSync(path.join(dir, "migrations", "versions")).isDirectory());
  assert.ok(fs.existsSync(path.join(dir, "migrations", "README")));
  const config = fs.readFileSync(path.join(dir, "autogen.config.ts"), "utf8");
  assert.match(config, /import \{ defineConfig \} from "autogen";/);
  assert.match(config, /scriptLocation: "migrations"/);
  // The generated config loads as is: graph commands work at once.
  const heads = await runCli(["heads"], { cwd: dir });
  assert.equal(heads.status, 0, describe(heads));
  assert.equal(heads.stdout, "");

  const again = await runCli(["init", "migrations"], { cwd: dir });
  assert.equal(again.status, 2, describe(again));
  assert.deepEqual(again.errorLines, [
    `FAILED: Directory ${path.join(dir, "migrations")} already exists and is not empty`,
  ]);
  const unknown = await runCli(["init", "elsewhere", "-t", "nosuch"], { cwd: dir });
  assert.equal(unknown.status, 2, describe(unknown));
  assert.deepEqual(unknown.errorLines, ["FAILED: No such template 'nosuch'"]);
  assert.ok(!fs.existsSync(path.join(dir, "elsewhere")));
});

test("the multidb template selects a database with -n", async (t) => {
  const dir = emptyDir(t);
  assert.equal((await runCli(["init", "-t", "multidb", "dbs"], { cwd: dir })).status, 0);
  const primary = await runCli(["-n", "primary", "revision", "-m", "first primary"], { cwd: dir });
  assert.equal(primary.status, 0, describe(primary));
  assert.equal(path.dirname(generatedRevision(primary).path), path.join(dir, "dbs", "primary", "versions"));
  const secondary = await runCli(["revision", "-m", "first secondary", "--name", "secondary"], { cwd: dir });
  assert.equal(secondary.status, 0, describe(secondary));
  assert.equal(path.dirname(generatedRevision(secondary).path), path.join(dir, "dbs", "secondary", "versions"));
  assert.equal((await runCli(["-n", "secondary", "heads"], { cwd: dir })).stdout.split("\n").filter(Boolean).length, 1);
  const bad = await runCli(["-n", "tertiary", "heads"], { cwd: dir });
  assert.equal(bad.status, 2, describe(bad));
  assert.equal(bad.errorLines.length, 1);
  assert.match(bad.errorLines[0]!, /No environment named 'tertiary'.*primary, secondary/);
});

test("edit opens the revision file in $EDITOR", async (t) => {
  const dir = emptyDir(t);
  assert.equal((await runCli(["init", "migrations"], { cwd: dir })).status, 0);
  const rev = generatedRevision(await runCli(["revision", "-m", "to edit"], { cwd: dir }));
  const editor = path.join(dir, "fake-editor.sh");
  const record = path.join(dir, "edited.txt");
  fs.writeFileSync(editor, `#!/bin/sh\necho "$1" >> "${record}"\n`, { mode: 0o755 });
  const r = await runCli(["edit", rev.id.slice(0, 5)], { cwd: dir, env: { EDITOR: editor, VISUAL: "" } });
  assert.equal(r.status, 0, describe(r));
  assert.equal(fs.readFileSync(record, "utf8").trim(), rev.path);
});

test("usage errors are one line and exit 2", async (t) => {
  const dir = emptyDir(t);
  for (const args of [["nosuchcommand"], ["upgrade"], ["upgrade", "head", "--bogus"], ["-x", "=1", "heads"]]) {
    const r = await runCli(args, { cwd: dir });
    assert.equal(r.status, 2, `${args.join(" ")}: ${describe(r)}`);
    assert.equal(r.errorLines.length, 1, `${args.join(" ")}: ${describe(r)}`);
    assert.match(r.errorLines[0]!, /^FAILED: /);
  }
  const help = await runCli(["--help"], { cwd: dir });
  assert.equal(help.status, 0);
  for (const name of [
    "init",
    "list-templates",
    "revision",
    "upgrade",
    "downgrade",
    "current",
    "history",
    "heads",
    "branches",
    "show",
    "merge",
    "stamp",
    "check",
    "edit",
  ]) {
    assert.match(help.stdout, new RegExp(`^\\s+${name}\\b`, "m"), name);
  }
});
