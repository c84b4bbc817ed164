import { Index, IndexElement } from "@autogen/core";
import type { EntityContext } from "./entity-context";

/**
 * Indexes: `@Index` (named or `IDX_<hash>`), and on MySQL also `@Unique`, `unique: true` and
 * one-to-one `REL_<hash>` (TypeORM's metadata builder turns those into unique indexes there).
 * `synchronize: false` indexes are left out, as TypeORM's Table.create leaves them out.
 */
export function indexesFromEntity(ctx: EntityContext): Index[] {
  const { canonical } = ctx.dialect;
  return ctx.entity.indices
    .filter((i) => i.synchronize !== false)
    .map((i) =>
      Index.create(
        i.name,
        i.columns.map((c) => IndexElement.column(c.databaseName)),
        {
          unique: i.isUnique,
          where: ctx.rules.writes.partialIndexes && i.where ? canonical.expression(i.where) : null,
          using: ctx.rules.indexUsing(i),
        },
      ),
    );
}
