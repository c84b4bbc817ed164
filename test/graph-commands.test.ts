/*
 * Graph commands (`heads`, `history`, `branches`, `show`) read revision headers only: they
 * work with an unreachable database and revision files whose code would throw. Also version
 * locations: several folders need --version-path, and a branch stays in its folder.
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { type TestContext, test } from "node:test";
import { describe, runCli } from "./helpers/cli-process";
import { generatedRevision } from "./helpers/project";
import { tempDir } from "@autogen/dialects/testing";

function project(t: TestContext, config: string): string {
  const dir = tempDir("e2e-graph");
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  fs.writeFileSync(path.join(dir, "autogen.config.ts"), config);
  return dir;
}

test("graph commands neither connect nor execute revision files", async (t) => {
  // Port 1 refuses connections: any attempt to connect would fail the command with exit 3.
  const dir = project(
    t,
    `export default { scriptLocation: "m", url: "postgres://u:pw@127.0.0.1:1/db", postWriteHooks: [] };\n`,
  );
  fs.mkdirSync(path.join(dir, "m", "versions"), { recursive: true });
  const cli = (...args: string[]) => runCli(args, { cwd: dir });
  const a = generatedRevision(await cli("revision", "-m", "first"));
  const b = generatedRevision(await cli("revision", "-m", "second"));
  // Executing this file would throw at once.
  fs.appendFileSync(b.path, `\nthrow new Error("revision code was executed");\n`);

  for (const args of [
    ["heads"],
    ["history"],
    ["history", "-v"],
    ["branches"],
    ["show", b.id],
    ["show", "head"],
    ["heads", "-v"],
  ]) {
    const r = await cli(...args);
    assert.equal(r.status, 0, `${args.join(" ")}: ${describe(r)}`);
    assert.equal(r.stderr, "", `${args.join(" ")}: ${describe(r)}`);
  }
  assert.equal((await cli("heads")).stdout, `${b.id} (head)\n`);
  assert.equal((await cli("history")).stdout, `${a.id} -> ${b.id} (head), second\n<base> -> ${a.id}, first\n`);
  // Offline SQL needs no connection either (but does run the revision code).
  const sql = await cli("upgrade", `base:${a.id}`, "--sql");
  assert.equal(sql.status, 0, describe(sql));
  assert.match(sql.stdout, /CREATE TABLE/);
  const runB = await cli("upgrade", `${a.id}:${b.id}`, "--sql");
  assert.equal(runB.status, 2, describe(runB));
  assert.equal(runB.errorLines.length, 1);
  assert.match(runB.errorLines[0]!, /revision code was executed/);
  // Commands that need the database say so, once, with the password masked.
  const current = await cli("current");
  assert.equal(current.status, 3, describe(current));
  assert.equal(current.errorLines.length, 1);
  assert.doesNotMatch(current.stderr, /:pw@/);
});

test("several version locations: --version-path chooses, children follow their parent", async (t) => {
  const dir = project(
    t,
    `export default { scriptLocation: "m", versionLocations: ["m/core", "m/billing"], postWriteHooks: [] };\n`,
  );
  for (const sub of ["core", "billing"]) fs.mkdirSync(path.join(dir, "m", sub), { recursive: true });
  const cli = (...args: string[]) => runCli(args, { cwd: dir });

  const ambiguous = await cli("revision", "-m", "first");
  assert.equal(ambiguous.status, 2, describe(ambiguous));
  assert.deepEqual(ambiguous.errorLines, ["FAILED: Multiple version locations present, please specify --version-path"]);

  const core = generatedRevision(await cli("revision", "-m", "core base", "--version-path", "m/core"));
  assert.equal(path.dirname(core.path), path.join(dir, "m", "core"));
  const billing = generatedRevision(
    await cli(
      "revision",
      "-m",
      "billing base",
      "--head",
      "base",
      "--branch-label",
      "billing",
      "--version-path",
      "m/billing",
    ),
  );
  assert.equal(path.dirname(billing.path), path.join(dir, "m", "billing"));
  const next = generatedRevision(await cli("revision", "-m", "billing next", "--head", "billing@head"));
  assert.equal(path.dirname(next.path), path.join(dir, "m", "billing"), "a child goes where its parent is");
  const heads = (await cli("heads")).stdout.split("\n").filter(Boolean).sort();
  assert.deepEqual(heads, [`${core.id} (head)`, `${next.id} (billing) (head)`].sort());

  const unknownPath = await cli("revision", "-m", "x", "--head", "base", "--version-path", "m/nowhere");
  assert.equal(unknownPath.status, 2, describe(unknownPath));
  assert.equal(unknownPath.errorLines.length, 1);
  assert.match(unknownPath.errorLines[0]!, /is not represented in current version locations/);
});

test("a graph command loads neither swc nor the migrator; a TypeScript config from the compile cache loads no swc", async (t) => {
  const dir = tempDir("e2e-graph-modules");
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  // The compile cache lives under the nearest node_modules: the project gets one of its own.
  fs.mkdirSync(path.join(dir, "node_modules"));
  fs.mkdirSync(path.join(dir, "m", "versions"), { recursive: true });
  const loadedFile = path.join(dir, "loaded.txt");
  const preload = path.join(dir, "record-loaded.js");
  fs.writeFileSync(
    preload,
    `process.on("exit", () => require("fs").writeFileSync(${JSON.stringify(loadedFile)}, Object.keys(require.cache).join("\\n")));\n`,
  );
  const config = `{ scriptLocation: "m", url: "sqlite:///${path.join(dir, "app.db")}", postWriteHooks: [] }`;
  /** Writes the config `file` (the other one removed) and returns the modules `autogen heads` loaded with it. */
  const headsLoads = async (file: string, text: string): Promise<string[]> => {
    for (const f of ["autogen.config.js", "autogen.config.ts"]) fs.rmSync(path.join(dir, f), { force: true });
    fs.writeFileSync(path.join(dir, file), text);
    const r = await runCli(["heads"], { cwd: dir, env: { NODE_OPTIONS: `--require ${preload}` } });
    assert.equal(r.status, 0, describe(r));
    assert.match(r.stdout, /\(head\)/);
    return fs.readFileSync(loadedFile, "utf8").split("\n");
  };
  // swc's code and native binding (its package.json, read for the compile cache's key, is no code).
  const swc = (loaded: string[]) =>
    loaded.filter((m) => m.includes(`${path.sep}@swc${path.sep}`) && !m.endsWith("package.json"));

  fs.writeFileSync(path.join(dir, "autogen.config.js"), `module.exports = ${config};\n`);
  generatedRevision(await runCli(["revision", "-m", "first"], { cwd: dir }));
  const js = await headsLoads("autogen.config.js", `module.exports = ${config};\n`);
  assert.ok(
    js.some((m) => m.endsWith(`${path.sep}ts-loader.js`)),
    "the loader itself is loaded",
  );
  assert.deepEqual(swc(js), []);
  assert.deepEqual(
    js.filter((m) => /runtime[\\/]dist[\\/]src[\\/]migrator\.js$/.test(m)),
    [],
  );

  const ts = `const config: Record<string, unknown> = ${config};\nexport default config;\n`;
  assert.notDeepEqual(swc(await headsLoads("autogen.config.ts", ts)), [], "the first run compiles the config");
  assert.deepEqual(swc(await headsLoads("autogen.config.ts", ts)), [], "the next one takes it from the cache");
});
