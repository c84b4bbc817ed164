import { PrimaryKey } from "@autogen/core";
import type { EntityContext } from "./entity-context";

/**
 * The primary key. Its name is the one TypeORM writes: the column's `primaryKeyConstraintName`
 * or the naming strategy's `PK_<hash>` (computed in createTable from TypeORM's Table, so a
 * custom strategy sees what it sees there); null on drivers where TypeORM writes no name.
 */
export function primaryKeyFromEntity(ctx: EntityContext): PrimaryKey | null {
  const primary = ctx.entity.primaryColumns;
  if (primary.length === 0) return null;
  const columns = primary.map((c) => c.databaseName);
  const name = ctx.rules.writes.primaryKeyName
    ? (primary[0]!.primaryKeyConstraintName ??
      ctx.namingStrategy.primaryKeyName(ctx.typeormTable.table(), [...columns]))
    : null;
  return PrimaryKey.create(columns, name);
}
