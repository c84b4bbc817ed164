import { UnsupportedOpError } from "../errors";
import { Column, type ColumnChanges } from "../schema/column";
import type { Constraint, ForeignKey, PrimaryKey, UniqueConstraint } from "../schema/constraints";
import type { Index } from "../schema/index-node";
import { QualifiedName } from "../schema/qualified-name";
import { Table } from "../schema/table";
import type { BuiltinOps } from "./builtin-ops";
import type { AlterColumnOp } from "./column-ops";
import type { OpNode } from "./op-node";
import { renameIdentifier } from "./rename-identifier";

/** The op kinds that change one table's definition. */
type TableOpKind =
  | "AddColumnOp"
  | "DropColumnOp"
  | "AlterColumnOp"
  | "CreateIndexOp"
  | "DropIndexOp"
  | "CreateUniqueConstraintOp"
  | "CreateForeignKeyOp"
  | "CreateCheckConstraintOp"
  | "CreateExclusionConstraintOp"
  | "CreatePrimaryKeyOp"
  | "DropConstraintOp"
  | "RenameIndexOp"
  | "RenameConstraintOp"
  | "CreateTableCommentOp"
  | "DropTableCommentOp";

/** How each table op changes the table. */
const APPLIERS: { [K in TableOpKind]: (t: Table, op: BuiltinOps[K]) => Table } = {
  AddColumnOp: (t, op) => Table.cloneWith(t, { columns: [...t.columns, op.column] }),
  DropColumnOp: (t, op) => dropColumn(t, op.column.name),
  AlterColumnOp: (t, op) => alterColumn(t, op),
  CreateIndexOp: (t, op) =>
    Table.cloneWith(t, { indexes: [...t.indexes.filter((i) => i.name !== op.index.name), op.index] }),
  DropIndexOp: (t, op) => Table.cloneWith(t, { indexes: t.indexes.filter((i) => i.name !== op.index.name) }),
  CreateUniqueConstraintOp: (t, op) => Table.cloneWith(t, { uniques: [...t.uniques, op.constraint] }),
  CreateForeignKeyOp: (t, op) => Table.cloneWith(t, { foreignKeys: [...t.foreignKeys, op.constraint] }),
  CreateCheckConstraintOp: (t, op) => Table.cloneWith(t, { checks: [...t.checks, op.constraint] }),
  CreateExclusionConstraintOp: (t, op) => Table.cloneWith(t, { exclusions: [...t.exclusions, op.constraint] }),
  CreatePrimaryKeyOp: (t, op) => createPrimaryKey(t, op.constraint),
  DropConstraintOp: (t, op) => dropConstraint(t, op.constraint),
  RenameIndexOp: (t, op) =>
    Table.cloneWith(t, { indexes: t.indexes.map((i) => (i.name === op.index.name ? { ...i, name: op.newName } : i)) }),
  RenameConstraintOp: (t, op) => {
    const renamed = <T extends { name: string | null }>(c: T): T =>
      c.name !== null && c.name === op.constraint.name ? { ...c, name: op.newName } : c;
    return Table.cloneWith(t, { uniques: t.uniques.map(renamed), foreignKeys: t.foreignKeys.map(renamed) });
  },
  CreateTableCommentOp: (t, op) => Table.cloneWith(t, { comment: op.comment }),
  DropTableCommentOp: (t) => Table.cloneWith(t, { comment: null }),
};

/**
 * Applies column, index, constraint and comment ops to a table model and returns the new
 * table (SQLite's batch mode builds the recreated table this way). Pure: no SQL, no I/O.
 * Any other op kind (a rename of the table, raw SQL, a custom op) throws UnsupportedOpError,
 * because it cannot be expressed as a change of the table definition.
 */
export function applyOpsToTable(table: Table, ops: readonly OpNode[]): Table {
  return ops.reduce<Table>((t, op) => {
    if (!Object.hasOwn(APPLIERS, op.kind))
      throw new UnsupportedOpError(op.kind, `a batch on table ${QualifiedName.key(table)}`);
    return (APPLIERS as unknown as Record<string, (t: Table, op: OpNode) => Table>)[op.kind]!(t, op);
  }, table);
}

/** A dropped column also leaves every index and constraint that names it (as the database would). */
function dropColumn(t: Table, name: string): Table {
  const keeps = (cols: readonly (string | null)[]) => !cols.includes(name);
  const pkColumns = t.primaryKey?.columns.filter((c) => c !== name) ?? [];
  return Table.cloneWith(t, {
    columns: t.columns.filter((c) => c.name !== name),
    primaryKey: t.primaryKey && pkColumns.length ? { ...t.primaryKey, columns: pkColumns } : null,
    indexes: t.indexes.filter((i) => keeps(i.elements.map((e) => e.column)) && !i.include.includes(name)),
    uniques: t.uniques.filter((u) => keeps(u.columns)),
    foreignKeys: t.foreignKeys.filter((f) => keeps(f.columns)),
  });
}

function alterColumn(t: Table, op: AlterColumnOp): Table {
  const current = Table.column(t, op.column);
  if (!current)
    throw new UnsupportedOpError(`AlterColumnOp on missing column ${op.column}`, `table ${QualifiedName.key(t)}`);
  const { name: newName, ...changes } = op.modify as ColumnChanges;
  const altered = Column.cloneWith(current, { ...changes, name: newName ?? current.name });
  const columns = t.columns.map((c) => (c.name === op.column ? altered : c));
  if (newName === undefined || newName === op.column) return Table.cloneWith(t, { columns });
  const rename = (c: string) => (c === op.column ? newName : c);
  const renameAll = (cols: readonly string[]) => cols.map(rename);
  const selfReference = (f: ForeignKey) => f.refTable === t.name && (f.refSchema ?? null) === (t.schema ?? null);
  return Table.cloneWith(t, {
    columns,
    primaryKey: t.primaryKey ? { ...t.primaryKey, columns: renameAll(t.primaryKey.columns) } : null,
    indexes: t.indexes.map((i): Index => ({
      ...i,
      elements: i.elements.map((e) => (e.column === null ? e : { ...e, column: rename(e.column) })),
      include: renameAll(i.include),
    })),
    uniques: t.uniques.map((u): UniqueConstraint => ({ ...u, columns: renameAll(u.columns) })),
    foreignKeys: t.foreignKeys.map((f): ForeignKey => ({
      ...f,
      columns: renameAll(f.columns),
      refColumns: selfReference(f) ? renameAll(f.refColumns) : f.refColumns,
    })),
    // The database rewrites a check that names the column (the reverse re-creates it by this text).
    checks: t.checks.map((k) => ({ ...k, expression: renameIdentifier(k.expression, op.column, newName) })),
  });
}

/** Primary-key columns are NOT NULL in every dialect (PostgreSQL sets it when the key is added). */
function createPrimaryKey(t: Table, pk: PrimaryKey): Table {
  return Table.cloneWith(t, {
    primaryKey: pk,
    columns: t.columns.map((c) => (pk.columns.includes(c.name) ? Column.cloneWith(c, { nullable: false }) : c)),
  });
}

/**
 * A named constraint is found by its name in every list (a batch `dropConstraint(name)` may not
 * say which kind it is); an unnamed one by its kind and its columns or expression.
 */
function dropConstraint(t: Table, c: Constraint): Table {
  if (c.name !== null) {
    const other = <T extends { name: string | null }>(xs: readonly T[]) => xs.filter((x) => x.name !== c.name);
    return Table.cloneWith(t, {
      primaryKey: c.kind === "PrimaryKey" || t.primaryKey?.name === c.name ? null : t.primaryKey,
      uniques: other(t.uniques),
      foreignKeys: other(t.foreignKeys),
      checks: other(t.checks),
      exclusions: other(t.exclusions),
    });
  }
  const columnsOf = (x: { columns: readonly string[] }) => x.columns.join(",");
  switch (c.kind) {
    case "PrimaryKey":
      return Table.cloneWith(t, { primaryKey: null });
    case "UniqueConstraint":
      return Table.cloneWith(t, { uniques: t.uniques.filter((u) => u.name !== null || columnsOf(u) !== columnsOf(c)) });
    case "ForeignKey":
      return Table.cloneWith(t, {
        foreignKeys: t.foreignKeys.filter((f) => f.name !== null || columnsOf(f) !== columnsOf(c)),
      });
    case "CheckConstraint":
      return Table.cloneWith(t, { checks: t.checks.filter((k) => k.name !== null || k.expression !== c.expression) });
    case "ExclusionConstraint":
      return Table.cloneWith(t, {
        exclusions: t.exclusions.filter((k) => k.name !== null || k.expression !== c.expression),
      });
  }
}
