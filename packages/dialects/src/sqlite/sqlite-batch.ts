import {
  applyOpsToTable,
  CreateIndexOp,
  CreateTableOp,
  DatabaseError,
  freeze,
  QualifiedName,
  RenameTableOp,
  Table,
  type AddColumnOp,
  type AlterColumnOp,
  type BatchAlterTableOp,
  type DropColumnOp,
  type OpNode,
} from "@autogen/core";
import type { Connection } from "../connection";
import type { MigrationSession } from "../dialect";
import { SqliteDdlCompiler } from "./sqlite-ddl-compiler";
import { sqliteSyntax } from "./sqlite-syntax";

/** The recreated table and the statements that get the database there. */
export interface SqliteBatchPlan {
  readonly table: Table;
  readonly statements: readonly string[];
}

/** Prefix of the table the new definition is built in. */
const TMP_PREFIX = "_autogen_tmp_";

/**
 * Plans a batch ("move and copy") per SQLite's procedure for schema changes ALTER TABLE cannot
 * make (https://www.sqlite.org/lang_altertable.html#otheralter): create the new definition under
 * a temporary name, copy the surviving columns (renames followed), drop the old table, rename the
 * new one into place, create the indexes again.
 *
 * Values are copied as they are, never through CAST: the INSERT applies the new column's affinity,
 * which converts a value only when that is lossless ('7' into an INTEGER column becomes 7, 'abc'
 * stays 'abc'; https://www.sqlite.org/datatype3.html#type_affinity). CAST to a NUMERIC-affinity
 * type (DATE, DATETIME, BOOLEAN, JSON, DECIMAL) would turn '2021-02-01' into 2021 and any JSON
 * text into 0, and CAST to INTEGER would cut 1.25 to 1.
 *
 * The caller runs the statements with foreign keys OFF and checks `PRAGMA foreign_key_check`
 * afterwards: with enforcement on, DROP TABLE would delete the rows of ON DELETE CASCADE children.
 * Children keep referencing the table by name, so they point at the new table once it is renamed,
 * and self-references in the new definition name the final table, not the temporary one; so do
 * views and triggers, which the rename leaves as they are. An AUTOINCREMENT table keeps its
 * counter (see keepAutoIncrementCounter).
 *
 * @param current the table as it is in the database (reflected).
 * @param ops     the batch's ops, applied in order with applyOpsToTable.
 */
export function planSqliteBatch(current: Table, ops: readonly OpNode[]): SqliteBatchPlan {
  const table = applyOpsToTable(current, ops);
  const tmp = QualifiedName.create(TMP_PREFIX + current.name, current.schema);
  const compile = (op: OpNode) => new SqliteDdlCompiler().compile(op);
  const q = qualified;

  const origins = columnOrigins(current, ops);
  const copied = table.columns.filter((c) => origins.has(c.name) && c.generated === null);

  const statements = [
    ...compile(CreateTableOp.create(Table.cloneWith(table, { name: tmp.name, indexes: [] }))),
    ...(copied.length
      ? [
          `INSERT INTO ${q(tmp)} (${copied.map((c) => quote(c.name)).join(", ")}) ` +
            `SELECT ${copied.map((c) => quote(origins.get(c.name) as string)).join(", ")} FROM ${q(current)}`,
        ]
      : []),
    ...keepAutoIncrementCounter(current, table, tmp),
    `DROP TABLE ${q(current)}`,
    // Since 3.26 RENAME checks every view and trigger of the schema, and one that reads the table
    // (just dropped) fails it: "error in view v: no such table". The legacy rename checks nothing,
    // and they name the table by its final name, valid again once the rename is done.
    "PRAGMA legacy_alter_table = ON",
    ...compile(RenameTableOp.create(tmp, current.name)),
    "PRAGMA legacy_alter_table = OFF",
    ...table.indexes.flatMap((i) => compile(CreateIndexOp.create(current, i))),
  ];
  return freeze({ table, statements });
}

const { quote, literal } = sqliteSyntax;
const qualified = (name: QualifiedName): string =>
  name.schema ? `${quote(name.schema)}.${quote(name.name)}` : quote(name.name);

/**
 * AUTOINCREMENT promises never to reuse the key of a deleted row (https://www.sqlite.org/autoinc.html):
 * its high-water mark lives in sqlite_sequence under the table's name, which DROP TABLE deletes,
 * and the copy only leaves the largest surviving key there. So the old table's counter is given to
 * the new one before the drop (RENAME then carries it over). Only when both tables have
 * AUTOINCREMENT: then sqlite_sequence exists, and the counter means the same thing.
 */
function keepAutoIncrementCounter(current: Table, table: Table, tmp: QualifiedName): string[] {
  if (!current.columns.some((c) => c.autoIncrement) || !table.columns.some((c) => c.autoIncrement)) return [];
  const sequence = qualified(QualifiedName.create("sqlite_sequence", current.schema));
  return [
    `DELETE FROM ${sequence} WHERE name = ${literal(tmp.name)}`,
    `INSERT INTO ${sequence} (name, seq) SELECT ${literal(tmp.name)}, seq FROM ${sequence} WHERE name = ${literal(current.name)}`,
  ];
}

/**
 * The query listing the CREATE TRIGGER texts of a table, oldest first (column `sql`). DROP TABLE
 * deletes a table's triggers with it, and the model does not know them, so whoever recreates the
 * table reads them first and runs them again afterwards (https://www.sqlite.org/lang_altertable.html#otheralter, step 8).
 */
export function sqliteTableTriggersQuery(table: QualifiedName): string {
  const catalog = qualified(QualifiedName.create("sqlite_schema", table.schema));
  return `SELECT sql FROM ${catalog} WHERE type = 'trigger' AND tbl_name = ${literal(table.name)} AND sql IS NOT NULL ORDER BY rowid`;
}

/**
 * SQLite's recreateTable (the adapter's): runs the move-and-copy plan for a batch block on the
 * table as it is now. The table's triggers are read first and created again after it (a
 * trigger naming a dropped column then fails the revision instead of vanishing); offline there
 * is no database to read them from, and `o.triggers` (the batch's copyFrom) are created instead. Online, `PRAGMA foreign_key_check` then proves the copy,
 * which ran with foreign keys off (a DROP TABLE with them on would cascade into the children),
 * orphaned nothing, and fails the revision (its transaction rolls back) if it did.
 */
export async function recreateSqliteTable(
  session: MigrationSession,
  current: Table,
  op: BatchAlterTableOp,
  o: { triggers?: readonly string[] } = {},
): Promise<void> {
  const what = `Batch alter of table ${QualifiedName.key(op.table)}`;
  const plan = planSqliteBatch(current, op.ops);
  const triggers = session.isOffline
    ? (o.triggers ?? [])
    : (await session.query<{ sql: string }>(sqliteTableTriggersQuery(op.table), what)).rows.map((r) => r.sql);
  for (const sql of plan.statements) await session.execute(sql);
  for (const sql of triggers) await session.execute(sql);
  if (session.isOffline) return;
  const { rows } = await session.query<{ table: string; rowid: unknown; parent: string }>(
    "PRAGMA foreign_key_check",
    what,
  );
  if (rows.length === 0) return;
  const sample = rows
    .slice(0, 3)
    .map((r) => `${r.table} rowid ${String(r.rowid)} -> ${r.parent}`)
    .join(", ");
  throw new DatabaseError(
    `${what} left ${rows.length} row(s) violating foreign keys (${sample}); the revision is rolled back`,
    { statement: "PRAGMA foreign_key_check" },
  );
}

/**
 * For each column of the new table that holds old data: the name it has in the current table.
 * Renames are followed through the ops; a dropped (or dropped and re-added) column has none.
 */
function columnOrigins(current: Table, ops: readonly OpNode[]): Map<string, string> {
  const origins = new Map(current.columns.map((c) => [c.name, c.name]));
  for (const op of ops) {
    if (op.kind === "DropColumnOp") origins.delete((op as DropColumnOp).column.name);
    else if (op.kind === "AddColumnOp") origins.delete((op as AddColumnOp).column.name);
    else if (op.kind === "AlterColumnOp") {
      const alter = op as AlterColumnOp;
      const to = alter.modify.name;
      const from = origins.get(alter.column);
      if (to === undefined || to === alter.column) continue;
      origins.delete(alter.column);
      if (from !== undefined) origins.set(to, from);
    }
  }
  return origins;
}

/** The adapter's tableTriggers: the CREATE TRIGGER texts of a table, oldest first. */
export async function sqliteTableTriggers(conn: Connection, table: QualifiedName): Promise<string[]> {
  const { rows } = await conn.query<{ sql: string }>(sqliteTableTriggersQuery(table));
  return rows.map((r) => r.sql);
}
