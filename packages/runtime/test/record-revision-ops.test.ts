import { test } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import {
  AddColumnOp,
  BatchAlterTableOp,
  CommandError,
  CreateTableOp,
  DropColumnOp,
  ExecuteSQLOp,
  type OpNode,
} from "@autogen/core";
import { getDialect } from "@autogen/dialects";
import { recordRevisionOps, registerOperation } from "../src/index";
import { revisionPath, writeScript } from "./support/script-fixture";

const REV = "aaaaaaaaaaa1";

/** The 1-based line of the first line of `path`'s text that contains `needle`. */
function lineOf(text: string, needle: string): number {
  return text.split("\n").findIndex((l) => l.includes(needle)) + 1;
}

test("recordRevisionOps records upgrade's ops with their lines, without a database", async () => {
  const dir = writeScript([
    {
      rev: REV,
      down: null,
      upgrade: `  await op.createTable("users", [{ name: "id", type: "integer", primaryKey: true }]);
  if (op.context.dialect === "mysql") await op.execute("SET @x = 1");
  await op.addColumn("users", { name: "email", type: "varchar(255)", nullable: true });
  await op.batchAlterTable("users", async (batch) => {
    await batch.dropColumn("email");
  });`,
      downgrade: `  await op.dropTable("users");`,
    },
  ]);
  const path = revisionPath(dir, REV);
  const text = require("node:fs").readFileSync(path, "utf8") as string;
  const recorded = await recordRevisionOps({ path, dialect: getDialect("postgres") });
  assert.deepEqual(
    recorded.map((r) => r.op.kind),
    ["CreateTableOp", "AddColumnOp", "BatchAlterTableOp"],
  );
  const create = recorded[0]!.op as CreateTableOp;
  assert.equal(create.table.name, "users");
  const add = recorded[1]!.op as AddColumnOp;
  assert.equal(add.column.name, "email");
  assert.equal(add.column.type, "varchar(255)");
  const batch = recorded[2]!.op as BatchAlterTableOp;
  assert.ok(DropColumnOp.is(batch.ops[0] as OpNode));
  assert.deepEqual(
    recorded.map((r) => r.line),
    [lineOf(text, "op.createTable"), lineOf(text, "op.addColumn"), lineOf(text, "op.batchAlterTable")],
  );
  // The dialect decides what a revision does: on MySQL the execute is there too.
  const mysql = await recordRevisionOps({ path, dialect: getDialect("mysql") });
  assert.ok(ExecuteSQLOp.is(mysql[1]!.op));
  assert.equal((mysql[1]!.op as ExecuteSQLOp).sql, "SET @x = 1");
  const down = await recordRevisionOps({ path, dialect: getDialect("sqlite"), direction: "downgrade" });
  assert.deepEqual(
    down.map((r) => r.op.kind),
    ["DropTableOp"],
  );
});

test("recordRevisionOps records custom operations as their factory's node", async () => {
  registerOperation("recordedGreeting", (text: string) => ExecuteSQLOp.create(`-- ${text}`));
  const dir = writeScript([{ rev: REV, down: null, upgrade: `  await (op as any).recordedGreeting("hi");` }]);
  const recorded = await recordRevisionOps({ path: revisionPath(dir, REV), dialect: getDialect("sqlite") });
  assert.equal((recorded[0]!.op as ExecuteSQLOp).sql, "-- hi");
});

test("recordRevisionOps: a missing function or a broken file is a CommandError; the revision's own error propagates", async () => {
  const dir = writeScript([
    { rev: REV, down: null, upgrade: `  if (op.context.isOffline) throw new Error("needs a database");` },
  ]);
  const path = revisionPath(dir, REV);
  await assert.rejects(
    recordRevisionOps({ path, dialect: getDialect("postgres"), direction: "downgrade" }),
    (e: unknown) => e instanceof CommandError && /has no exported downgrade\(\) function/.test(e.message),
  );
  await assert.rejects(
    recordRevisionOps({ path, dialect: getDialect("postgres") }),
    (e: unknown) => e instanceof Error && e.message === "needs a database",
  );
  writeFileSync(path, "export const revision = ;");
  await assert.rejects(recordRevisionOps({ path, dialect: getDialect("postgres") }), CommandError);
});
