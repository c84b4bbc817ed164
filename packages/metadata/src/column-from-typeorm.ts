import { Column } from "@autogen/core";
import type { Dialect } from "@autogen/dialects";
import { rawColumnDefault } from "./column-default";
import type { ColumnContext, EnumTypeRef, TypeORMDriverRules } from "./rules/typeorm-driver-rules";
import { commentText } from "./comment-text";

/**
 * One TypeORM column → a canonical core Column: TypeORM decides what the column is (its
 * normalised type, rendered default, generation), the dialect's canonicalizer how the database
 * spells it, exactly as reflection does for the live column.
 */
export function columnFromTypeORM(
  c: ColumnContext,
  rules: TypeORMDriverRules,
  dialect: Dialect,
  enumType: EnumTypeRef | null,
): Column {
  const canonical = dialect.canonical;
  const type = canonical.type(rules.typeText(c, enumType));
  const generated = rules.generated(c.meta);
  const rawDefault = generated ? null : (rawColumnDefault(c, dialect) ?? rules.implicitDefault(c));
  const column = Column.create(c.column.name, type, {
    nullable: c.meta.isNullable,
    default: canonical.default(rawDefault, type),
    comment: rules.writes.comments ? commentText(c.meta.comment) : null,
    autoIncrement: rules.autoIncrement(c.meta),
    identity: rules.identity(c.meta),
    generated: generated ? { expression: canonical.expression(generated.expression), stored: generated.stored } : null,
    collation: c.meta.collation ?? null,
    charset: rules.writes.charset ? (c.meta.charset ?? null) : null,
    // ON UPDATE takes the same expressions as DEFAULT (CURRENT_TIMESTAMP(6)), so it is canonicalised like one.
    onUpdate: rules.writes.onUpdate && c.meta.onUpdate ? canonical.default(c.meta.onUpdate, type) : null,
  });
  return canonical.column(column);
}
