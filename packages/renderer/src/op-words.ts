import {
  QualifiedName,
  type BuiltinOpTable,
  type Column,
  type ColumnChanges,
  type Constraint,
  type Index,
  type OpNode,
} from "@autogen/core";

const key = QualifiedName.key;

/** `varchar(255), not null, default 'x'`: what a reviewer needs to know of a column. */
function columnTraits(c: Column): string {
  const traits = [c.type, c.nullable ? "nullable" : "not null"];
  if (c.default !== null) traits.push(`default ${c.default}`);
  if (c.autoIncrement) traits.push("auto-increment");
  if (c.identity) traits.push(c.identity.always ? "identity always" : "identity by default");
  if (c.generated) traits.push(`generated as (${c.generated.expression})${c.generated.stored ? " stored" : ""}`);
  if (c.collation !== null) traits.push(`collation ${c.collation}`);
  if (c.charset !== null) traits.push(`charset ${c.charset}`);
  if (c.onUpdate !== null) traits.push(`on update ${c.onUpdate}`);
  return traits.join(", ");
}

/** `type varchar(50) -> varchar(100)`, one part per changed property, with the old value when known. */
function columnChanges(modify: ColumnChanges, existing: ColumnChanges): string[] {
  const parts: string[] = [];
  const was = (k: keyof ColumnChanges) => (existing[k] === undefined ? "" : `${show(existing[k])} -> `);
  for (const k of Object.keys(modify) as (keyof ColumnChanges)[]) {
    if (modify[k] === undefined || k === "name") continue;
    if (k === "nullable") parts.push(modify.nullable ? "nullable" : "not null");
    else parts.push(`${k === "default" ? "default" : k} ${was(k)}${show(modify[k])}`);
  }
  return parts;
}

function show(v: unknown): string {
  if (v === null) return "none";
  return typeof v === "object" ? JSON.stringify(v) : String(v);
}

/** `unique index ix_users_email on users (email)`. */
function indexWords(table: QualifiedName, i: Index): string {
  const parts = i.elements.map((e) => (e.column ?? `(${e.expression})`) + (e.descending ? " desc" : ""));
  const where = i.where ? ` where ${i.where}` : "";
  return `${i.unique ? "unique index" : "index"} ${i.name} on ${key(table)} (${parts.join(", ")})${where}`;
}

function constraintWords(c: Constraint): string {
  const name = c.name === null ? "" : ` ${c.name}`;
  switch (c.kind) {
    case "PrimaryKey":
      return `primary key${name} (${c.columns.join(", ")})`;
    case "UniqueConstraint":
      return `unique constraint${name} (${c.columns.join(", ")})`;
    case "ForeignKey": {
      const ref = key({ schema: c.refSchema, name: c.refTable });
      return `foreign key${name} (${c.columns.join(", ")}) -> ${ref} (${c.refColumns.join(", ")})`;
    }
    case "CheckConstraint":
      return `check constraint${name} (${c.expression})`;
    case "ExclusionConstraint":
      return `exclusion constraint${name} (${c.expression})`;
  }
}

type Words = (op: never) => string[];

/**
 * Each built-in op in words, one line per change. Exhaustive: a new built-in kind without an
 * entry does not compile.
 */
const WORDS: BuiltinOpTable<string[]> = {
  CreateTableOp: (op) => [
    `creates table ${key(op.table)} (${op.table.columns.map((c) => `${c.name} ${c.type}`).join(", ")})`,
  ],
  DropTableOp: (op) => [`drops table ${key(op.table)}`],
  RenameTableOp: (op) => [`renames table ${key(op.table)} to ${op.newName}`],
  AddColumnOp: (op) => [`adds column ${key(op.table)}.${op.column.name} (${columnTraits(op.column)})`],
  DropColumnOp: (op) => [`drops column ${key(op.table)}.${op.column.name}`],
  AlterColumnOp: (op) => {
    const where = `${key(op.table)}.${op.column}`;
    const lines = op.modify.name !== undefined ? [`renames column ${where} to ${op.modify.name}`] : [];
    const changes = columnChanges(op.modify, op.existing);
    if (changes.length > 0) lines.push(`alters column ${where}: ${changes.join(", ")}`);
    return lines.length > 0 ? lines : [`alters column ${where}`];
  },
  CreateIndexOp: (op) => [`creates ${indexWords(op.table, op.index)}`],
  DropIndexOp: (op) => [`drops index ${op.index.name} on ${key(op.table)}`],
  RenameIndexOp: (op) => [`renames index ${op.index.name} on ${key(op.table)} to ${op.newName}`],
  CreateUniqueConstraintOp: (op) => [`adds ${constraintWords(op.constraint)} to ${key(op.table)}`],
  CreateForeignKeyOp: (op) => [`adds ${constraintWords(op.constraint)} to ${key(op.table)}`],
  CreateCheckConstraintOp: (op) => [`adds ${constraintWords(op.constraint)} to ${key(op.table)}`],
  CreateExclusionConstraintOp: (op) => [`adds ${constraintWords(op.constraint)} to ${key(op.table)}`],
  CreatePrimaryKeyOp: (op) => [`adds ${constraintWords(op.constraint)} to ${key(op.table)}`],
  DropConstraintOp: (op) => [`drops ${constraintWords(op.constraint)} from ${key(op.table)}`],
  RenameConstraintOp: (op) => [`renames ${constraintWords(op.constraint)} of ${key(op.table)} to ${op.newName}`],
  CreateTableCommentOp: (op) => [`sets the comment of table ${key(op.table)} to ${JSON.stringify(op.comment)}`],
  DropTableCommentOp: (op) => [`removes the comment of table ${key(op.table)}`],
  ExecuteSQLOp: (op) => [`runs SQL: ${oneLine(op.sql)}`],
  BulkInsertOp: (op) => [`inserts ${op.rows.length} row(s) into ${key(op.table)}`],
  CreateEnumOp: (op) => [`creates enum ${key(op.enum)} (${op.enum.values.join(", ")})`],
  DropEnumOp: (op) => [`drops enum ${key(op.enum)}`],
  AddEnumValueOp: (op) => [`adds value '${op.value}' to enum ${key(op.enum)}`],
  RenameEnumValueOp: (op) => [`renames value '${op.value}' of enum ${key(op.enum)} to '${op.newValue}'`],
  RecreateEnumOp: (op) => [
    `changes enum ${key(op.enum)} from (${op.existingValues.join(", ")}) to (${op.enum.values.join(", ")})`,
  ],
  CreateExtensionOp: (op) => [`creates extension ${op.name}`],
  DropExtensionOp: (op) => [`drops extension ${op.name}`],
  CreateSchemaOp: (op) => [`creates schema ${op.name}`],
  DropSchemaOp: (op) => [`drops schema ${op.name}`],
  CreateViewOp: (op) => [`creates view ${key(op.view)}`],
  DropViewOp: (op) => [`drops view ${key(op.view)}`],
  ReplaceViewOp: (op) => [`replaces the definition of view ${key(op.view)}`],
  BatchAlterTableOp: (op) => op.ops.flatMap(opInWords),
  ModifyTableOps: (op) => op.ops.flatMap(opInWords),
};

function oneLine(sql: string): string {
  const line = sql.replace(/\s+/g, " ").trim();
  return line.length > 120 ? `${line.slice(0, 117)}...` : line;
}

/**
 * What an op does, in words, one line per change (a container gives one per op it holds):
 * `adds column users.email (varchar(255), nullable)`. A custom op kind is named by its kind.
 */
export function opInWords(op: OpNode): string[] {
  const words = (WORDS as unknown as Record<string, Words>)[op.kind];
  return words === undefined || !Object.hasOwn(WORDS, op.kind) ? [`runs ${op.kind}`] : words(op as never);
}

/**
 * The tables (and views) an op list touches, `schema.name` or `name`, in first-touched order:
 * for a pull request's "tables touched" line.
 */
export function tablesTouched(ops: readonly OpNode[]): string[] {
  const seen = new Set<string>();
  const visit = (op: OpNode) => {
    const o = op as OpNode & { table?: { schema: string | null; name: string }; view?: QualifiedName };
    if (o.kind === "ModifyTableOps" || o.kind === "BatchAlterTableOp") {
      for (const child of (op as OpNode & { ops: readonly OpNode[] }).ops) visit(child);
    }
    const target = o.table ?? o.view;
    if (target && typeof target.name === "string") seen.add(key(target));
    if (o.kind === "RenameTableOp")
      seen.add(key({ schema: o.table!.schema, name: (op as { newName: string } & OpNode).newName }));
  };
  ops.forEach(visit);
  return [...seen];
}
