import { Enum, Table, type Column } from "@autogen/core";
import { checksFromEntity } from "./checks-from-entity";
import { exclusionsFromEntity } from "./exclusions-from-entity";
import { columnFromTypeORM } from "./column-from-typeorm";
import type { EntityContext } from "./entity-context";
import { foreignKeysFromEntity } from "./foreign-keys-from-entity";
import { indexesFromEntity } from "./indexes-from-entity";
import { primaryKeyFromEntity } from "./primary-key-from-entity";
import type { ColumnContext } from "./rules/typeorm-driver-rules";
import { uniquesFromEntity } from "./uniques-from-entity";
import { commentText } from "./comment-text";

/** A table and the enum types its columns use. */
export interface EntityTable {
  readonly table: Table;
  readonly enums: readonly Enum[];
}

/** One entity (regular, junction, closure or closure-junction table) → a core Table. */
export function tableFromEntity(ctx: EntityContext): EntityTable {
  const { entity, typeormTable, rules, dialect } = ctx;
  // Table.create maps entity.columns minus virtual properties, in order: zip the two.
  const metas = entity.columns.filter((c) => !c.isVirtualProperty);
  const columns: Column[] = [];
  const enums: Enum[] = [];
  const columnChecks: string[] = [];
  metas.forEach((meta, i) => {
    const c: ColumnContext = {
      meta,
      column: typeormTable.columns[i]!,
      driver: ctx.driver,
      tableName: entity.tableName,
      schema: ctx.schema,
    };
    const enumType = rules.enumType(c);
    if (enumType) enums.push(Enum.create(enumType.name, enumType.values, enumType.schema));
    columns.push(columnFromTypeORM(c, rules, dialect, enumType));
    columnChecks.push(...rules.columnChecks(c));
  });
  const options: Record<string, string> = {};
  if (entity.engine) options["engine"] = entity.engine;
  if (entity.withoutRowid) options["withoutRowid"] = "true";
  const table = Table.create(entity.tableName, columns, {
    schema: ctx.schema,
    primaryKey: primaryKeyFromEntity(ctx),
    indexes: indexesFromEntity(ctx),
    uniques: uniquesFromEntity(ctx),
    foreignKeys: foreignKeysFromEntity(ctx),
    checks: checksFromEntity(ctx, columnChecks),
    exclusions: exclusionsFromEntity(ctx),
    comment: rules.writes.comments ? commentText(entity.comment) : null,
    options,
  });
  return { table: dialect.completeTable ? dialect.completeTable(table) : table, enums };
}
