import { CheckConstraint } from "@autogen/core";
import type { EntityContext } from "./entity-context";

/**
 * `@Check` constraints (named `CHK_<hash>` by the metadata), then the unnamed column checks
 * TypeORM writes itself (SQLite enum columns). None on MySQL, where TypeORM writes no checks.
 */
export function checksFromEntity(ctx: EntityContext, columnChecks: readonly string[]): CheckConstraint[] {
  if (!ctx.rules.writes.checks) return [];
  const { canonical } = ctx.dialect;
  return [
    ...ctx.entity.checks.map((c) => CheckConstraint.create(canonical.expression(c.expression), c.name)),
    ...columnChecks.map((e) => CheckConstraint.create(canonical.expression(e))),
  ];
}
