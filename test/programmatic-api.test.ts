/*
 * The programmatic API (`import { command, defineConfig } from "autogen"`) on each database:
 * config objects instead of files, -x arguments, offline SQL as a return value, and an
 * application's own driver connection adopted (and left open).
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { test } from "node:test";
import { command, defineConfig } from "autogen";
import { dialectsUnderTest, useDatabase } from "@autogen/dialects";
import { exists, versionRows, writeOps } from "./helpers/project";

for (const dialect of dialectsUnderTest()) {
  test(`${dialect}: command.* drives a project without a shell`, async (t) => {
    const db = await useDatabase(t, dialect);
    if (!db) return;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "autogen-api-"));
    t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
    const scriptLocation = path.join(dir, "migrations");
    fs.mkdirSync(path.join(scriptLocation, "versions"), { recursive: true });
    const config = defineConfig({ scriptLocation, url: db.url, postWriteHooks: [] });

    const file = await command.revision(config, { message: "tenant table" });
    assert.ok(file && fs.existsSync(file), String(file));
    const id = /export const revision = "(\w+)"/.exec(fs.readFileSync(file, "utf8"))![1]!;
    // The revision reads an -x argument through op.context.
    writeOps(
      file,
      `await op.createTable(op.context.getXArgument("table") ?? "missing_x", [{ name: "id", type: "integer", primaryKey: true }]);`,
      `await op.dropTable(op.context.getXArgument("table") ?? "missing_x");`,
    );
    assert.deepEqual(await command.heads(config), [`${id} (head)`]);
    assert.deepEqual(await command.history(config), [`<base> -> ${id} (head), tenant table`]);

    const sql = await command.upgrade(config, "base:head", { sql: true, x: { table: "tenant_a" } });
    assert.equal(typeof sql, "string");
    assert.match(sql, /tenant_a/);
    // Offline SQL ends every statement with `;` and a newline.
    assert.ok(sql.endsWith(";\n"), JSON.stringify(sql.slice(-40)));

    // An already-open connection is used and left open.
    const conn = await db.connect();
    const result = await command.upgrade(config, "head", { x: { table: "tenant_a" }, connection: conn });
    assert.equal(result, undefined);
    assert.ok(await exists(conn, "tenant_a"), "the revision ran on the adopted connection");
    assert.deepEqual(await versionRows(conn), [id]);
    assert.deepEqual(await command.current(config, { connection: conn }), [`${id} (head)`]);
    await conn.query("SELECT 1"); // still open

    await command.downgrade(config, "base", { x: { table: "tenant_a" } });
    assert.ok(!(await exists(conn, "tenant_a")));
    await command.stamp(config, "head");
    assert.deepEqual(await versionRows(conn), [id]);
    await command.stamp(config, ["base"]);
    assert.deepEqual(await versionRows(conn), []);

    const merged = await command.revision(config, { message: "second", head: "base", branchLabel: "other" });
    assert.ok(merged);
    const mergeFile = await command.merge(config, "heads", { message: "join" });
    assert.match(fs.readFileSync(mergeFile, "utf8"), /join/);
    assert.equal((await command.heads(config)).length, 1);

    await assert.rejects(command.upgrade(config, "nosuchrev"), (err: Error & { exitCode?: number }) => {
      assert.equal(err.exitCode, 2);
      assert.match(err.message, /Can't locate revision identified by 'nosuchrev'/);
      return true;
    });
  });
}

test("command.listTemplates and command.init", async (t) => {
  const templates = await command.listTemplates();
  assert.deepEqual(
    templates.map((x) => [x.name, x.description]),
    [
      ["generic", "Generic single-database configuration."],
      ["multidb", "Multi-database configuration: one environment per database, selected with --name."],
    ],
  );
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "autogen-init-"));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const result = await command.init("db", { cwd: dir, template: "multidb" });
  assert.equal(result.configFile, path.join(dir, "autogen.config.ts"));
  assert.ok(fs.statSync(path.join(dir, "db", "primary", "versions")).isDirectory());
  assert.ok(fs.statSync(path.join(dir, "db", "secondary", "versions")).isDirectory());
  assert.match(fs.readFileSync(result.configFile, "utf8"), /scriptLocation: "db\/secondary"/);
  // A second init in the same folder keeps the existing config and writes one inside DIR.
  const second = await command.init("other", { cwd: dir });
  assert.equal(second.configFile, path.join(dir, "other", "autogen.config.ts"));
  assert.match(fs.readFileSync(second.configFile, "utf8"), /scriptLocation: "\."/);
  await assert.rejects(command.init("db", { cwd: dir }), /Directory .*db already exists and is not empty/);
  await assert.rejects(command.init("x", { cwd: dir, template: "nope" }), /No such template 'nope'/);
});
