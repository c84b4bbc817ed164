import { freeze } from "../freeze";

export type ReferentialAction = "CASCADE" | "SET NULL" | "SET DEFAULT" | "RESTRICT" | "NO ACTION";

export interface PrimaryKey {
  readonly kind: "PrimaryKey";
  readonly name: string | null;
  readonly columns: readonly string[];
}

export interface UniqueConstraint {
  readonly kind: "UniqueConstraint";
  readonly name: string | null;
  readonly columns: readonly string[];
  readonly deferrable: boolean;
  readonly initially: "IMMEDIATE" | "DEFERRED" | null;
}

/** A foreign key. `onDelete`/`onUpdate` null means the database default (NO ACTION). */
export interface ForeignKey {
  readonly kind: "ForeignKey";
  readonly name: string | null;
  readonly columns: readonly string[];
  readonly refSchema: string | null;
  readonly refTable: string;
  readonly refColumns: readonly string[];
  readonly onDelete: ReferentialAction | null;
  readonly onUpdate: ReferentialAction | null;
  readonly deferrable: boolean;
  readonly initially: "IMMEDIATE" | "DEFERRED" | null;
}

export interface CheckConstraint {
  readonly kind: "CheckConstraint";
  readonly name: string | null;
  readonly expression: string;
}

/**
 * A PostgreSQL exclusion constraint. `expression` is what follows EXCLUDE, as TypeORM's
 * `@Exclusion` takes it: `USING gist ("room" WITH =, "during" WITH &&)`.
 */
export interface ExclusionConstraint {
  readonly kind: "ExclusionConstraint";
  readonly name: string | null;
  readonly expression: string;
}

/** Anything DropConstraintOp can drop. */
export type Constraint = PrimaryKey | UniqueConstraint | ForeignKey | CheckConstraint | ExclusionConstraint;

export const PrimaryKey = freeze({
  create: (columns: readonly string[], name: string | null = null): PrimaryKey =>
    freeze({ kind: "PrimaryKey", name, columns: [...columns] }),
});

export const UniqueConstraint = freeze({
  create: (
    columns: readonly string[],
    name: string | null = null,
    o: Partial<Pick<UniqueConstraint, "deferrable" | "initially">> = {},
  ): UniqueConstraint =>
    freeze({
      kind: "UniqueConstraint",
      name,
      columns: [...columns],
      deferrable: o.deferrable ?? false,
      initially: o.initially ?? null,
    }),
});

export const ForeignKey = freeze({
  create: (
    p: Pick<ForeignKey, "columns" | "refTable" | "refColumns"> &
      Partial<Omit<ForeignKey, "kind" | "columns" | "refTable" | "refColumns">>,
  ): ForeignKey =>
    freeze({
      kind: "ForeignKey",
      name: p.name ?? null,
      columns: [...p.columns],
      refSchema: p.refSchema ?? null,
      refTable: p.refTable,
      refColumns: [...p.refColumns],
      onDelete: p.onDelete ?? null,
      onUpdate: p.onUpdate ?? null,
      deferrable: p.deferrable ?? false,
      initially: p.initially ?? null,
    }),
});

export const CheckConstraint = freeze({
  create: (expression: string, name: string | null = null): CheckConstraint =>
    freeze({ kind: "CheckConstraint", name, expression }),
});

export const ExclusionConstraint = freeze({
  create: (expression: string, name: string | null = null): ExclusionConstraint =>
    freeze({ kind: "ExclusionConstraint", name, expression }),
});
