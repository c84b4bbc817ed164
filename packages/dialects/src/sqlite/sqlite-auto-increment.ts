import { CommandError, type Table } from "@autogen/core";

/**
 * SQLite auto-increments only the INTEGER PRIMARY KEY, the table's one-column key (the rowid
 * alias): an auto-increment column anywhere else cannot be created, so it is refused when the
 * revision is generated rather than when it runs.
 */
export function checkAutoIncrement(table: Table): Table {
  const key = table.primaryKey?.columns ?? [];
  for (const c of table.columns) {
    if (c.autoIncrement && !(key.length === 1 && key[0] === c.name)) {
      throw new CommandError(
        `Table ${table.name}, column ${c.name}: SQLite can auto-increment only a table's single-column INTEGER PRIMARY KEY`,
      );
    }
  }
  return table;
}
