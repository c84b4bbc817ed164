import { ForeignKey, type ReferentialAction } from "@autogen/core";
import { deferrability } from "./deferrability";
import { entitySchema, type EntityContext } from "./entity-context";

const ACTIONS: ReadonlySet<string> = new Set(["CASCADE", "SET NULL", "SET DEFAULT", "RESTRICT"]);

/**
 * Foreign keys of many-to-one / one-to-one owners, junction and closure tables, named
 * `FK_<hash>` by the metadata. TypeORM fills in "NO ACTION" when an action is unset, which is
 * also the database default: both become null, as reflection reports them (and so does what
 * the dialect cannot tell from it, e.g. RESTRICT on MySQL).
 */
export function foreignKeysFromEntity(ctx: EntityContext): ForeignKey[] {
  return ctx.entity.foreignKeys.map((fk) =>
    ForeignKey.create({
      name: fk.name,
      columns: fk.columnNames,
      refSchema: entitySchema(fk.referencedEntityMetadata, ctx.driver, ctx.rules),
      refTable: fk.referencedEntityMetadata.tableName,
      refColumns: fk.referencedColumnNames,
      onDelete: action(ctx, fk.onDelete),
      onUpdate: action(ctx, fk.onUpdate),
      ...(ctx.rules.writes.deferrableForeignKeys ? deferrability(fk.deferrable) : {}),
    }),
  );
}

function action(ctx: EntityContext, a: string | undefined): ReferentialAction | null {
  const upper = a?.toUpperCase();
  const given = upper && ACTIONS.has(upper) ? (upper as ReferentialAction) : null;
  return ctx.dialect.canonical.referentialAction ? ctx.dialect.canonical.referentialAction(given) : given;
}
