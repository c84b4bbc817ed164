import { CommandError } from "@autogen/core";
import type { TypeORMEntityMetadata } from "./typeorm-shapes";

/**
 * Columns that share an `enumName` share one enum type, so they must agree on its values. On
 * PostgreSQL that is one CREATE TYPE; elsewhere the name has no type behind it, but two value
 * lists under one name are still a model that says two things, refused on every dialect alike.
 * Names are per schema (PostgreSQL makes each type in its table's schema).
 *
 * @throws CommandError naming the enum and both columns (entity.property) with their values.
 */
export function checkSharedEnumNames(
  entities: readonly TypeORMEntityMetadata[],
  schemaOf: (entity: TypeORMEntityMetadata) => string | null,
): void {
  const seen = new Map<string, { where: string; values: string[] }>();
  for (const entity of entities) {
    if (entity.synchronize === false) continue;
    for (const c of entity.columns) {
      if (!c.enumName || !c.enum) continue;
      const values = c.enum.map(String);
      const where = `${entity.name}.${c.databaseName}`;
      const key = `${schemaOf(entity) ?? ""}\u0000${c.enumName}`;
      const first = seen.get(key);
      if (!first) seen.set(key, { where, values });
      else if (first.values.join("\u0000") !== values.join("\u0000")) {
        throw new CommandError(
          `Enum ${c.enumName} has different values in ${first.where} (${first.values.join(", ")}) and ${where} (${values.join(", ")}): give one of them another enumName`,
        );
      }
    }
  }
}
