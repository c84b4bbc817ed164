import { freeze } from "../freeze";

/** One element of an index: a column or an expression, with its sort order and (MySQL) prefix length. */
export interface IndexElement {
  readonly column: string | null;
  readonly expression: string | null;
  readonly descending: boolean;
  readonly nulls: "FIRST" | "LAST" | null;
  readonly length: number | null;
}

export interface Index {
  readonly kind: "Index";
  readonly name: string;
  readonly unique: boolean;
  readonly elements: readonly IndexElement[];
  /** Partial index predicate. */
  readonly where: string | null;
  /** Access method or MySQL index kind: `gin`, `hash`, `fulltext`, `spatial`; null for the default. */
  readonly using: string | null;
  /** PostgreSQL INCLUDE columns. */
  readonly include: readonly string[];
}

export const IndexElement = freeze({
  column: (column: string, o: Partial<Omit<IndexElement, "column" | "expression">> = {}): IndexElement =>
    freeze({
      column,
      expression: null,
      descending: o.descending ?? false,
      nulls: o.nulls ?? null,
      length: o.length ?? null,
    }),
  expression: (expression: string, o: Partial<Omit<IndexElement, "column" | "expression">> = {}): IndexElement =>
    freeze({
      column: null,
      expression,
      descending: o.descending ?? false,
      nulls: o.nulls ?? null,
      length: o.length ?? null,
    }),
});

export const Index = freeze({
  create: (
    name: string,
    elements: readonly IndexElement[],
    o: Partial<Pick<Index, "unique" | "where" | "using" | "include">> = {},
  ): Index =>
    freeze({
      kind: "Index",
      name,
      unique: o.unique ?? false,
      elements: [...elements],
      where: o.where ?? null,
      using: o.using ?? null,
      include: [...(o.include ?? [])],
    }),
  /** Column names of a plain column index (expressions give null). */
  columnNames: (i: Index): (string | null)[] => i.elements.map((e) => e.column),
});
