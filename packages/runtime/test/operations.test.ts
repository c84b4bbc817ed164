import { test } from "node:test";
import assert from "node:assert/strict";
import { AlterColumnOp, CommandError, QualifiedName, UnsupportedOpError, freeze, type OpNode } from "@autogen/core";
import { getDialect } from "@autogen/dialects";
import { dialectsUnderTest, offlineStatements } from "@autogen/dialects/testing";
import {
  MigrationContext,
  createOperations,
  implementationFor,
  isRegisteredOperation,
  registerOperation,
  upgrade,
} from "../src/index";
import { loadScript, openDatabase, openWithScript, writeScript } from "./support/script-fixture";

const A = "aaaaaaaaaaa1";

test("alterColumn maps existing* hints into AlterColumnOp.existing", async () => {
  const ctx = new MigrationContext({ dialect: getDialect("postgres") });
  const seen: OpNode[] = [];
  const op = createOperations(ctx);
  // Intercept through invoke's registry: an implementation for AlterColumnOp records the node.
  const restore = implementationFor("AlterColumnOp", async (_ctx, node) => void seen.push(node));
  try {
    await op.alterColumn("accounts", "name", {
      schema: "app",
      type: "varchar(100)",
      nullable: false,
      default: null,
      newName: "full_name",
      using: "name::varchar(100)",
      existingType: "varchar(50)",
      existingNullable: true,
      existingDefault: "'x'",
      existingComment: "the name",
      existing: { charset: "utf8mb4", type: "ignored-by-existingType" },
    });
  } finally {
    restore();
  }
  // Restored: the op compiles through the dialect again.
  await op.alterColumn("accounts", "name", { nullable: true });
  assert.deepEqual(offlineStatements(ctx.sql), ['ALTER TABLE "accounts" ALTER COLUMN "name" DROP NOT NULL']);
  const node = seen[0] as AlterColumnOp;
  assert.ok(AlterColumnOp.is(node));
  assert.deepEqual(node.table, QualifiedName.create("accounts", "app"));
  assert.equal(node.column, "name");
  assert.deepEqual(node.modify, { type: "varchar(100)", nullable: false, default: null, name: "full_name" });
  assert.deepEqual(node.existing, {
    charset: "utf8mb4",
    type: "varchar(50)",
    nullable: true,
    default: "'x'",
    comment: "the name",
  });
  assert.equal(node.using, "name::varchar(100)");
});

test("f() returns the name; context exposes dialect, offline flag, tag and -x", () => {
  const ctx = new MigrationContext({ dialect: getDialect("sqlite"), x: { a: "1" }, tag: "v2" });
  const op = createOperations(ctx);
  assert.equal(op.f("ix_final_name"), "ix_final_name");
  assert.equal(op.context.dialect, "sqlite");
  assert.equal(op.context.isOffline, true);
  assert.equal(op.context.tag, "v2");
  assert.deepEqual(op.context.getXArgument(), { a: "1" });
  assert.equal(op.context.getXArgument("a"), "1");
  assert.equal(op.context.getXArgument("b"), undefined);
});

test("registerOperation adds op.<name>; a built-in name is refused; an op without implementation is never skipped", async () => {
  interface ShoutOp extends OpNode {
    readonly kind: "ShoutOp";
    readonly text: string;
  }
  registerOperation("shout", (text: string): ShoutOp => freeze({ kind: "ShoutOp", text }));
  assert.ok(isRegisteredOperation("shout"));
  assert.throws(() => registerOperation("createTable", () => freeze({ kind: "X" })), CommandError);

  const ctx = new MigrationContext({ dialect: getDialect("mysql") });
  const op = createOperations(ctx);
  const custom = op as unknown as { shout(text: string): Promise<void> };
  await assert.rejects(custom.shout("hi"), UnsupportedOpError);

  implementationFor<ShoutOp>("ShoutOp", async (c, node) =>
    c.execute(`SELECT ${c.impl.literal(node.text.toUpperCase())}`),
  );
  await custom.shout("hi");
  assert.equal(ctx.sql, "SELECT 'HI';\n");
});

for (const name of dialectsUnderTest()) {
  test(`${name}: bulkInsert, getXArgument and tag online`, async (t) => {
    const env = await openWithScript(t, name, [
      {
        rev: A,
        down: null,
        upgrade: `  await op.createTable("settings", [{ name: "k", type: "varchar(20)", primaryKey: true }, { name: "v", type: "varchar(50)" }, { name: "n", type: "integer" }]);
  await op.bulkInsert("settings", [
    { k: "tenant", v: op.context.getXArgument("tenant") ?? null, n: 1 },
    { k: "tag", v: op.context.tag ?? null, n: 2 },
    { k: "quote", v: "it's", n: null },
    { k: "offline", v: String(op.context.isOffline) },
  ]);`,
        downgrade: "",
      },
    ]);
    if (!env) return;
    const { conn, dialect, script } = env;
    await upgrade({ script, dialect, connection: conn, target: "head", x: { tenant: "acme" }, tag: "blue" });
    const { rows } = await conn.query<{ k: string; v: string | null; n: number | null }>(
      `SELECT k, v, n FROM ${dialect.quote("settings")} ORDER BY k`,
    );
    assert.deepEqual(
      rows.map((r) => [r.k, r.v, r.n === null ? null : Number(r.n)]),
      [
        ["offline", "false", null],
        ["quote", "it's", null],
        ["tag", "blue", 2],
        ["tenant", "acme", 1],
      ],
    );
  });

  test(`${name}: autocommitBlock runs outside the migration's transaction`, async (t) => {
    const env = await openDatabase(t, name);
    if (!env) return;
    const { conn, dialect } = env;
    const { beginStatement, commitStatement, supportsTransactionalDdl } = dialect.adapter;
    const script = loadScript(
      writeScript([
        {
          rev: A,
          down: null,
          upgrade: `  await op.execute("CREATE TABLE before_block (id integer)");
  await op.autocommitBlock(async () => {
    await op.execute("CREATE TABLE in_block (id integer)");
  });
  await op.execute("CREATE TABLE after_block (id integer)");`,
          downgrade: "",
        },
      ]),
    );
    const statements: string[] = [];
    await upgrade({ script, dialect, connection: conn, target: "head", onStatement: (s) => statements.push(s) });
    const at = statements.indexOf("CREATE TABLE in_block (id integer)");
    if (supportsTransactionalDdl) {
      assert.deepEqual(statements.slice(at - 1, at + 2), [
        commitStatement,
        "CREATE TABLE in_block (id integer)",
        beginStatement,
      ]);
    } else {
      assert.ok(!statements.includes(beginStatement) && !statements.includes(commitStatement), statements.join("\n"));
    }
    const offline = (await upgrade({ script, dialect, sql: true, target: "head" })) as string;
    assert.deepEqual(offlineStatements(offline), statements);
  });
}

test("postgres: CREATE INDEX CONCURRENTLY works inside autocommitBlock and fails outside it", async (t) => {
  const env = await openDatabase(t, "postgres");
  if (!env) return;
  const { conn, dialect } = env;
  const script = (inBlock: boolean) =>
    loadScript(
      writeScript([
        {
          rev: A,
          down: null,
          upgrade: `  await op.createTable("items", [{ name: "id", type: "integer", primaryKey: true }, { name: "sku", type: "text" }]);
  const index = () => op.createIndex("ix_items_sku", "items", ["sku"], { concurrently: true });
  ${inBlock ? "await op.autocommitBlock(index);" : "await index();"}`,
          downgrade: "",
        },
      ]),
    );
  await assert.rejects(
    upgrade({ script: script(false), dialect, connection: conn, target: "head" }),
    /CONCURRENTLY cannot run inside a transaction block/,
  );
  await upgrade({ script: script(true), dialect, connection: conn, target: "head" });
  const { rows } = await conn.query(
    "SELECT indexname FROM pg_indexes WHERE tablename = 'items' AND indexname = 'ix_items_sku'",
  );
  assert.equal(rows.length, 1);
});
