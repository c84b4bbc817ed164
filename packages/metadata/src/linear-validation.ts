import type { TypeORMEntityMetadata } from "./typeorm-shapes";

/** TypeORM's EntityMetadataValidator, as far as this module calls it. */
export interface MetadataValidator {
  validateMany(metadatas: TypeORMEntityMetadata[], driver: unknown): void;
  validate(metadata: TypeORMEntityMetadata, all: TypeORMEntityMetadata[], driver: unknown): void;
}

/**
 * Runs TypeORM's `validator.validateMany(metadatas, driver)` with each per-entity `validate`
 * handed only the metadatas it can look at, instead of all of them: it searches the others
 * for a single-table-inheritance sibling with the same discriminator value, and (MySQL) asks
 * whether any entity names a database, which is quadratic over every entity. The metadatas
 * in single-table inheritance plus the first that names a database give both the same answer.
 */
export function validateLinear(
  validator: MetadataValidator,
  metadatas: TypeORMEntityMetadata[],
  driver: unknown,
): void {
  const firstWithDatabase = metadatas.find((m) => m.database);
  const comparable = metadatas.filter(
    (m) => m === firstWithDatabase || m.tableType === "entity-child" || inheritancePattern(m) === "STI",
  );
  const own = validator.validate;
  const linear = Object.create(validator) as MetadataValidator;
  linear.validate = (m, _all, d) => own.call(validator, m, comparable, d);
  linear.validateMany(metadatas, driver);
}

function inheritancePattern(m: TypeORMEntityMetadata): unknown {
  return (m as unknown as { inheritancePattern?: unknown }).inheritancePattern;
}
