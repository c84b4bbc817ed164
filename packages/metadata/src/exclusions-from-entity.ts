import { ExclusionConstraint } from "@autogen/core";
import type { EntityContext } from "./entity-context";

/**
 * `@Exclusion` constraints where TypeORM creates them (PostgreSQL); on other databases TypeORM
 * ignores them without a word, and so does the model.
 */
export function exclusionsFromEntity(ctx: EntityContext): ExclusionConstraint[] {
  if (!ctx.rules.writes.exclusions) return [];
  return ctx.entity.exclusions.map((x) => ExclusionConstraint.create(x.expression, x.name));
}
