import { freeze } from "../freeze";
import type { Enum } from "./enum";
import type { Table } from "./table";
import type { View } from "./view";

/** A whole database schema (or several PostgreSQL schemas) in canonical terms. */
export interface Schema {
  readonly kind: "Schema";
  readonly tables: readonly Table[];
  readonly enums: readonly Enum[];
  readonly views: readonly View[];
  /** Named schemas (PostgreSQL) that exist or are required, besides the default one. */
  readonly schemas: readonly string[];
}

export const Schema = freeze({
  create: (p: Partial<Omit<Schema, "kind">> = {}): Schema =>
    freeze({
      kind: "Schema",
      tables: [...(p.tables ?? [])],
      enums: [...(p.enums ?? [])],
      views: [...(p.views ?? [])],
      schemas: [...(p.schemas ?? [])],
    }),
  empty: (): Schema => Schema.create(),
});
