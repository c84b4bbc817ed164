import "reflect-metadata";
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, symlinkSync, writeFileSync, utimesSync } from "node:fs";
import { join } from "node:path";
import { CommandError } from "@autogen/core";
import { tempDir } from "@autogen/dialects/testing";
import { loadModule, registerTsLoader } from "../src/index";

/** A temp project whose node_modules is the monorepo's, as a user's project would have. */
function tempProject(): string {
  const dir = tempDir("loader");
  symlinkSync(join(__dirname, "../../../../node_modules"), join(dir, "node_modules"));
  return dir;
}

test("a decorated class gets design:type metadata", async () => {
  const dir = tempProject();
  const file = join(dir, "entity.ts");
  writeFileSync(
    file,
    `import "reflect-metadata";
function Column(): PropertyDecorator { return () => {}; }
export class User {
  @Column() name!: string;
  @Column() age!: number;
  @Column() created!: Date;
}
export const answer: number = 42;
`,
  );
  const mod = await loadModule(file);
  assert.equal(mod.answer, 42);
  const User = mod.User as { prototype: object };
  assert.equal(Reflect.getMetadata("design:type", User.prototype, "name"), String);
  assert.equal(Reflect.getMetadata("design:type", User.prototype, "age"), Number);
  assert.equal(Reflect.getMetadata("design:type", User.prototype, "created"), Date);
});

test("module aliases redirect a bare name and its subpaths", async () => {
  registerTsLoader({ moduleAliases: { typeorm: "typeorm03" } });
  registerTsLoader({ moduleAliases: { typeorm: "typeorm03" } }); // idempotent
  const dir = tempProject();
  const file = join(dir, "entity.cts");
  writeFileSync(
    file,
    `import "reflect-metadata";
import { Entity, PrimaryGeneratedColumn, Column, getMetadataArgsStorage } from "typeorm";
@Entity("things")
export class Thing {
  @PrimaryGeneratedColumn() id!: number;
  @Column() label!: string;
}
export const main: string = require.resolve("typeorm");
export const globals: string = require.resolve("typeorm/globals");
export const columns = getMetadataArgsStorage().columns.filter((c) => c.target === Thing).map((c) => c.propertyName);
`,
  );
  const mod = await loadModule(file);
  assert.match(mod.main as string, /node_modules\/typeorm03\/index\.js$/);
  assert.match(mod.globals as string, /node_modules\/typeorm03\/globals\.js$/);
  assert.deepEqual(mod.columns, ["id", "label"]);
});

test("a TypeScript module imports another one without its extension", async () => {
  const dir = tempProject();
  writeFileSync(join(dir, "base.ts"), `export abstract class Base { abstract id(): string; }`);
  writeFileSync(
    join(dir, "config.ts"),
    `import { Base } from "./base";\nclass Impl extends Base { id() { return "impl"; } }\nexport default { item: new Impl() };`,
  );
  const mod = await loadModule(join(dir, "config.ts"));
  assert.equal((mod.default as { item: { id(): string } }).item.id(), "impl");
});

test("imported TypeScript files, compiled ahead in parallel, run in import order and only when imported", async () => {
  const dir = tempProject();
  mkdirSync(join(dir, "src", "entities"), { recursive: true });
  mkdirSync(join(dir, "shared"));
  const log = (name: string) => `(globalThis as any).loaded.push(${JSON.stringify(name)});\n`;
  writeFileSync(join(dir, "shared", "base.ts"), `${log("base")}export const base = 1;`);
  writeFileSync(
    join(dir, "src", "entities", "a.ts"),
    `import { base } from "../../shared/base";\n${log("a")}export const a = base;`,
  );
  writeFileSync(join(dir, "src", "entities", "b.ts"), `import { a } from "./a";\n${log("b")}export const b = a + 1;`);
  writeFileSync(
    join(dir, "src", "entities", "index.ts"),
    `import { b } from "./b";\nimport { a } from "./a";\n${log("index")}export const entities = [a, b];`,
  );
  // Imported only when called: compiled ahead like the others, but never run.
  writeFileSync(join(dir, "src", "lazy.ts"), `${log("lazy")}export const lazy = true;`);
  writeFileSync(
    join(dir, "config.ts"),
    `import { entities } from "./src/entities";\n${log("config")}` +
      `export default { entities, later: () => import("./src/lazy") };`,
  );
  (globalThis as { loaded?: string[] }).loaded = [];
  const mod = await loadModule(join(dir, "config.ts"));
  assert.deepEqual((mod.default as { entities: number[] }).entities, [1, 2]);
  assert.deepEqual((globalThis as { loaded?: string[] }).loaded, ["base", "a", "b", "index", "config"]);
});

test(".mts, .js, .cjs and .mjs modules load", async () => {
  const dir = tempProject();
  writeFileSync(join(dir, "a.mts"), `export const kind: string = "mts";`);
  writeFileSync(join(dir, "b.js"), `exports.kind = "js";`);
  writeFileSync(join(dir, "c.cjs"), `module.exports = { kind: "cjs" };`);
  writeFileSync(join(dir, "d.mjs"), `export const kind = "mjs";`);
  for (const [file, kind] of [
    ["a.mts", "mts"],
    ["b.js", "js"],
    ["c.cjs", "cjs"],
    ["d.mjs", "mjs"],
  ]) {
    assert.equal((await loadModule(join(dir, file))).kind, kind);
  }
});

test("a rewritten file is loaded again", async () => {
  const dir = tempProject();
  const file = join(dir, "rev.ts");
  writeFileSync(file, `export const n = 1;`);
  assert.equal((await loadModule(file)).n, 1);
  writeFileSync(file, `export const n = 2;`);
  const later = new Date(Date.now() + 5000);
  utimesSync(file, later, later);
  assert.equal((await loadModule(file)).n, 2);
});

test("a syntax error is a CommandError naming the file", async () => {
  const dir = tempProject();
  const file = join(dir, "broken.ts");
  writeFileSync(file, `export function upgrade( {\n`);
  await assert.rejects(loadModule(file), (error: unknown) => {
    assert.ok(error instanceof CommandError);
    assert.ok(error.message.includes(file), error.message);
    assert.ok(!error.message.includes("\n"), error.message);
    return true;
  });
});

test("a syntax error names file:line:column, in TypeScript, CommonJS and ES modules, and in an imported file", async () => {
  const dir = tempProject();
  const cases: [name: string, text: string, where: string][] = [
    ["config.ts", `export default {\n  scriptLocation: "m",\n  url: {;\n};\n`, "config.ts:3:9"],
    // Tabs count as one column, as editors count them (swc's snippet shows them wider).
    ["tabs.ts", `const x = 1;\n\tconst y = \t1 2;\n`, "tabs.ts:2:15"],
    ["common.js", `module.exports = {\n  url: {;\n};\n`, "common.js:2:9"],
    ["module.mjs", `export default {\n  url: {;\n};\n`, "module.mjs:2:9"],
  ];
  for (const [name, text, where] of cases) {
    const file = join(dir, name);
    writeFileSync(file, text);
    await assert.rejects(loadModule(file), (error: unknown) => {
      assert.ok(error instanceof CommandError);
      assert.ok(error.message.startsWith(`Could not load ${join(dir, where)}: `), error.message);
      assert.ok(!error.message.includes("\n"), error.message);
      return true;
    });
  }
  writeFileSync(join(dir, "entities.ts"), `export const X = 1;\nexport const Y = 1 2;\n`);
  writeFileSync(join(dir, "imports.ts"), `import { X } from "./entities";\nexport default { x: X };\n`);
  await assert.rejects(loadModule(join(dir, "imports.ts")), (error: unknown) => {
    assert.ok(error instanceof Error);
    assert.match(error.message, new RegExp(`^Could not load .*imports\\.ts: .*entities\\.ts:2:20: `));
    return true;
  });
  // A runtime error has no syntax position: the message stays as it was.
  writeFileSync(join(dir, "throws.ts"), `throw new Error("config exploded");\n`);
  await assert.rejects(loadModule(join(dir, "throws.ts")), {
    message: `Could not load ${join(dir, "throws.ts")}: config exploded`,
  });
});

test("Node's source-mapped stacks are turned on by a load that asks for maps, not by one that does not", () => {
  // In a process of its own: the setting is the whole process's, and other tests here turn it on.
  const dir = tempProject();
  writeFileSync(join(dir, "config.ts"), `export const a: number = 1;\n`);
  writeFileSync(join(dir, "revision.ts"), `export const b: number = 2;\n`);
  const script = `
    const { loadModule } = require(${JSON.stringify(join(__dirname, "../src/index"))});
    (async () => {
      const seen = [process.sourceMapsEnabled];
      await loadModule(${JSON.stringify(join(dir, "config.ts"))}, { sourceMaps: false });
      seen.push(process.sourceMapsEnabled);
      await loadModule(${JSON.stringify(join(dir, "revision.ts"))});
      seen.push(process.sourceMapsEnabled);
      console.log(JSON.stringify(seen));
    })();`;
  const r = spawnSync(process.execPath, ["-e", script], { encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout), [false, false, true]);
});
