import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { tempDir } from "@autogen/dialects/testing";
import { COMPILE_CACHE_ENV, CompileCache, sourceHash } from "../src/compile-cache";

const INDEX = join(__dirname, "../src/index");

/** A temp project with a `node_modules` folder of its own, where its cache goes. */
function project(): string {
  const dir = tempDir("compile-cache");
  mkdirSync(join(dir, "node_modules"));
  return dir;
}

function cacheFiles(dir: string): string[] {
  const at = join(dir, "node_modules", ".cache", "autogen", "ts");
  return existsSync(at) ? readdirSync(at).map((f) => join(at, f)) : [];
}

/** Loads `file` with autogen's loader in a process of its own (a run of the CLI) and returns its `value` export. */
function loadInNewProcess(file: string, env: NodeJS.ProcessEnv = {}): unknown {
  const script = `require(${JSON.stringify(INDEX)}).loadModule(${JSON.stringify(file)}, { sourceMaps: false })
    .then((m) => console.log(JSON.stringify(m.value)));`;
  const r = spawnSync(process.execPath, ["-e", script], { encoding: "utf8", env: { ...process.env, ...env } });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout);
}

test("a load keeps swc's output under the nearest node_modules, and the next run uses it while the file is unchanged", () => {
  const dir = project();
  const entry = join(dir, "config.ts");
  writeFileSync(join(dir, "dep.ts"), `export const dep: number = 1;\n`);
  writeFileSync(entry, `import { dep } from "./dep";\nexport const value: number = dep + 1;\n`);
  assert.equal(loadInNewProcess(entry), 2);
  const [file, ...others] = cacheFiles(dir);
  assert.ok(file, "a cache file was written");
  assert.deepEqual(others, []);
  const cached = JSON.parse(readFileSync(file, "utf8")) as Record<string, { hash: string; code: string }>;
  assert.deepEqual(Object.keys(cached).sort(), [entry, join(dir, "dep.ts")].sort());

  // The next run takes the cached JavaScript instead of compiling: changed behind the loader's
  // back, it is what runs.
  const depEntry = cached[join(dir, "dep.ts")]!;
  cached[join(dir, "dep.ts")] = { ...depEntry, code: depEntry.code.replace("dep = 1", "dep = 40") };
  writeFileSync(file, JSON.stringify(cached));
  assert.equal(loadInNewProcess(entry), 41);

  // A file whose text changed is compiled again, whatever the cache holds for its path.
  writeFileSync(join(dir, "dep.ts"), `export const dep: number = 5;\n`);
  assert.equal(loadInNewProcess(entry), 6);
  const rewritten = JSON.parse(readFileSync(file, "utf8")) as Record<string, { code: string }>;
  assert.match(rewritten[join(dir, "dep.ts")]!.code, /dep = 5/);
});

test(`${COMPILE_CACHE_ENV}=0 keeps nothing on disk`, () => {
  const dir = project();
  const entry = join(dir, "config.ts");
  writeFileSync(entry, `export const value: string = "plain";\n`);
  assert.equal(loadInNewProcess(entry, { [COMPILE_CACHE_ENV]: "0" }), "plain");
  assert.deepEqual(cacheFiles(dir), []);
});

test("a cache file that is not JSON is ignored and written again", () => {
  const dir = project();
  const entry = join(dir, "config.ts");
  writeFileSync(entry, `export const value: number = 3;\n`);
  loadInNewProcess(entry);
  const [file] = cacheFiles(dir);
  writeFileSync(file!, `{"half a`);
  assert.equal(loadInNewProcess(entry), 3);
  assert.deepEqual(Object.keys(JSON.parse(readFileSync(file!, "utf8"))), [entry]);
});

test("an entry whose file was deleted leaves the cache at the next write", () => {
  const dir = project();
  const cache = CompileCache.near(join(dir, "config.ts"), "fingerprint")!;
  const gone = join(dir, "gone.ts");
  writeFileSync(gone, "export {};\n");
  cache.set(gone, sourceHash("export {};\n"), "exports.x = 1;");
  cache.flush();
  rmSync(gone);
  const next = CompileCache.near(join(dir, "config.ts"), "fingerprint")!;
  assert.equal(next.get(gone, sourceHash("export {};\n")), "exports.x = 1;", "read back before the write");
  next.set(join(dir, "kept.ts"), sourceHash("a"), "b");
  next.flush();
  const [file] = cacheFiles(dir);
  assert.deepEqual(Object.keys(JSON.parse(readFileSync(file!, "utf8"))), [gone, join(dir, "kept.ts")]);
  // `gone` was used by this run, so it stays until a run that does not use it writes.
  const third = CompileCache.near(join(dir, "config.ts"), "fingerprint")!;
  third.set(join(dir, "kept.ts"), sourceHash("a2"), "b2");
  third.flush();
  assert.deepEqual(Object.keys(JSON.parse(readFileSync(file!, "utf8"))), [join(dir, "kept.ts")]);
});

test("the cache's file depends on the options' fingerprint and the entry's folder; none without node_modules", () => {
  const dir = project();
  mkdirSync(join(dir, "sub"));
  const a = CompileCache.near(join(dir, "config.ts"), "one")!;
  const b = CompileCache.near(join(dir, "config.ts"), "two")!;
  const c = CompileCache.near(join(dir, "sub", "config.ts"), "one")!;
  for (const cache of [a, b, c]) {
    cache.set(join(dir, "x.ts"), sourceHash("src"), "code");
    cache.flush();
  }
  assert.equal(cacheFiles(dir).length, 3);
  assert.equal(a.get(join(dir, "x.ts"), sourceHash("other src")), undefined, "another text misses");
  const bare = tempDir("compile-cache-bare");
  assert.equal(CompileCache.near(join(bare, "config.ts"), "one"), undefined);
});
