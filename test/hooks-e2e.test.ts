/**
 * Hooks as a team writes them: a TypeScript autogen.config.ts importing decorated entities and
 * using includeObject, a Rewriter and processRevisionDirectives, driven through the
 * real `autogen` bin on SQLite. Alembic's cookbook recipes, end to end.
 */
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { useDatabase } from "@autogen/dialects/testing";
import { describe as describeRun, runCli } from "./helpers/cli-process";
import { handMadeProject } from "./helpers/project";

const ENTITIES_V1 = `import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
@Entity("account")
export class Account {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ length: 100 }) name!: string;
}
`;
const ENTITIES_V2 = ENTITIES_V1.replace(
  "@Column({ length: 100 }) name!: string;",
  `@Column({ length: 100 }) name!: string;
  @Column({ type: "integer", default: 0 }) score!: number;`,
);

const CONFIG = `import "reflect-metadata";
import { AddColumnOp, AlterColumnOp, Column, MigrationScript, Rewriter, defineConfig } from "autogen";
import { Account } from "./entities";

// Split "add a NOT NULL column" into add-nullable + alter-to-not-null (Alembic's cookbook).
const writer = new Rewriter().rewrites<AddColumnOp>("AddColumnOp", (_ctx, _rev, op) =>
  op.column.nullable
    ? op
    : [
        AddColumnOp.create(op.table, Column.cloneWith(op.column, { nullable: true })),
        AlterColumnOp.create(op.table, op.column.name, { nullable: false }, { type: op.column.type, nullable: true, default: op.column.default }),
      ],
);

export default defineConfig({
  scriptLocation: "migrations",
  url: process.env.DATABASE_URL!,
  entities: [Account],
  postWriteHooks: ["prettier"],
  // Tables this project does not own are never dropped (Alembic's include_object recipe).
  includeObject: (object, name, type, reflected, compareTo) => !(type === "table" && reflected && compareTo === null && name === "legacy_audit"),
  processRevisionDirectives: (context, revision, directives) => {
    writer.processRevisionDirectives(context, revision, directives);
    // No file for an empty autogenerate (Alembic's cookbook).
    if (directives.length > 0 && MigrationScript.isEmpty(directives[0]!)) directives.length = 0;
  },
});
`;

test("sqlite: config hooks shape what autogenerate writes (includeObject, Rewriter, empty revisions)", async (t) => {
  const db = await useDatabase(t, "sqlite");
  if (!db) return;
  const { dir, env, ok } = handMadeProject(t, db, "hooks-e2e", CONFIG, ENTITIES_V1);
  const versions = () =>
    fs
      .readdirSync(path.join(dir, "migrations", "versions"))
      .filter((f) => f.endsWith(".ts"))
      .sort();

  // A table the project does not own.
  const conn = await db.connect();
  t.after(() => conn.close());
  await conn.query(`CREATE TABLE "legacy_audit" ("id" integer PRIMARY KEY, "line" text)`);
  await conn.query(`INSERT INTO "legacy_audit" VALUES (1, 'kept')`);

  await ok("revision", "--autogenerate", "-m", "create account");
  const [first] = versions();
  const firstText = fs.readFileSync(path.join(dir, "migrations", "versions", first!), "utf8");
  assert.match(firstText, /op\.createTable\(\s*"account"/);
  assert.doesNotMatch(firstText, /legacy_audit/, "includeObject keeps the unowned table out of the diff");
  await ok("upgrade", "head");

  // Nothing changed: processRevisionDirectives empties the directives, so no file is written.
  await ok("revision", "--autogenerate", "-m", "nothing");
  assert.equal(versions().length, 1, "no file for an empty autogenerate");

  // A NOT NULL column with rows present: the Rewriter splits it into add + alter.
  await conn.query(`INSERT INTO "account" ("id", "name") VALUES (1, 'ann')`);
  fs.writeFileSync(path.join(dir, "entities.ts"), ENTITIES_V2);
  await ok("revision", "--autogenerate", "-m", "add score");
  const second = versions().find((f) => f !== first)!;
  const text = fs.readFileSync(path.join(dir, "migrations", "versions", second), "utf8");
  assert.match(text, /batch\.addColumn\(\{ name: "score", type: "integer", nullable: true, default: "0" \}\)/);
  assert.match(text, /batch\.alterColumn\("score", \{ nullable: false/);
  await ok("upgrade", "head");
  assert.deepEqual((await conn.query(`SELECT "id", "name", "score" FROM "account"`)).rows, [
    { id: 1, name: "ann", score: 0 },
  ]);
  assert.deepEqual((await conn.query(`SELECT "line" FROM "legacy_audit"`)).rows, [{ line: "kept" }]);

  const check = await runCli(["check"], { cwd: dir, env });
  assert.equal(check.status, 0, describeRun(check));
});
