/** Builders, a summary and an order-free view of a schema for compare tests. */
import {
  Column,
  ModifyTableOps,
  QualifiedName,
  Schema,
  Table,
  type AddColumnOp,
  type AddEnumValueOp,
  type AlterColumnOp,
  type ColumnProps,
  type Constraint,
  type CreateEnumOp,
  type CreateIndexOp,
  type CreateTableOp,
  type DropEnumOp,
  type OpNode,
  type TableProps,
  type UpgradeOps,
} from "@autogen/core";
import { compareSchemas, type CompareOptions } from "../src/index";

export const col = (name: string, type: string, props: Partial<ColumnProps> = {}): Column =>
  Column.create(name, type, props);
export const table = (name: string, columns: Column[], props: Partial<TableProps> = {}): Table =>
  Table.create(name, columns, props);
export const schema = (...tables: Table[]): Schema => Schema.create({ tables });

export const diff = (target: Schema, reflected: Schema, o: Partial<CompareOptions> = {}): UpgradeOps =>
  compareSchemas(target, reflected, { dialect: "postgres", ...o });

const constraintLabel = (c: Constraint): string =>
  c.name ?? `(${c.kind} ${"columns" in c ? c.columns.join(",") : c.expression})`;

/** One short line per op, e.g. `users: AlterColumnOp name {"type":"varchar(20)"}`; containers prefix their table. */
export function summarize(ops: readonly OpNode[]): string[] {
  const one = (op: OpNode): string => {
    const o = op as unknown as Record<string, unknown>;
    switch (op.kind) {
      case "CreateTableOp":
      case "DropTableOp":
        return `${op.kind} ${(op as CreateTableOp).table.name}`;
      case "AddColumnOp":
      case "DropColumnOp":
        return `${op.kind} ${(op as AddColumnOp).column.name}`;
      case "AlterColumnOp":
        return `${op.kind} ${(op as AlterColumnOp).column} ${JSON.stringify((op as AlterColumnOp).modify)}`;
      case "CreateIndexOp":
      case "DropIndexOp":
        return `${op.kind} ${(op as CreateIndexOp).index.name}`;
      case "CreateEnumOp":
      case "DropEnumOp":
        return `${op.kind} ${(op as CreateEnumOp | DropEnumOp).enum.name}`;
      case "AddEnumValueOp": {
        const e = op as AddEnumValueOp;
        return `${op.kind} ${e.enum.name} ${e.value} ${e.before !== null ? `before ${e.before}` : e.after !== null ? `after ${e.after}` : ""}`.trimEnd();
      }
      case "CreateTableCommentOp":
      case "DropTableCommentOp":
        return `${op.kind} ${JSON.stringify(o.comment ?? null)}`;
      case "CreateSchemaOp":
        return `${op.kind} ${String(o.name)}`;
      case "RenameTableOp":
        return `${op.kind} ${(o.table as { name: string }).name} -> ${String(o.newName)}`;
      default:
        if (o.constraint) return `${op.kind} ${constraintLabel(o.constraint as Constraint)}`;
        return op.kind;
    }
  };
  return ops.flatMap((op) => (ModifyTableOps.is(op) ? op.ops.map((c) => `${op.table.name}: ${one(c)}`) : [one(op)]));
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
      .sort((a, b) => QualifiedName.key(a).localeCompare(QualifiedName.key(b))),
    enums: [...s.enums].sort((a, b) => QualifiedName.key(a).localeCompare(QualifiedName.key(b))),
  };
}
