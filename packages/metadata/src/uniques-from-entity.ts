import { UniqueConstraint } from "@autogen/core";
import type { EntityContext } from "./entity-context";
import { deferrability } from "./deferrability";

/**
 * Unique constraints (PostgreSQL, SQLite): `@Unique`, `unique: true` columns and the `REL_<hash>`
 * constraint of a one-to-one owner side, all named in the metadata. On MySQL the metadata has
 * none: TypeORM made them unique indexes.
 */
export function uniquesFromEntity(ctx: EntityContext): UniqueConstraint[] {
  return ctx.entity.uniques.map((u) =>
    UniqueConstraint.create(
      u.columns.map((c) => c.databaseName),
      u.name,
      ctx.rules.writes.deferrableUniques ? deferrability(u.deferrable) : {},
    ),
  );
}
