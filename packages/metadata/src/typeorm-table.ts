import { requireInternal, type TypeORMModule } from "./typeorm-module";
import type { TypeORMDriver, TypeORMEntityMetadata, TypeORMTable, TypeORMTableColumn } from "./typeorm-shapes";

/** An entity's columns as TypeORM's `Table.create` makes them, and that Table only when asked. */
export interface TypeORMTableView {
  /** `Table.create(entity, driver).columns`: one TableColumn per non-virtual column, in entity column order. */
  readonly columns: readonly TypeORMTableColumn[];
  /** `Table.create(entity, driver)` itself (a custom naming strategy may read any of it). */
  readonly table: () => TypeORMTable;
}

interface TableUtilsModule {
  readonly TableUtils: { createTableColumnOptions(column: unknown, driver: unknown): unknown };
}

/**
 * TypeORM's Table for an entity, of which autogen reads the columns (type and default rendered
 * by the driver) and, on drivers whose primary keys are named, hands the whole to the naming
 * strategy. Besides the columns, `Table.create` builds the Table's indices, uniques, checks and
 * foreign keys, which nothing here reads (5–8 ms of a 1,000-table model's build): the columns
 * are made here as Table.create makes them (its constructor wraps each
 * `TableUtils.createTableColumnOptions` in a TableColumn), and the whole Table only when
 * `table()` is called. A view `withTable` (the caller will ask for it) takes the columns of
 * Table.create, made at once, as does every view when the TypeORM copy's internals cannot be
 * loaded.
 */
export function typeormTableViews(
  tm: TypeORMModule,
): (entity: TypeORMEntityMetadata, driver: TypeORMDriver, withTable: boolean) => TypeORMTableView {
  const TableColumn = tm.exports["TableColumn"] as (new (options: unknown) => TypeORMTableColumn) | undefined;
  const utils = TableColumn && requireInternal<TableUtilsModule>(tm, "schema-builder/util/TableUtils")?.TableUtils;
  return (entity, driver, withTable) => {
    let table: TypeORMTable | undefined;
    const create = () => (table ??= tm.exports.Table.create(entity, driver) as TypeORMTable);
    if (withTable || !TableColumn || !utils) return { columns: create().columns, table: create };
    const columns = entity.columns
      .filter((column) => column && !column.isVirtualProperty)
      .map((column) => new TableColumn(utils.createTableColumnOptions(column, driver)));
    return { columns, table: create };
  };
}
