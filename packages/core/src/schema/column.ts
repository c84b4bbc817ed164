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
  create: (name: string, type: string, props: Partial<ColumnProps> = {}): Column =>
    freeze({ kind: "Column", name, ...COLUMN_DEFAULTS, type, ...stripUndefined(props) }),
  cloneWith: (c: Column, patch: ColumnChanges): Column => freeze({ ...c, ...stripUndefined(patch) }),
});

/** The properties that are set (a plain loop: this runs for every column of every reflect). */
function stripUndefined<T extends object>(o: T): T {
  const out: Record<string, unknown> = {};
  for (const key in o) if (o[key] !== undefined) out[key] = o[key];
  return out as T;
}
