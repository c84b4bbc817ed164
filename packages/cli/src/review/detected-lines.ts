import {
  QualifiedName,
  type AddColumnOp,
  type AddEnumValueOp,
  type AlterColumnOp,
  type Constraint,
  type CreateIndexOp,
  type CreateTableOp,
  type DropColumnOp,
  type DropConstraintOp,
  type DropIndexOp,
  type DropTableOp,
  type OpNode,
  type RenameTableOp,
} from "@autogen/core";
import { describeOp } from "../commands/check";

const q = (s: string): string => `'${s}'`;
const key = (t: { schema: string | null; name: string }): string => QualifiedName.key(t);

/**
 * What autogenerate detected, one line per change, worded as Alembic's autogenerate logs it
 * ("Detected added column 'users.x'", "Detected removed table 'x'"); ops inside a table's
 * container are listed one by one. A kind Alembic has no line for is named by its op.
 */
export function detectedLines(ops: readonly OpNode[]): string[] {
  return ops.flatMap((op) => {
    const children = (op as { ops?: readonly OpNode[] }).ops;
    return children ? detectedLines(children) : linesOf(op);
  });
}

function linesOf(op: OpNode): string[] {
  switch (op.kind) {
    case "CreateTableOp":
      return [`Detected added table ${q(key((op as CreateTableOp).table))}`];
    case "DropTableOp":
      return [`Detected removed table ${q(key((op as DropTableOp).table))}`];
    case "RenameTableOp": {
      const r = op as RenameTableOp;
      return [`Detected renamed table ${q(key(r.table))} to ${q(r.newName)}`];
    }
    case "AddColumnOp": {
      const a = op as AddColumnOp;
      return [`Detected added column ${q(`${key(a.table)}.${a.column.name}`)}`];
    }
    case "DropColumnOp": {
      const d = op as DropColumnOp;
      return [`Detected removed column ${q(`${key(d.table)}.${d.column.name}`)}`];
    }
    case "AlterColumnOp":
      return alterColumnLines(op as AlterColumnOp);
    case "CreateIndexOp": {
      const c = op as CreateIndexOp;
      return [`Detected added index ${q(c.index.name ?? "")} on ${q(key(c.table))}`];
    }
    case "DropIndexOp": {
      const d = op as DropIndexOp;
      return [`Detected removed index ${q(d.index.name ?? "")} on ${q(key(d.table))}`];
    }
    case "CreateUniqueConstraintOp":
    case "CreateForeignKeyOp":
    case "CreateCheckConstraintOp":
    case "CreateExclusionConstraintOp":
    case "CreatePrimaryKeyOp": {
      const c = op as OpNode & { table: QualifiedName; constraint: Constraint };
      return [constraintLine("added", c.table, c.constraint)];
    }
    case "DropConstraintOp": {
      const d = op as DropConstraintOp;
      return [constraintLine("removed", d.table, d.constraint)];
    }
    case "AddEnumValueOp": {
      const a = op as AddEnumValueOp;
      return [`Detected added value ${q(a.value)} of enum ${q(key(a.enum))}`];
    }
    default:
      return [`Detected ${describeOp(op)}`];
  }
}

function alterColumnLines(op: AlterColumnOp): string[] {
  const column = q(`${key(op.table)}.${op.column}`);
  const m = op.modify;
  const out: string[] = [];
  if (m.type !== undefined)
    out.push(`Detected type change from ${q(op.existing.type ?? "?")} to ${q(m.type)} on ${column}`);
  if (m.nullable !== undefined) out.push(`Detected ${m.nullable ? "NULL" : "NOT NULL"} on column ${column}`);
  if (m.default !== undefined)
    out.push(
      m.default === null
        ? `Detected removed server default on column ${column}`
        : `Detected server default on column ${column}`,
    );
  if (m.comment !== undefined) out.push(`Detected column comment ${column}`);
  if (m.name !== undefined) out.push(`Detected renamed column ${column} to ${q(m.name)}`);
  return out.length ? out : [`Detected changed column ${column}`];
}

/** Alembic's foreign key line names its columns (`(a)(b) on table t`); the others name the constraint. */
function constraintLine(how: "added" | "removed", table: QualifiedName, c: Constraint): string {
  switch (c.kind) {
    case "ForeignKey":
      return `Detected ${how} foreign key (${c.columns.join(", ")})(${c.refColumns.join(", ")}) on table ${key(table)}`;
    case "UniqueConstraint":
      return `Detected ${how} unique constraint ${q(c.name ?? c.columns.join(", "))} on ${q(key(table))}`;
    case "PrimaryKey":
      return `Detected ${how} primary key (${c.columns.join(", ")}) on ${q(key(table))}`;
    case "CheckConstraint":
      return `Detected ${how} check constraint ${q(c.name ?? c.expression)} on ${q(key(table))}`;
    case "ExclusionConstraint":
      return `Detected ${how} exclusion constraint ${q(c.name ?? c.expression)} on ${q(key(table))}`;
  }
}
