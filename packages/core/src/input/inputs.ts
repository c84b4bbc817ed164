/**
 * The plain-object shapes that revision files pass to `op.*` (and that the renderer writes).
 * One place converts them to canonical schema nodes and back, so renderer and runtime agree.
 */
import { Column, type ColumnProps } from "../schema/column";
import {
  CheckConstraint,
  ExclusionConstraint,
  ForeignKey,
  PrimaryKey,
  UniqueConstraint,
  type ReferentialAction,
} from "../schema/constraints";
import { Index, IndexElement } from "../schema/index-node";
import { Table } from "../schema/table";

export interface ColumnInput {
  name: string;
  /** The dialect's type text, e.g. `varchar(200)`, `integer`, `timestamptz`. */
  type: string;
  /** Defaults to true, except for primary-key columns. */
  nullable?: boolean;
  /** A SQL expression as written after DEFAULT: `'active'` (a string literal), `0`, `now()`. */
  default?: string | null;
  comment?: string | null;
  /** Sugar for createTable: the column is (part of) the primary key. */
  primaryKey?: boolean;
  autoIncrement?: boolean;
  identity?: boolean | { always?: boolean; start?: number; increment?: number };
  generated?: { expression: string; stored?: boolean };
  collation?: string;
  charset?: string;
  onUpdate?: string;
}

export interface IndexElementInput {
  column?: string;
  expression?: string;
  descending?: boolean;
  nulls?: "FIRST" | "LAST";
  length?: number;
}

export interface IndexInput {
  name: string;
  columns: (string | IndexElementInput)[];
  unique?: boolean;
  where?: string;
  using?: string;
  include?: string[];
}

export interface UniqueInput {
  name?: string | null;
  columns: string[];
  deferrable?: boolean;
  initially?: "IMMEDIATE" | "DEFERRED";
}

export interface ForeignKeyInput {
  name?: string | null;
  columns: string[];
  refTable: string;
  refColumns: string[];
  refSchema?: string;
  onDelete?: ReferentialAction;
  onUpdate?: ReferentialAction;
  deferrable?: boolean;
  initially?: "IMMEDIATE" | "DEFERRED";
}

export interface CheckInput {
  name?: string | null;
  expression: string;
}

/** The third argument of `op.createTable(name, columns, options)`. */
export interface TableOptionsInput {
  schema?: string;
  primaryKey?: { name?: string | null; columns: string[] };
  uniques?: UniqueInput[];
  foreignKeys?: ForeignKeyInput[];
  checks?: CheckInput[];
  /** PostgreSQL exclusion constraints: `expression` is what follows EXCLUDE. */
  exclusions?: CheckInput[];
  indexes?: IndexInput[];
  comment?: string;
  /** Dialect table options: MySQL engine/charset/collation, SQLite withoutRowid/strict. */
  options?: Record<string, string>;
}

/** ColumnInput → canonical Column. `inPrimaryKey` makes the default nullability false. */
export function toColumn(c: ColumnInput, inPrimaryKey = false): Column {
  const identity =
    c.identity === undefined || c.identity === false
      ? null
      : c.identity === true
        ? { always: false, start: null, increment: null }
        : {
            always: c.identity.always ?? false,
            start: c.identity.start ?? null,
            increment: c.identity.increment ?? null,
          };
  const props: Partial<ColumnProps> = {
    nullable: c.nullable ?? !(c.primaryKey || inPrimaryKey),
    default: c.default ?? null,
    comment: c.comment ?? null,
    autoIncrement: c.autoIncrement ?? false,
    identity,
    generated: c.generated ? { expression: c.generated.expression, stored: c.generated.stored ?? true } : null,
    collation: c.collation ?? null,
    charset: c.charset ?? null,
    onUpdate: c.onUpdate ?? null,
  };
  return Column.create(c.name, c.type, props);
}

/** Canonical Column → the smallest ColumnInput that converts back to it (nullable always spelled out). */
export function fromColumn(c: Column, o: { primaryKey?: boolean } = {}): ColumnInput {
  const out: ColumnInput = { name: c.name, type: c.type };
  if (o.primaryKey) out.primaryKey = true;
  out.nullable = c.nullable;
  if (c.default !== null) out.default = c.default;
  if (c.autoIncrement) out.autoIncrement = true;
  if (c.identity) {
    out.identity =
      c.identity.start === null && c.identity.increment === null && !c.identity.always
        ? true
        : {
            always: c.identity.always,
            ...(c.identity.start !== null ? { start: c.identity.start } : {}),
            ...(c.identity.increment !== null ? { increment: c.identity.increment } : {}),
          };
  }
  if (c.generated) out.generated = { expression: c.generated.expression, stored: c.generated.stored };
  if (c.collation !== null) out.collation = c.collation;
  if (c.charset !== null) out.charset = c.charset;
  if (c.onUpdate !== null) out.onUpdate = c.onUpdate;
  if (c.comment !== null) out.comment = c.comment;
  return out;
}

export function toIndex(i: IndexInput): Index {
  const elements = i.columns.map((e) =>
    typeof e === "string"
      ? IndexElement.column(e)
      : e.expression !== undefined
        ? IndexElement.expression(e.expression, e)
        : IndexElement.column(e.column ?? "", e),
  );
  return Index.create(i.name, elements, {
    unique: i.unique,
    where: i.where ?? null,
    using: i.using ?? null,
    include: i.include,
  });
}

export function fromIndex(i: Index): IndexInput {
  const columns = i.elements.map((e): string | IndexElementInput => {
    const plain = e.column !== null && !e.descending && e.nulls === null && e.length === null;
    if (plain) return e.column as string;
    const out: IndexElementInput = e.column !== null ? { column: e.column } : { expression: e.expression ?? "" };
    if (e.descending) out.descending = true;
    if (e.nulls) out.nulls = e.nulls;
    if (e.length !== null) out.length = e.length;
    return out;
  });
  const out: IndexInput = { name: i.name, columns };
  if (i.unique) out.unique = true;
  if (i.where !== null) out.where = i.where;
  if (i.using !== null) out.using = i.using;
  if (i.include.length) out.include = [...i.include];
  return out;
}

export const toUnique = (u: UniqueInput): UniqueConstraint =>
  UniqueConstraint.create(u.columns, u.name ?? null, { deferrable: u.deferrable, initially: u.initially ?? null });

export function fromUnique(u: UniqueConstraint): UniqueInput {
  const out: UniqueInput = { name: u.name, columns: [...u.columns] };
  if (u.deferrable) out.deferrable = true;
  if (u.initially) out.initially = u.initially;
  return out;
}

export const toForeignKey = (f: ForeignKeyInput): ForeignKey =>
  ForeignKey.create({ ...f, name: f.name ?? null, refSchema: f.refSchema ?? null, initially: f.initially ?? null });

export function fromForeignKey(f: ForeignKey): ForeignKeyInput {
  const out: ForeignKeyInput = {
    name: f.name,
    columns: [...f.columns],
    refTable: f.refTable,
    refColumns: [...f.refColumns],
  };
  if (f.refSchema !== null) out.refSchema = f.refSchema;
  if (f.onDelete !== null) out.onDelete = f.onDelete;
  if (f.onUpdate !== null) out.onUpdate = f.onUpdate;
  if (f.deferrable) out.deferrable = true;
  if (f.initially) out.initially = f.initially;
  return out;
}

export const toCheck = (c: CheckInput): CheckConstraint => CheckConstraint.create(c.expression, c.name ?? null);
/** A check or exclusion constraint as its input: its name and its expression. */
export const fromCheck = (c: CheckConstraint | ExclusionConstraint): CheckInput => ({
  name: c.name,
  expression: c.expression,
});
export const toExclusion = (c: CheckInput): ExclusionConstraint =>
  ExclusionConstraint.create(c.expression, c.name ?? null);

/** `op.createTable(name, columns, options)` arguments → canonical Table. */
export function toTable(name: string, columns: ColumnInput[], o: TableOptionsInput = {}): Table {
  const pkCols = o.primaryKey?.columns ?? columns.filter((c) => c.primaryKey).map((c) => c.name);
  return Table.create(
    name,
    columns.map((c) => toColumn(c, pkCols.includes(c.name))),
    {
      schema: o.schema ?? null,
      primaryKey: pkCols.length ? PrimaryKey.create(pkCols, o.primaryKey?.name ?? null) : null,
      uniques: (o.uniques ?? []).map(toUnique),
      foreignKeys: (o.foreignKeys ?? []).map(toForeignKey),
      checks: (o.checks ?? []).map(toCheck),
      exclusions: (o.exclusions ?? []).map(toExclusion),
      indexes: (o.indexes ?? []).map(toIndex),
      comment: o.comment ?? null,
      options: o.options ?? {},
    },
  );
}

/** Canonical Table → `[name, columns, options]` for `op.createTable`, the inverse of toTable. */
export function fromTable(t: Table): [string, ColumnInput[], TableOptionsInput] {
  const pk = t.primaryKey;
  const pkOnColumns = pk !== null && pk.name === null;
  const columns = t.columns.map((c) => fromColumn(c, { primaryKey: pkOnColumns && pk.columns.includes(c.name) }));
  const o: TableOptionsInput = {};
  if (t.schema !== null) o.schema = t.schema;
  // A named PK, or one whose column order differs from the table's, is spelled out.
  if (
    pk &&
    (!pkOnColumns ||
      pk.columns.join() !==
        t.columns
          .filter((c) => pk.columns.includes(c.name))
          .map((c) => c.name)
          .join())
  ) {
    o.primaryKey = { name: pk.name, columns: [...pk.columns] };
    for (const c of columns) delete c.primaryKey;
  }
  if (t.uniques.length) o.uniques = t.uniques.map(fromUnique);
  if (t.foreignKeys.length) o.foreignKeys = t.foreignKeys.map(fromForeignKey);
  if (t.checks.length) o.checks = t.checks.map(fromCheck);
  if (t.exclusions.length) o.exclusions = t.exclusions.map(fromCheck);
  if (t.indexes.length) o.indexes = t.indexes.map(fromIndex);
  if (t.comment !== null) o.comment = t.comment;
  if (Object.keys(t.options).length) o.options = { ...t.options };
  return [t.name, columns, o];
}
