import { Table } from "@autogen/core";

/**
 * CREATE TABLE drops a UNIQUE constraint on exactly the primary key's columns (the key's index
 * already enforces it), while ALTER TABLE ... ADD UNIQUE keeps one: such a constraint is no
 * constraint in the canonical form, on the model's side and the database's alike, so neither way
 * of having made it is a difference.
 */
export function withoutUniquesRepeatingPrimaryKey(table: Table): Table {
  const key = table.primaryKey?.columns.join("\u0000");
  if (key === undefined) return table;
  const uniques = table.uniques.filter((u) => u.columns.join("\u0000") !== key);
  return uniques.length === table.uniques.length ? table : Table.cloneWith(table, { uniques });
}
