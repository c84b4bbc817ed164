import { CheckConstraint } from "@autogen/core";
import type { EntityContext } from "./entity-context";

/**
 * `@Check` constraints (named `CHK_<hash>` by the metadata), then the unnamed column checks
 * TypeORM writes itself (SQLite enum columns). None on a server that does not enforce CHECK
 * (MariaDB before 10.2, MySQL before 8.0.16): it would keep no trace of them to compare.
 */
export function checksFromEntity(ctx: EntityContext, columnChecks: readonly string[]): CheckConstraint[] {
  if (!ctx.rules.writes.checks) return [];
  const { serverVersion } = ctx;
  if (serverVersion !== undefined && ctx.dialect.enforcesChecks?.(serverVersion) === false) return [];
  const { canonical } = ctx.dialect;
  return [
    ...ctx.entity.checks.map((c) => CheckConstraint.create(canonical.expression(c.expression), c.name)),
    ...columnChecks.map((e) => CheckConstraint.create(canonical.expression(e))),
  ];
}
