import { Schema, type Table } from "@autogen/core";

/**
 * `items` mapped by `fn`, or `items` itself when `fn` returned every item as it was: resolving
 * a model against the database mostly changes nothing, and callers tell "changed" by identity.
 */
export function mapKeepingIdentity<T>(items: readonly T[], fn: (item: T) => T): readonly T[] {
  const mapped = items.map(fn);
  return mapped.every((x, i) => x === items[i]) ? items : mapped;
}

/** `schema` with its tables mapped by `fn`; the same Schema when no table changed. */
export function mapTables(schema: Schema, fn: (table: Table) => Table): Schema {
  const tables = mapKeepingIdentity(schema.tables, fn);
  return tables === schema.tables ? schema : Schema.create({ ...schema, tables });
}
