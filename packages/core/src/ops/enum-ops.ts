import { NotReversibleError } from "../errors";
import { freeze } from "../freeze";
import { Enum } from "../schema/enum";
import type { QualifiedName } from "../schema/qualified-name";
import type { OpNode } from "./op-node";

/** CREATE TYPE ... AS ENUM (PostgreSQL). */
export interface CreateEnumOp extends OpNode {
  readonly kind: "CreateEnumOp";
  readonly enum: Enum;
}
export interface DropEnumOp extends OpNode {
  readonly kind: "DropEnumOp";
  readonly enum: Enum;
}
/**
 * A column whose type is an enum, or an array of it (`array`): what {@link RecreateEnumOp}
 * converts to the new type. A default cannot be cast along with the column, so the op drops
 * `existingDefault` first and sets `default` after (a default may name a value that only one of
 * the two types has).
 */
export interface EnumColumnRef {
  readonly table: QualifiedName;
  readonly column: string;
  readonly array: boolean;
  readonly default: string | null;
  readonly existingDefault: string | null;
}
/**
 * ALTER TYPE ... ADD VALUE (PostgreSQL; runs in an autocommit block). `existingValues` (the
 * type's values before the addition) and `columns` (the columns using the type) are what its
 * reverse needs: PostgreSQL cannot drop an enum value, so the reverse recreates the type.
 * Without them (a hand-written op) the op does not reverse.
 */
export interface AddEnumValueOp extends OpNode {
  readonly kind: "AddEnumValueOp";
  readonly enum: QualifiedName;
  readonly value: string;
  readonly before: string | null;
  readonly after: string | null;
  readonly existingValues: readonly string[] | null;
  readonly columns: readonly EnumColumnRef[];
}
/**
 * Replaces an enum type's values where ALTER TYPE cannot (a value removed, renamed or moved):
 * the type is renamed aside, created again with `enum.values`, every column in `columns` is
 * converted through text, and the old type is dropped. Rows holding a removed value make the
 * conversion fail, which is why the rendered call carries a warning for the reviewer.
 */
export interface RecreateEnumOp extends OpNode {
  readonly kind: "RecreateEnumOp";
  readonly enum: Enum;
  readonly existingValues: readonly string[];
  readonly columns: readonly EnumColumnRef[];
  /** Old value → new value: rows (and defaults) holding an old value get the new one (a reviewer's edit for a renamed value). */
  readonly renames: Readonly<Record<string, string>>;
}
/** ALTER TYPE ... RENAME VALUE (PostgreSQL 10+): the rows holding the value hold the new one. */
export interface RenameEnumValueOp extends OpNode {
  readonly kind: "RenameEnumValueOp";
  readonly enum: QualifiedName;
  readonly value: string;
  readonly newValue: string;
}
/**
 * CREATE EXTENSION IF NOT EXISTS (PostgreSQL): an extension the model needs, such as uuid-ossp
 * for `uuid_generate_v4()` defaults or citext for citext columns, installed by the revision
 * that first needs it rather than silently at connect time. `schema` is where it installs
 * (null: the current schema).
 */
export interface CreateExtensionOp extends OpNode {
  readonly kind: "CreateExtensionOp";
  readonly name: string;
  readonly schema: string | null;
}
/** DROP EXTENSION IF EXISTS (PostgreSQL). */
export interface DropExtensionOp extends OpNode {
  readonly kind: "DropExtensionOp";
  readonly name: string;
  readonly schema: string | null;
}
/** CREATE SCHEMA / DROP SCHEMA (PostgreSQL). */
export interface CreateSchemaOp extends OpNode {
  readonly kind: "CreateSchemaOp";
  readonly name: string;
}
export interface DropSchemaOp extends OpNode {
  readonly kind: "DropSchemaOp";
  readonly name: string;
}

export const CreateEnumOp = freeze({
  is: (op: OpNode): op is CreateEnumOp => op.kind === "CreateEnumOp",
  create: (e: Enum): CreateEnumOp => freeze({ kind: "CreateEnumOp", enum: e }),
  reverse: (op: CreateEnumOp): DropEnumOp => DropEnumOp.create(op.enum),
});
export const DropEnumOp = freeze({
  is: (op: OpNode): op is DropEnumOp => op.kind === "DropEnumOp",
  create: (e: Enum): DropEnumOp => freeze({ kind: "DropEnumOp", enum: e }),
  reverse: (op: DropEnumOp): CreateEnumOp => CreateEnumOp.create(op.enum),
});
const freezeColumns = (columns: readonly EnumColumnRef[]): readonly EnumColumnRef[] =>
  freeze(
    columns.map((c) =>
      freeze({
        table: freeze({ schema: c.table.schema ?? null, name: c.table.name }),
        column: c.column,
        array: c.array,
        default: c.default,
        existingDefault: c.existingDefault,
      }),
    ),
  );

/** The columns as they are to be left by the reverse: defaults swapped. */
const swapDefaults = (columns: readonly EnumColumnRef[]): EnumColumnRef[] =>
  columns.map((c) => ({ ...c, default: c.existingDefault, existingDefault: c.default }));

/** The values of an enum after `value` is added before/after another one (at the end without either). */
export function enumValuesWith(
  values: readonly string[],
  value: string,
  o: { before?: string | null; after?: string | null },
): string[] {
  const out = values.filter((v) => v !== value);
  const at = o.before != null ? out.indexOf(o.before) : o.after != null ? out.indexOf(o.after) + 1 : out.length;
  out.splice(at < 0 ? out.length : at, 0, value);
  return out;
}

export const AddEnumValueOp = freeze({
  is: (op: OpNode): op is AddEnumValueOp => op.kind === "AddEnumValueOp",
  create: (
    e: QualifiedName,
    value: string,
    o: {
      before?: string | null;
      after?: string | null;
      existingValues?: readonly string[] | null;
      columns?: readonly EnumColumnRef[];
    } = {},
  ): AddEnumValueOp =>
    freeze({
      kind: "AddEnumValueOp",
      enum: e,
      value,
      before: o.before ?? null,
      after: o.after ?? null,
      existingValues: o.existingValues ? freeze([...o.existingValues]) : null,
      columns: freezeColumns(o.columns ?? []),
    }),
  /** The type recreated without the value (PostgreSQL has no DROP VALUE). */
  reverse: (op: AddEnumValueOp): RecreateEnumOp => {
    if (op.existingValues === null) throw new NotReversibleError(op);
    const after = enumValuesWith(op.existingValues, op.value, op);
    return RecreateEnumOp.create(
      Enum.create(op.enum.name, op.existingValues, op.enum.schema ?? null),
      after,
      op.columns,
    );
  },
});
export const RecreateEnumOp = freeze({
  is: (op: OpNode): op is RecreateEnumOp => op.kind === "RecreateEnumOp",
  create: (
    e: Enum,
    existingValues: readonly string[],
    columns: readonly EnumColumnRef[],
    renames: Readonly<Record<string, string>> = {},
  ): RecreateEnumOp =>
    freeze({
      kind: "RecreateEnumOp",
      enum: e,
      existingValues: freeze([...existingValues]),
      columns: freezeColumns(columns),
      renames: freeze({ ...renames }),
    }),
  /** The values that are not in the new type and not renamed: rows holding them make the conversion fail. */
  removedValues: (op: RecreateEnumOp): string[] =>
    op.existingValues.filter((v) => !op.enum.values.includes(v) && !(v in op.renames)),
  /** The new type's values that are neither old ones nor rename targets. */
  addedValues: (op: RecreateEnumOp): string[] =>
    op.enum.values.filter((v) => !op.existingValues.includes(v) && !Object.values(op.renames).includes(v)),
  /** The old values back, renames reversed. */
  reverse: (op: RecreateEnumOp): RecreateEnumOp =>
    RecreateEnumOp.create(
      Enum.create(op.enum.name, op.existingValues, op.enum.schema),
      op.enum.values,
      swapDefaults(op.columns),
      Object.fromEntries(Object.entries(op.renames).map(([from, to]) => [to, from])),
    ),
});
export const RenameEnumValueOp = freeze({
  is: (op: OpNode): op is RenameEnumValueOp => op.kind === "RenameEnumValueOp",
  create: (e: QualifiedName, value: string, newValue: string): RenameEnumValueOp =>
    freeze({ kind: "RenameEnumValueOp", enum: e, value, newValue }),
  reverse: (op: RenameEnumValueOp): RenameEnumValueOp => RenameEnumValueOp.create(op.enum, op.newValue, op.value),
});
export const CreateSchemaOp = freeze({
  is: (op: OpNode): op is CreateSchemaOp => op.kind === "CreateSchemaOp",
  create: (name: string): CreateSchemaOp => freeze({ kind: "CreateSchemaOp", name }),
  reverse: (op: CreateSchemaOp): DropSchemaOp => DropSchemaOp.create(op.name),
});
export const DropSchemaOp = freeze({
  is: (op: OpNode): op is DropSchemaOp => op.kind === "DropSchemaOp",
  create: (name: string): DropSchemaOp => freeze({ kind: "DropSchemaOp", name }),
  reverse: (op: DropSchemaOp): CreateSchemaOp => CreateSchemaOp.create(op.name),
});
export const CreateExtensionOp = freeze({
  is: (op: OpNode): op is CreateExtensionOp => op.kind === "CreateExtensionOp",
  create: (name: string, schema: string | null = null): CreateExtensionOp =>
    freeze({ kind: "CreateExtensionOp", name, schema }),
  reverse: (op: CreateExtensionOp): DropExtensionOp => DropExtensionOp.create(op.name, op.schema),
});
export const DropExtensionOp = freeze({
  is: (op: OpNode): op is DropExtensionOp => op.kind === "DropExtensionOp",
  create: (name: string, schema: string | null = null): DropExtensionOp =>
    freeze({ kind: "DropExtensionOp", name, schema }),
  reverse: (op: DropExtensionOp): CreateExtensionOp => CreateExtensionOp.create(op.name, op.schema),
});
