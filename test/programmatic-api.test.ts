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
import { type DialectName, parseUrl } from "@autogen/dialects";
import { dialectsUnderTest, useDatabase, tempDir } from "@autogen/dialects/testing";
import { exists, versionRows, writeOps } from "./helpers/project";

for (const dialect of dialectsUnderTest()) {
  test(`${dialect}: command.* drives a project without a shell`, async (t) => {
    const db = await useDatabase(t, dialect);
    if (!db) return;
    const dir = tempDir("api");
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

/** An application's own driver connection: what `connection` adopts. */
interface DriverConnection {
  readonly handle: unknown;
  /** Runs a query through the driver itself (proves the connection is still open). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Opens a raw driver connection per dialect: pg.Client, a mysql2 connection, a better-sqlite3 Database. */
const OPEN_DRIVER: Record<DialectName, (url: string) => Promise<DriverConnection>> = {
  async postgres(url) {
    const { Client } = require("pg") as {
      Client: new (o: { connectionString: string }) => {
        connect(): Promise<void>;
        query(s: string): Promise<unknown>;
        end(): Promise<void>;
      };
    };
    const client = new Client({ connectionString: url });
    await client.connect();
    return { handle: client, ping: async () => void (await client.query("SELECT 1")), close: () => client.end() };
  },
  async mysql(url) {
    const mysql = require("mysql2/promise") as {
      createConnection(url: string): Promise<{ query(s: string): Promise<unknown>; end(): Promise<void> }>;
    };
    const conn = await mysql.createConnection(url);
    return { handle: conn, ping: async () => void (await conn.query("SELECT 1")), close: () => conn.end() };
  },
  async sqlite(url) {
    const Database = require("better-sqlite3") as new (file: string) => {
      prepare(s: string): { get(): unknown };
      close(): void;
    };
    const db = new Database(parseUrl(url).filename!);
    return { handle: db, ping: async () => void db.prepare("SELECT 1").get(), close: async () => db.close() };
  },
};

for (const dialect of dialectsUnderTest()) {
  test(`${dialect}: command.* adopts the application's own driver connection and leaves it open`, async (t) => {
    const db = await useDatabase(t, dialect);
    if (!db) return;
    const dir = tempDir("api-driver");
    t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
    // No url at all: the connection is the only way to the database.
    const config = defineConfig({ scriptLocation: dir, versionLocations: [path.join(dir, "v")], postWriteHooks: [] });
    fs.mkdirSync(path.join(dir, "v"));
    const file = (await command.revision(config, { message: "with driver" }))!;
    const id = /export const revision = "(\w+)"/.exec(fs.readFileSync(file, "utf8"))![1]!;
    writeOps(
      file,
      `await op.createTable("driven", [{ name: "id", type: "integer", primaryKey: true }]);`,
      `await op.dropTable("driven");`,
    );

    const driver = await OPEN_DRIVER[dialect](db.url);
    t.after(() => driver.close());
    await command.upgrade(config, "head", { connection: driver.handle });
    await driver.ping();
    assert.deepEqual(await command.current(config, { connection: driver.handle }), [`${id} (head)`]);
    const check = await db.connect();
    assert.ok(await exists(check, "driven"));
    assert.deepEqual(await versionRows(check), [id]);
    await command.downgrade(config, "base", { connection: driver.handle });
    await driver.ping();
    assert.ok(!(await exists(check, "driven")));
    await assert.rejects(command.upgrade(config, "head"), /No database URL/);
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
  const dir = tempDir("init");
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
