import {
  AddColumnOp,
  AlterColumnOp,
  CreateForeignKeyOp,
  CreateIndexOp,
  CreateTableOp,
  CreateUniqueConstraintOp,
  DropColumnOp,
  DropConstraintOp,
  DropIndexOp,
  DropTableOp,
  RecreateEnumOp,
  RenameConstraintOp,
  RenameEnumValueOp,
  RenameIndexOp,
  RenameTableOp,
  type Column,
  type ForeignKey,
  type Index,
  type UniqueConstraint,
  type ColumnChanges,
  type OpNode,
  type QualifiedName,
  type Table,
} from "@autogen/core";
import type { RenameCandidate } from "./rename-candidate";

/**
 * A candidate as compare found it: whether it is worth asking about, and the op that makes
 * the rename (applied to the database's schema model before comparing again).
 */
export interface FoundRename {
  readonly candidate: RenameCandidate;
  /**
   * False for a pair only a `--rename` hint confirms, never asked about: two tables that share
   * fewer than half of their columns by name.
   */
  readonly plausible: boolean;
  readonly op: OpNode;
  /** What the rename uses up: the dropped object and the created one (each is renamed at most once). */
  readonly fromKey: string;
  readonly toKey: string;
}

/** `schema.name`, or `name` in the default schema. */
export const displayName = (q: { readonly schema?: string | null; readonly name: string }): string =>
  q.schema ? `${q.schema}.${q.name}` : q.name;

/** The ops of each table, whichever container compare put them in (a table may have several). */
function opsByTable(ops: readonly OpNode[]): Map<string, { table: QualifiedName; ops: OpNode[] }> {
  const out = new Map<string, { table: QualifiedName; ops: OpNode[] }>();
  for (const op of ops) {
    const c = op as OpNode & { table?: QualifiedName; ops?: readonly OpNode[] };
    if (!c.ops || !c.table) continue;
    const key = displayName(c.table);
    const entry = out.get(key) ?? { table: c.table, ops: [] };
    entry.ops.push(...c.ops);
    out.set(key, entry);
  }
  return out;
}

/** Every property of the reflected column: AlterColumnOp's `existing` (MySQL's CHANGE restates the column). */
function existingOf(c: Column): ColumnChanges {
  const { kind: _kind, name: _name, ...props } = c;
  return props;
}

/** A dropped and an added column of one table: every pair, those of the same type first. */
function columnCandidates(table: QualifiedName, ops: readonly OpNode[]): FoundRename[] {
  const dropped = ops.filter(DropColumnOp.is).map((o) => o.column);
  const added = ops.filter(AddColumnOp.is).map((o) => o.column);
  const pairs = dropped.flatMap((d) => added.filter((a) => a.name !== d.name).map((a) => ({ d, a })));
  const sameType = (p: { d: Column; a: Column }) => (p.d.type === p.a.type ? 0 : 1);
  const where = displayName(table);
  return pairs
    .map((p, i) => ({ ...p, i }))
    .sort((x, y) => sameType(x) - sameType(y) || x.i - y.i)
    .map(({ d, a }) => ({
      candidate: { kind: "column", table: where, from: d.name, to: a.name },
      plausible: true,
      op: AlterColumnOp.create(
        { schema: table.schema ?? null, name: table.name },
        d.name,
        { name: a.name },
        existingOf(d),
      ),
      fromKey: `column\0${where}\0${d.name}`,
      toKey: `column\0${where}\0${a.name}`,
    }));
}

/** How many columns two tables share by name, over the larger one's count. */
function sharedColumns(a: Table, b: Table): number {
  const names = new Set(a.columns.map((c) => c.name));
  const shared = b.columns.filter((c) => names.has(c.name)).length;
  return shared / Math.max(a.columns.length, b.columns.length, 1);
}

/**
 * A dropped and a created table in the same schema. Every pair is a candidate a hint may
 * confirm; only those sharing at least half of their columns by name are asked about, most
 * alike first (same names and types is the strongest).
 */
function tableCandidates(ops: readonly OpNode[]): FoundRename[] {
  const dropped = ops.filter(DropTableOp.is).map((o) => o.table);
  const created = ops.filter(CreateTableOp.is).map((o) => o.table);
  const sameTypes = (a: Table, b: Table) =>
    a.columns.every((c) => b.columns.some((x) => x.name === c.name && x.type === c.type)) &&
    a.columns.length === b.columns.length;
  const pairs = dropped.flatMap((d) =>
    created
      .filter((c) => (c.schema ?? null) === (d.schema ?? null))
      .map((c) => ({ d, c, score: sharedColumns(d, c) + (sameTypes(d, c) ? 1 : 0) })),
  );
  return pairs
    .map((p, i) => ({ ...p, i }))
    .sort((x, y) => y.score - x.score || x.i - y.i)
    .map(({ d, c, score }) => ({
      candidate: { kind: "table", table: displayName(d), from: d.name, to: c.name },
      plausible: score >= 0.5,
      op: RenameTableOp.create({ schema: d.schema ?? null, name: d.name }, c.name),
      fromKey: `table\0${displayName(d)}`,
      toKey: `table\0${displayName(c)}`,
    }));
}

/** Two objects alike but for their names (both canonical: structural equality is enough). */
const sameButName = (a: { name: string | null }, b: { name: string | null }): boolean =>
  JSON.stringify({ ...a, name: null }) === JSON.stringify({ ...b, name: null });

/**
 * A dropped and a created index, unique constraint or foreign key of one table with the same
 * definition under another name (a table rename changes the names TypeORM derives from it).
 */
function definitionCandidates(table: QualifiedName, ops: readonly OpNode[]): FoundRename[] {
  const where = displayName(table);
  const t = { schema: table.schema ?? null, name: table.name };
  const pairs = <T extends { name: string | null }>(
    kind: "index" | "unique" | "foreign-key",
    dropped: readonly T[],
    created: readonly T[],
    op: (from: T, to: T) => OpNode,
  ): FoundRename[] =>
    dropped.flatMap((d) =>
      created
        .filter((c) => d.name !== null && c.name !== null && c.name !== d.name && sameButName(d, c))
        .map((c) => ({
          candidate: { kind, table: where, from: d.name!, to: c.name! },
          plausible: true,
          op: op(d, c),
          fromKey: `${kind}\0${where}\0${d.name}`,
          toKey: `${kind}\0${where}\0${c.name}`,
        })),
    );
  const droppedConstraints = ops.filter(DropConstraintOp.is).map((o) => o.constraint);
  return [
    ...pairs<Index>(
      "index",
      ops.filter(DropIndexOp.is).map((o) => o.index),
      ops.filter(CreateIndexOp.is).map((o) => o.index),
      (d, c) => RenameIndexOp.create(t, d, c.name),
    ),
    ...pairs<UniqueConstraint>(
      "unique",
      droppedConstraints.filter((c): c is UniqueConstraint => c.kind === "UniqueConstraint"),
      ops.filter(CreateUniqueConstraintOp.is).map((o) => o.constraint),
      (d, c) => RenameConstraintOp.create(t, d, c.name!),
    ),
    ...pairs<ForeignKey>(
      "foreign-key",
      droppedConstraints.filter((c): c is ForeignKey => c.kind === "ForeignKey"),
      ops.filter(CreateForeignKeyOp.is).map((o) => o.constraint),
      (d, c) => RenameConstraintOp.create(t, d, c.name!),
    ),
  ];
}

/**
 * A PostgreSQL enum whose recreation removes one value and adds one at the same position: the
 * value renamed (ALTER TYPE ... RENAME VALUE keeps the rows, where the recreation would fail on
 * a row holding the old value).
 */
function enumValueCandidates(ops: readonly OpNode[]): FoundRename[] {
  return ops.filter(RecreateEnumOp.is).flatMap((op) => {
    const removed = RecreateEnumOp.removedValues(op);
    const added = RecreateEnumOp.addedValues(op);
    if (removed.length !== 1 || added.length !== 1 || op.existingValues.length !== op.enum.values.length) return [];
    const [from, to] = [removed[0]!, added[0]!];
    const samePlace = op.existingValues.every((v, i) =>
      v === from ? op.enum.values[i] === to : op.enum.values[i] === v,
    );
    if (!samePlace) return [];
    const where = displayName(op.enum);
    return [
      {
        candidate: { kind: "enum-value", table: where, from, to },
        plausible: true,
        op: RenameEnumValueOp.create({ schema: op.enum.schema ?? null, name: op.enum.name }, from, to),
        fromKey: `enum-value\0${where}\0${from}`,
        toKey: `enum-value\0${where}\0${to}`,
      },
    ];
  });
}

/**
 * The rename candidates in an upgrade op list (compare's output): a dropped and a created
 * table; in one table, a dropped and an added column, or an index, unique constraint or
 * foreign key dropped and created under another name; an enum value renamed in place.
 * Candidates come tables first (a renamed table's columns are compared once it is renamed),
 * each group in a stable order.
 */
export function findRenameCandidates(ops: readonly OpNode[]): FoundRename[] {
  const tables = [...opsByTable(ops).values()];
  return [
    ...tableCandidates(ops),
    ...tables.flatMap((t) => columnCandidates(t.table, t.ops)),
    ...tables.flatMap((t) => definitionCandidates(t.table, t.ops)),
    ...enumValueCandidates(ops),
  ];
}
