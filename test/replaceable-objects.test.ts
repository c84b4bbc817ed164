/**
 * The replaceable-object recipe (Alembic's cookbook), the worked example of custom operations:
 * op.createFunction / op.replaceFunction / op.dropFunction in hand-written revision files,
 * upgraded and downgraded through `command` on PostgreSQL and MariaDB, refused on SQLite, and
 * reversible and renderable because the recipe registers a reverser and a renderer.
 */
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { test, type TestContext } from "node:test";
import {
  CreateFunctionOp,
  DropFunctionOp,
  NotReversibleError,
  QualifiedName,
  ReplaceFunctionOp,
  command,
  defineConfig,
  reverseOp,
} from "autogen";
import { renderOps } from "@autogen/renderer";
import { type DialectName } from "@autogen/dialects";
import { dialectsUnderTest, useDatabase, tempDir } from "@autogen/dialects/testing";

const f = QualifiedName.create("add_n");

test("the recipe's ops reverse into each other, carrying the definition they replace", () => {
  assert.deepEqual(reverseOp(CreateFunctionOp.create(f, "(x int) ...1")), DropFunctionOp.create(f, "(x int) ...1"));
  assert.deepEqual(reverseOp(DropFunctionOp.create(f, "(x int) ...1")), CreateFunctionOp.create(f, "(x int) ...1"));
  assert.deepEqual(reverseOp(ReplaceFunctionOp.create(f, "2", "1")), ReplaceFunctionOp.create(f, "1", "2"));
  assert.throws(() => reverseOp(DropFunctionOp.create(f)), NotReversibleError);
  assert.throws(() => reverseOp(ReplaceFunctionOp.create(f, "2")), NotReversibleError);
});

test("the recipe's ops render as the calls a revision file makes", () => {
  assert.deepEqual(
    renderOps([
      CreateFunctionOp.create(QualifiedName.create("add_n", "app"), "(x int) RETURNS int RETURN x + 1"),
      ReplaceFunctionOp.create(f, "(x int) RETURNS int RETURN x + 2", "(x int) RETURNS int RETURN x + 1"),
      DropFunctionOp.create(f),
    ]),
    [
      'await op.createFunction("add_n", "(x int) RETURNS int RETURN x + 1", { schema: "app" });',
      'await op.replaceFunction("add_n", "(x int) RETURNS int RETURN x + 2", { existingDefinition: "(x int) RETURNS int RETURN x + 1" });',
      'await op.dropFunction("add_n");',
    ],
  );
});

/** The function's text on each dialect that has stored functions. */
const DEFINITIONS: Record<"postgres" | "mysql", (n: number) => string> = {
  postgres: (n) => `(x integer) RETURNS integer LANGUAGE sql IMMUTABLE RETURN x + ${n}`,
  mysql: (n) => `(x INT) RETURNS INT DETERMINISTIC RETURN x + ${n}`,
};

/** A script folder with two hand-written revisions: create add_n (+1), then replace it (+2). */
async function project(t: TestContext, url: string, definition: (n: number) => string) {
  const scriptLocation = tempDir("recipe");
  fs.mkdirSync(path.join(scriptLocation, "versions"));
  t.after(() => fs.rmSync(scriptLocation, { recursive: true, force: true }));
  const config = defineConfig({ scriptLocation, url, postWriteHooks: [] });
  const write = async (message: string, upgrade: string, downgrade: string) => {
    const file = await command.revision(config, { message });
    assert.ok(file);
    const text = fs.readFileSync(file, "utf8");
    const [before, up, down] = text.split("  // ### end autogen commands ###\n");
    fs.writeFileSync(
      file,
      `${before}  ${upgrade}\n  // ### end autogen commands ###\n${up}  ${downgrade}\n  // ### end autogen commands ###\n${down}`,
    );
  };
  const [v1, v2] = [JSON.stringify(definition(1)), JSON.stringify(definition(2))];
  await write("add_n", `await op.createFunction("add_n", ${v1});`, `await op.dropFunction("add_n");`);
  await write(
    "add_n adds 2",
    `await op.replaceFunction("add_n", ${v2}, { existingDefinition: ${v1} });`,
    `await op.replaceFunction("add_n", ${v1}, { existingDefinition: ${v2} });`,
  );
  return config;
}

for (const dialect of dialectsUnderTest().filter((d): d is "postgres" | "mysql" => d !== "sqlite")) {
  test(`${dialect}: createFunction, replaceFunction and their downgrades in revision files`, async (t) => {
    const db = await useDatabase(t, dialect);
    if (!db) return;
    const config = await project(t, db.url, DEFINITIONS[dialect]);
    const conn = await db.connect();
    t.after(() => conn.close());
    const addN = async () => Number(Object.values((await conn.query("SELECT add_n(4) AS v")).rows[0]!)[0]);
    const exists = async () =>
      (
        await conn.query(
          dialect === "postgres"
            ? "SELECT 1 FROM pg_proc WHERE proname = 'add_n'"
            : "SELECT 1 FROM information_schema.routines WHERE routine_schema = DATABASE() AND routine_name = 'add_n'",
        )
      ).rows.length === 1;

    await command.upgrade(config, "+1");
    assert.equal(await addN(), 5);
    await command.upgrade(config, "head");
    assert.equal(await addN(), 6);
    await command.downgrade(config, "-1");
    assert.equal(await addN(), 5);
    await command.downgrade(config, "base");
    assert.equal(await exists(), false);
  });
}

if (dialectsUnderTest().includes("sqlite" satisfies DialectName)) {
  test("sqlite: the recipe's ops are refused (no stored functions), and nothing is applied", async (t) => {
    const db = await useDatabase(t, "sqlite");
    if (!db) return;
    const config = await project(t, db.url, DEFINITIONS.postgres);
    await assert.rejects(command.upgrade(config, "head"), {
      message: "Operation CreateFunctionOp is not supported by sqlite (it has no stored functions)",
    });
    const conn = await db.connect();
    t.after(() => conn.close());
    assert.deepEqual((await conn.query("SELECT name FROM sqlite_master WHERE name = 'autogen_version'")).rows, []);
  });
}
