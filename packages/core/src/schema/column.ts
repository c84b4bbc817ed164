import { freeze } from "../freeze";

/** PostgreSQL identity (`GENERATED ALWAYS|BY DEFAULT AS IDENTITY`). */
export interface Identity {
  readonly always: boolean;
  readonly start: number | null;
  readonly increment: number | null;
}

/** A computed column: `GENERATED ALWAYS AS (expression) STORED|VIRTUAL`. */
export interface Generated {
  readonly expression: string;
  readonly stored: boolean;
}

/**
 * A column in canonical, dialect-specific terms. `type` is the dialect's canonical type text
 * (e.g. `varchar(200)`, `integer`, `timestamp(6) with time zone`); `default` is a SQL expression
 * exactly as it would appear after DEFAULT (`'active'`, `0`, `now()`), or null for none.
 */
export interface Column {
  readonly kind: "Column";
  readonly name: string;
  readonly type: string;
  readonly nullable: boolean;
  readonly default: string | null;
  readonly comment: string | null;
  /** MySQL AUTO_INCREMENT, SQLite AUTOINCREMENT / rowid alias, PostgreSQL serial. */
  readonly autoIncrement: boolean;
  readonly identity: Identity | null;
  readonly generated: Generated | null;
  readonly collation: string | null;
  readonly charset: string | null;
  /** MySQL `ON UPDATE` expression. */
  readonly onUpdate: string | null;
}

/** The settable properties of a column (everything but kind and name). */
export type ColumnProps = Omit<Column, "kind" | "name">;

/** A partial set of column properties: what an AlterColumnOp changes, or what it knows of the existing column. */
export type ColumnChanges = Partial<ColumnProps> & { readonly name?: string };

export const COLUMN_DEFAULTS: Omit<ColumnProps, "type"> = freeze({
  nullable: true,
  default: null,
  comment: null,
  autoIncrement: false,
  identity: null,
  generated: null,
  collation: null,
  charset: null,
  onUpdate: null,
});

export const Column = freeze({
  is: (n: { kind: string }): n is Column => n.kind === "Column",
  create: (name: string, type: string, props: Partial<ColumnProps> = {}): Column => createColumn(name, type, props),
  cloneWith: (c: Column, patch: ColumnChanges): Column => withProps({ ...c }, patch),
});

/**
 * A new column: COLUMN_DEFAULTS where `props` leaves a property unset (undefined), made as one
 * object literal, keys in the order of a clone (kind, name, the defaults, type). Every column of
 * every reflect and model is made here: a literal of one shape costs about two thirds of
 * spreading the defaults and copying `props` over them key by key.
 */
function createColumn(name: string, type: string, props: Partial<ColumnProps>): Column {
  const d = COLUMN_DEFAULTS;
  const column: Column = {
    kind: "Column",
    name,
    nullable: props.nullable === undefined ? d.nullable : props.nullable,
    default: props.default === undefined ? d.default : props.default,
    comment: props.comment === undefined ? d.comment : props.comment,
    autoIncrement: props.autoIncrement === undefined ? d.autoIncrement : props.autoIncrement,
    identity: props.identity === undefined ? d.identity : freeze(props.identity),
    generated: props.generated === undefined ? d.generated : freeze(props.generated),
    collation: props.collation === undefined ? d.collation : props.collation,
    charset: props.charset === undefined ? d.charset : props.charset,
    onUpdate: props.onUpdate === undefined ? d.onUpdate : props.onUpdate,
    type: props.type === undefined ? type : props.type,
  };
  return Object.freeze(column);
}

/**
 * `base` (a clone of a column) with the properties of `props` that are set, frozen: this
 * freezes what it adds and the column's two object properties rather than walking the whole
 * node again.
 */
function withProps(base: Record<string, unknown>, props: object): Column {
  const p = props as Record<string, unknown>;
  for (const key in p) {
    const v = p[key];
    if (v === undefined) continue;
    base[key] = v;
    if (v !== null && typeof v === "object") freeze(v);
  }
  // Already frozen when the column being cloned was made here (freeze returns at once then).
  freeze(base.identity);
  freeze(base.generated);
  return Object.freeze(base) as unknown as Column;
}
