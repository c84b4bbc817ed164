/**
 * A tiny in-memory executor for the ops compare emits, used to check that a diff really turns
 * the reflected schema into the target and that its reverse (core's reverseUpgradeOps) turns
 * it back: the invariant, without a database.
 */
import {
  Column,
  Enum,
  Schema,
  Table,
  type AddColumnOp,
  type AddEnumValueOp,
  type AlterColumnOp,
  type CreateCheckConstraintOp,
  type CreateEnumOp,
  type CreateForeignKeyOp,
  type CreateIndexOp,
  type CreatePrimaryKeyOp,
  type CreateTableCommentOp,
  type CreateTableOp,
  type CreateUniqueConstraintOp,
  type DropColumnOp,
  type DropConstraintOp,
  type DropEnumOp,
  type DropIndexOp,
  type DropTableCommentOp,
  type DropTableOp,
  type ModifyTableOps,
  type OpNode,
  type QualifiedName,
} from "@autogen/core";

type Tables = Map<string, Table>;
const key = (q: { schema: string | null; name: string }): string => `${q.schema ?? ""}.${q.name}`;

function onTable(tables: Tables, q: QualifiedName, f: (t: Table) => Partial<Table>): void {
  const t = tables.get(key(q));
  if (!t) throw new Error(`no table ${key(q)}`);
  tables.set(key(q), Table.cloneWith(t, f(t)));
}

const sameConstraint = (a: Constraint, b: Constraint): boolean =>
  a.kind === b.kind && a.name === b.name && JSON.stringify(a) === JSON.stringify(b);
type Constraint = DropConstraintOp["constraint"];

export function applyOps(s: Schema, ops: readonly OpNode[]): Schema {
  const tables: Tables = new Map(s.tables.map((t) => [key(t), t]));
  let enums = [...s.enums];
  const apply = (op: OpNode): void => {
    switch (op.kind) {
      case "ModifyTableOps":
        (op as ModifyTableOps).ops.forEach(apply);
        return;
      case "CreateTableOp":
        tables.set(key((op as CreateTableOp).table), (op as CreateTableOp).table);
        return;
      case "DropTableOp":
        if (!tables.delete(key((op as DropTableOp).table))) throw new Error("drop of a missing table");
        return;
      case "AddColumnOp": {
        const o = op as AddColumnOp;
        return onTable(tables, o.table, (t) => ({ columns: [...t.columns, o.column] }));
      }
      case "DropColumnOp": {
        const o = op as DropColumnOp;
        return onTable(tables, o.table, (t) => ({ columns: t.columns.filter((c) => c.name !== o.column.name) }));
      }
      case "AlterColumnOp": {
        const o = op as AlterColumnOp;
        return onTable(tables, o.table, (t) => ({
          columns: t.columns.map((c) => (c.name === o.column ? Column.cloneWith(c, o.modify) : c)),
        }));
      }
      case "CreateIndexOp": {
        const o = op as CreateIndexOp;
        return onTable(tables, o.table, (t) => ({ indexes: [...t.indexes, o.index] }));
      }
      case "DropIndexOp": {
        const o = op as DropIndexOp;
        return onTable(tables, o.table, (t) => ({ indexes: t.indexes.filter((i) => i.name !== o.index.name) }));
      }
      case "CreateUniqueConstraintOp": {
        const o = op as CreateUniqueConstraintOp;
        return onTable(tables, o.table, (t) => ({ uniques: [...t.uniques, o.constraint] }));
      }
      case "CreateForeignKeyOp": {
        const o = op as CreateForeignKeyOp;
        return onTable(tables, o.table, (t) => ({ foreignKeys: [...t.foreignKeys, o.constraint] }));
      }
      case "CreateCheckConstraintOp": {
        const o = op as CreateCheckConstraintOp;
        return onTable(tables, o.table, (t) => ({ checks: [...t.checks, o.constraint] }));
      }
      case "CreatePrimaryKeyOp": {
        const o = op as CreatePrimaryKeyOp;
        return onTable(tables, o.table, () => ({ primaryKey: o.constraint }));
      }
      case "DropConstraintOp": {
        const o = op as DropConstraintOp;
        return onTable(tables, o.table, (t) => ({
          primaryKey: o.constraint.kind === "PrimaryKey" ? null : t.primaryKey,
          uniques: t.uniques.filter((c) => !sameConstraint(c, o.constraint)),
          foreignKeys: t.foreignKeys.filter((c) => !sameConstraint(c, o.constraint)),
          checks: t.checks.filter((c) => !sameConstraint(c, o.constraint)),
        }));
      }
      case "CreateTableCommentOp": {
        const o = op as CreateTableCommentOp;
        return onTable(tables, o.table, () => ({ comment: o.comment }));
      }
      case "DropTableCommentOp":
        return onTable(tables, (op as DropTableCommentOp).table, () => ({ comment: null }));
      case "CreateEnumOp":
        enums.push((op as CreateEnumOp).enum);
        return;
      case "DropEnumOp":
        enums = enums.filter((e) => key(e) !== key((op as DropEnumOp).enum));
        return;
      case "AddEnumValueOp": {
        const o = op as AddEnumValueOp;
        enums = enums.map((e) => {
          if (key(e) !== key(o.enum)) return e;
          const values = [...e.values];
          const at =
            o.before !== null
              ? values.indexOf(o.before)
              : o.after !== null
                ? values.indexOf(o.after) + 1
                : values.length;
          values.splice(at, 0, o.value);
          return Enum.create(e.name, values, e.schema);
        });
        return;
      }
      default:
        throw new Error(`applyOps: ${op.kind} not supported`);
    }
  };
  ops.forEach(apply);
  return Schema.create({ ...s, tables: [...tables.values()], enums });
}

/** A schema's content independent of list order (columns, constraints and tables as sorted maps). */
export function normalize(s: Schema): unknown {
  const byName = <T extends { name: string | null }>(xs: readonly T[]): T[] =>
    [...xs].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  return {
    tables: [...s.tables]
      .map((t) => ({
        ...t,
        columns: byName(t.columns),
        indexes: byName(t.indexes),
        uniques: byName(t.uniques),
        foreignKeys: byName(t.foreignKeys),
        checks: byName(t.checks),
      }))
      .sort((a, b) => key(a).localeCompare(key(b))),
    enums: [...s.enums].sort((a, b) => key(a).localeCompare(key(b))),
  };
}
