/** What a rename candidate renames. */
export type RenameKind = "column" | "table" | "index" | "unique" | "foreign-key" | "enum-value";

/**
 * A dropped object and a created one of the same kind that may be one object renamed: left
 * alone they are a drop plus an add, which loses the data of a column or table. `table` names
 * where the object lives, `schema.table` outside the default schema: the table of a column,
 * index or constraint; the renamed table itself (its old name); the enum type of an enum value.
 * `from` is the name in the database, `to` the name in the model.
 */
export interface RenameCandidate {
  readonly kind: RenameKind;
  readonly table: string;
  readonly from: string;
  readonly to: string;
}

/** The candidate in words: `column users.fullname -> name`, `table coupons -> promo_codes`. */
export function describeRenameCandidate(c: RenameCandidate): string {
  return c.kind === "table" ? `table ${c.table} -> ${c.to}` : `${c.kind} ${c.table}.${c.from} -> ${c.to}`;
}

/** The `--rename` hint that confirms the candidate (the grammar of {@link parseRenameHint}). */
export function renameHintFor(c: RenameCandidate): string {
  switch (c.kind) {
    case "column":
      return `${c.table}.${c.from}=${c.to}`;
    case "table":
      return `table:${c.table}=${c.to}`;
    default:
      return `${c.kind}:${c.table}.${c.from}=${c.to}`;
  }
}
