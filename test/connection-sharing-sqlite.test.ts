/**
 * Alembic's connection-sharing recipe on SQLite with the application's better-sqlite3 Database
 * (TypeORM 1.x's driver), which has foreign keys ON: a batch recreate of a parent table must
 * not cascade into its children, and the application's setting comes back afterwards.
 */
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { command, defineConfig } from "autogen";
import { tempDir } from "@autogen/dialects/testing";

interface BetterSqlite {
  exec(sql: string): void;
  pragma(sql: string, o?: { simple: boolean }): unknown;
  prepare(sql: string): { all(): unknown[]; get(): unknown };
  close(): void;
}

test("sqlite: a batch recreate on an adopted better-sqlite3 Database keeps ON DELETE CASCADE children", async (t) => {
  const dir = tempDir("share");
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  fs.mkdirSync(path.join(dir, "versions"));
  const Database = require("better-sqlite3") as new (file: string) => BetterSqlite;
  const db = new Database(path.join(dir, "app.db"));
  t.after(() => db.close());
  db.pragma("foreign_keys = ON");
  db.exec(`CREATE TABLE "album" ("id" integer PRIMARY KEY, "title" varchar(40) NOT NULL)`);
  db.exec(
    `CREATE TABLE "track" ("id" integer PRIMARY KEY, "album_id" integer NOT NULL REFERENCES "album" ("id") ON DELETE CASCADE)`,
  );
  db.exec(`INSERT INTO "album" VALUES (1, 'blue'), (2, 'red'); INSERT INTO "track" VALUES (1, 1), (2, 1), (3, 2)`);

  fs.writeFileSync(
    path.join(dir, "versions", "a1b2c3d4e5f6_widen_title.ts"),
    `import type { Operations } from "autogen";
export const revision = "a1b2c3d4e5f6";
export const downRevision: string | string[] | null = null;
export const branchLabels: string[] | null = null;
export const dependsOn: string[] | null = null;
export async function upgrade(op: Operations): Promise<void> {
  await op.batchAlterTable("album", async (batch) => {
    await batch.alterColumn("title", { type: "varchar(120)", existingType: "varchar(40)", existingNullable: false });
  });
}
export async function downgrade(op: Operations): Promise<void> {
  await op.batchAlterTable("album", async (batch) => {
    await batch.alterColumn("title", { type: "varchar(40)", existingType: "varchar(120)", existingNullable: false });
  });
}
`,
  );
  const config = defineConfig({ scriptLocation: dir });
  await command.upgrade(config, "head", { connection: db });

  assert.deepEqual(db.prepare(`SELECT "id", "album_id" FROM "track" ORDER BY "id"`).all(), [
    { id: 1, album_id: 1 },
    { id: 2, album_id: 1 },
    { id: 3, album_id: 2 },
  ]);
  assert.match(
    String((db.prepare(`SELECT sql FROM sqlite_schema WHERE name = 'album'`).get() as { sql: string }).sql),
    /varchar\(120\)/,
  );
  assert.equal(db.pragma("foreign_keys", { simple: true }), 1, "the application's foreign_keys setting is restored");
  // Cascades still work after the recreate.
  db.exec(`DELETE FROM "album" WHERE "id" = 2`);
  assert.deepEqual(db.prepare(`SELECT count(*) AS n FROM "track"`).get(), { n: 2 });
});
