import { UnsupportedOpError } from "../errors";
import { QualifiedName } from "../schema/qualified-name";
import { Schema } from "../schema/schema";
import { Table } from "../schema/table";
import { View } from "../schema/view";
import { applyOpsToTable } from "./apply-ops-to-table";
import { AlterColumnOp } from "./column-ops";
import type { BuiltinOpKind, BuiltinOps } from "./builtin-ops";
import { enumValuesWith } from "./enum-ops";
import type { OpNode } from "./op-node";

type Applier<K extends BuiltinOpKind> = (s: Schema, op: BuiltinOps[K]) => Schema;

const same = (a: { schema: string | null; name: string }, b: { schema: string | null; name: string }): boolean =>
  a.name === b.name && (a.schema ?? null) === (b.schema ?? null);

/** The schema with table `name` changed by `ops` (applyOpsToTable); a missing table is an error. */
function onTable(s: Schema, name: QualifiedName, ops: readonly OpNode[]): Schema {
  if (!s.tables.some((t) => same(t, name)))
    throw new UnsupportedOpError(`${ops[0]?.kind ?? "an op"} on missing table ${QualifiedName.key(name)}`, "a schema");
  return Schema.create({ ...s, tables: s.tables.map((t) => (same(t, name) ? applyOpsToTable(t, ops) : t)) });
}

const tableOp = (s: Schema, op: OpNode & { readonly table: QualifiedName }): Schema => onTable(s, op.table, [op]);

/** A renamed table keeps its rows and the foreign keys pointing at it follow it, as on the database. */
function renameTable(s: Schema, op: BuiltinOps["RenameTableOp"]): Schema {
  const to = QualifiedName.create(op.newName, op.table.schema);
  return Schema.create({
    ...s,
    tables: s.tables.map((t) => {
      const renamed = same(t, op.table) ? Table.cloneWith(t, { name: op.newName }) : t;
      const points = renamed.foreignKeys.some((f) => same({ schema: f.refSchema, name: f.refTable }, op.table));
      if (!points) return renamed;
      return Table.cloneWith(renamed, {
        foreignKeys: renamed.foreignKeys.map((f) =>
          same({ schema: f.refSchema, name: f.refTable }, op.table) ? { ...f, refTable: to.name } : f,
        ),
      });
    }),
  });
}

/** Ops that change no part of the schema model (rows, extensions) or that it cannot know (raw SQL). */
const unchanged = (s: Schema): Schema => s;
const unknowable = (_s: Schema, op: OpNode): never => {
  throw new UnsupportedOpError(op.kind, "a schema model (what it changes is not known)");
};

/**
 * How each built-in op changes a schema model. Exhaustive: a new built-in kind without an
 * entry does not compile.
 */
const APPLIERS: { [K in BuiltinOpKind]: Applier<K> } = {
  CreateTableOp: (s, op) => {
    if (s.tables.some((t) => same(t, op.table)))
      throw new UnsupportedOpError(`CreateTableOp of existing table ${QualifiedName.key(op.table)}`, "a schema");
    return Schema.create({ ...s, tables: [...s.tables, op.table] });
  },
  DropTableOp: (s, op) => {
    if (!s.tables.some((t) => same(t, op.table)))
      throw new UnsupportedOpError(`DropTableOp of missing table ${QualifiedName.key(op.table)}`, "a schema");
    return Schema.create({ ...s, tables: s.tables.filter((t) => !same(t, op.table)) });
  },
  RenameTableOp: renameTable,
  AddColumnOp: tableOp,
  DropColumnOp: tableOp,
  AlterColumnOp: tableOp,
  CreateIndexOp: tableOp,
  DropIndexOp: tableOp,
  CreateUniqueConstraintOp: tableOp,
  CreateForeignKeyOp: tableOp,
  CreateCheckConstraintOp: tableOp,
  CreateExclusionConstraintOp: tableOp,
  CreatePrimaryKeyOp: tableOp,
  DropConstraintOp: tableOp,
  RenameIndexOp: tableOp,
  RenameConstraintOp: tableOp,
  CreateTableCommentOp: tableOp,
  DropTableCommentOp: tableOp,
  ModifyTableOps: (s, op) => onTable(s, op.table, op.ops),
  BatchAlterTableOp: (s, op) => onTable(s, op.table, op.ops),
  ExecuteSQLOp: unknowable,
  BulkInsertOp: unchanged,
  CreateEnumOp: (s, op) => Schema.create({ ...s, enums: [...s.enums, op.enum] }),
  DropEnumOp: (s, op) => Schema.create({ ...s, enums: s.enums.filter((e) => !same(e, op.enum)) }),
  AddEnumValueOp: (s, op) =>
    Schema.create({
      ...s,
      enums: s.enums.map((e) => (same(e, op.enum) ? { ...e, values: enumValuesWith(e.values, op.value, op) } : e)),
    }),
  RecreateEnumOp: (s, op) => {
    const withDefaults = op.columns.reduce(
      (acc, c) => onTable(acc, c.table, [AlterColumnOp.create(c.table, c.column, { default: c.default })]),
      s,
    );
    return Schema.create({ ...withDefaults, enums: s.enums.map((e) => (same(e, op.enum) ? op.enum : e)) });
  },
  RenameEnumValueOp: (s, op) =>
    Schema.create({
      ...s,
      enums: s.enums.map((e) =>
        same(e, op.enum) ? { ...e, values: e.values.map((v) => (v === op.value ? op.newValue : v)) } : e,
      ),
    }),
  CreateExtensionOp: unchanged,
  DropExtensionOp: unchanged,
  CreateSchemaOp: (s, op) => Schema.create({ ...s, schemas: [...s.schemas, op.name] }),
  DropSchemaOp: (s, op) => Schema.create({ ...s, schemas: s.schemas.filter((n) => n !== op.name) }),
  CreateViewOp: (s, op) =>
    Schema.create({ ...s, views: [...s.views, View.create(op.view.name, op.definition, { schema: op.view.schema })] }),
  DropViewOp: (s, op) => Schema.create({ ...s, views: s.views.filter((v) => !same(v, op.view)) }),
  ReplaceViewOp: (s, op) =>
    Schema.create({
      ...s,
      views: s.views.map((v) => (same(v, op.view) ? View.create(v.name, op.definition, { schema: v.schema }) : v)),
    }),
};

/**
 * Applies ops to a schema model and returns the new schema: what the database would look like
 * after running them. Pure: no SQL, no I/O. Table ops go through {@link applyOpsToTable} (a
 * dropped column leaves its indexes and constraints, a renamed one is renamed in them). A custom
 * op kind, or raw SQL, throws UnsupportedOpError: what it changes is not known. List order is
 * not canonical afterwards (new columns and tables are appended): sort before comparing.
 */
export function applyOpsToSchema(schema: Schema, ops: readonly OpNode[]): Schema {
  return ops.reduce<Schema>((s, op) => {
    if (!Object.hasOwn(APPLIERS, op.kind)) throw new UnsupportedOpError(op.kind, "a schema model");
    return (APPLIERS as unknown as Record<string, (s: Schema, op: OpNode) => Schema>)[op.kind]!(s, op);
  }, schema);
}
