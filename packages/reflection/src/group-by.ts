/** Groups rows by key, keeping the first-seen order of keys and the row order within a group. */
export function groupBy<T>(rows: readonly T[], key: (r: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
}

/** A catalog row of one table. */
interface TableRow {
  readonly schema_name: string;
  readonly table_name: string;
}

/**
 * Catalog rows grouped by their table, in row order: a map per schema of maps per table name,
 * so that no joined `schema.table` key is built for each of the thousands of rows.
 */
export class RowsByTable<T extends TableRow> {
  readonly #bySchema = new Map<string, Map<string, T[]>>();

  constructor(rows: readonly T[]) {
    for (const r of rows) {
      let tables = this.#bySchema.get(r.schema_name);
      if (!tables) this.#bySchema.set(r.schema_name, (tables = new Map()));
      const list = tables.get(r.table_name);
      if (list) list.push(r);
      else tables.set(r.table_name, [r]);
    }
  }

  /** The rows of `table`, none when it has none. */
  of(table: TableRow): T[] {
    return this.#bySchema.get(table.schema_name)?.get(table.table_name) ?? [];
  }
}
