/* The invariant (docs/architecture.md) for one model on one database, as the fixture suites and the random-model
 * suite check it: autogenerate writes a revision, upgrade runs it, autogenerate again finds
 * nothing, downgrade base leaves an empty schema. */
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import type { TestContext } from "node:test";
import { command, defineConfig, type AutogenConfig } from "autogen";
import { connect, getDialect, type Connection, type DialectName } from "@autogen/dialects";
import { type FreshDatabase, tempDir } from "@autogen/dialects/testing";
import { createIntrospector } from "@autogen/reflection";

/** The model side of a config: a DataSource, or entities (plus DataSource options). */
export type ModelSource = Pick<AutogenConfig, "dataSource" | "entities">;

/**
 * Runs the invariant for `model` on `db` (a database by URL, or an open connection every
 * command adopts), in a temp script folder removed after the test.
 */
export async function assertRoundTrip(
  t: TestContext,
  db: Pick<FreshDatabase, "dialect" | "url"> | { dialect: DialectName; connection: Connection },
  model: ModelSource,
  label: string,
): Promise<void> {
  const scriptLocation = tempDir(`inv-${label.replace(/[^\w-]+/g, "_")}`);
  fs.mkdirSync(path.join(scriptLocation, "versions"));
  t.after(() => fs.rmSync(scriptLocation, { recursive: true, force: true }));
  const config = defineConfig({ scriptLocation, ...("url" in db && { url: db.url }), ...model });
  const o = "connection" in db ? { connection: db.connection } : {};

  const file = await command.revision(config, { message: "initial", autogenerate: true, ...o });
  assert.ok(file, "the first autogenerate writes a revision");
  await command.upgrade(config, "head", o);

  const again = await command.check(config, o);
  assert.equal(
    again.upToDate,
    true,
    `phantom diff after upgrade:\n${JSON.stringify(again.ops.upgradeOps.ops, null, 1)}\n--- revision ---\n${fs.readFileSync(file, "utf8")}`,
  );

  await command.downgrade(config, "base", o);
  const conn = "connection" in db ? db.connection : await connect(db.url);
  try {
    const left = await createIntrospector(conn, getDialect(db.dialect)).reflect();
    assert.deepEqual(
      { tables: left.tables.map((x) => x.name), enums: left.enums.map((e) => e.name) },
      { tables: [], enums: [] },
      "downgrade base leaves an empty schema",
    );
  } finally {
    if (!("connection" in db)) await conn.close();
  }
}
