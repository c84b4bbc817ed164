import {
  AddColumnOp,
  BatchAlterTableOp,
  DropColumnOp,
  Index,
  IndexElement,
  ModifyTableOps,
  Table,
  type OpNode,
} from "@autogen/core";

/**
 * MySQL/MariaDB accept an AUTO_INCREMENT column only as the first column of some key
 * ("there can be only one auto column and it must be defined as a key"). A model column that
 * auto-increments without being the key (`@Generated("increment")` on another column) gets the
 * index `KEY (col)` would make: named after the column, so a table written that way by hand
 * compares equal.
 */
export function withAutoIncrementKeys(table: Table): Table {
  // Nearly every table: its one auto-increment column, if any, starts the primary key.
  const keyFirst = table.primaryKey?.columns[0];
  if (!table.columns.some((c) => c.autoIncrement && c.name !== keyFirst)) return table;
  const starts = new Set<string>([
    ...(table.primaryKey ? table.primaryKey.columns.slice(0, 1) : []),
    ...table.indexes.flatMap((i) => (i.elements[0]?.column ? [i.elements[0].column] : [])),
    ...table.uniques.flatMap((u) => u.columns.slice(0, 1)),
  ]);
  const missing = table.columns.filter((c) => c.autoIncrement && !starts.has(c.name));
  if (missing.length === 0) return table;
  const added = missing.map((c) => Index.create(c.name, [IndexElement.column(c.name)]));
  return Table.cloneWith(table, { indexes: [...table.indexes, ...added] });
}

/**
 * The indexes of a table that give its AUTO_INCREMENT columns off the primary key their key
 * (one per such column, the first index starting with it), which CREATE TABLE must hold: the
 * column cannot be created first and indexed after.
 */
export function autoIncrementKeyIndexes(table: Table): Index[] {
  const keyFirst = table.primaryKey?.columns[0];
  const out: Index[] = [];
  for (const c of table.columns) {
    if (!c.autoIncrement || c.name === keyFirst) continue;
    if (table.uniques.some((u) => u.columns[0] === c.name)) continue;
    const index = table.indexes.find((i) => i.elements[0]?.column === c.name);
    if (index) out.push(index);
  }
  return out;
}

/** Whether an op adds or drops an AUTO_INCREMENT column. */
export const addsOrDropsAutoIncrement = (op: OpNode): boolean =>
  (AddColumnOp.is(op) || DropColumnOp.is(op)) && op.column.autoIncrement;

/** The op kinds that are clauses of one ALTER TABLE: the column and key changes of a table. */
const ALTER_CLAUSE_KINDS: ReadonlySet<string> = new Set([
  "AddColumnOp",
  "DropColumnOp",
  "AlterColumnOp",
  "CreateIndexOp",
  "DropIndexOp",
  "CreatePrimaryKeyOp",
  "CreateUniqueConstraintOp",
  "CreateForeignKeyOp",
  "DropConstraintOp",
]);

/**
 * An existing table's changes as MySQL/MariaDB can run them: an AUTO_INCREMENT column can only
 * be added together with its key (and dropped together with it), so when one is, the table's
 * column and key changes become one batch block, which the MySQL compiler writes as a single
 * ALTER TABLE; the table's other changes (comments) follow it.
 */
export function autoIncrementChangesTogether(op: ModifyTableOps): OpNode {
  if (!op.ops.some(addsOrDropsAutoIncrement)) return op;
  const clauses = op.ops.filter((o) => ALTER_CLAUSE_KINDS.has(o.kind));
  const rest = op.ops.filter((o) => !ALTER_CLAUSE_KINDS.has(o.kind));
  return ModifyTableOps.create(op.table, [BatchAlterTableOp.create(op.table, clauses, "auto"), ...rest]);
}
