import type { TypeORMEntityMetadata } from "./typeorm-shapes";

/** TypeORM's EntityMetadataValidator, as far as this module calls it. */
export interface MetadataValidator {
  validateMany(metadatas: TypeORMEntityMetadata[], driver: unknown): void;
  validate(metadata: TypeORMEntityMetadata, all: TypeORMEntityMetadata[], driver: unknown): void;
  validateDependencies(metadatas: TypeORMEntityMetadata[]): void;
}

/**
 * Runs TypeORM's `validator.validateMany(metadatas, driver)` with each per-entity `validate`
 * handed only the metadatas it can look at, instead of all of them: it searches the others
 * for a single-table-inheritance sibling with the same discriminator value, and (MySQL) asks
 * whether any entity names a database, which is quadratic over every entity. The metadatas
 * in single-table inheritance plus the first that names a database give both the same answer.
 * Its `validateDependencies` (a cycle of non-nullable relations is an error) orders every entity
 * through TypeORM's DepGraph, which looks each one up in the list of those done so far: it runs
 * only when a linear search finds a cycle, and then says what TypeORM says.
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
  const ownDependencies = validator.validateDependencies;
  const linear = Object.create(validator) as MetadataValidator;
  linear.validate = (m, _all, d) => own.call(validator, m, comparable, d);
  linear.validateDependencies = (all) => {
    if (typeof ownDependencies === "function" && hasDependencyCycle(all)) ownDependencies.call(validator, all);
  };
  linear.validateMany(metadatas, driver);
}

/** The parts of a relation the dependency check reads. */
interface JoinRelation {
  readonly isNullable: boolean;
  readonly inverseEntityMetadata: { readonly name: string };
}

/**
 * Whether TypeORM's dependency graph of `metadatas` has a cycle: one node per entity name, an
 * edge from an entity to the target of each of its non-nullable relations with join columns
 * (EntityMetadataValidator.validateDependencies). An edge to an unknown name counts as one, so
 * that TypeORM's own check runs and reports it.
 */
export function hasDependencyCycle(metadatas: readonly TypeORMEntityMetadata[]): boolean {
  const edges = new Map<string, string[]>();
  for (const m of metadatas) if (!edges.has(m.name)) edges.set(m.name, []);
  for (const m of metadatas) {
    const relations = (m as unknown as { relationsWithJoinColumns?: readonly JoinRelation[] }).relationsWithJoinColumns;
    for (const r of relations ?? []) if (!r.isNullable) edges.get(m.name)!.push(r.inverseEntityMetadata.name);
  }
  // Depth first, without recursion: 1 = on the current path, 2 = done.
  const state = new Map<string, 1 | 2>();
  for (const start of edges.keys()) {
    if (state.has(start)) continue;
    state.set(start, 1);
    const path: { readonly name: string; next: number }[] = [{ name: start, next: 0 }];
    while (path.length > 0) {
      const top = path[path.length - 1]!;
      const targets = edges.get(top.name)!;
      if (top.next === targets.length) {
        state.set(top.name, 2);
        path.pop();
        continue;
      }
      const target = targets[top.next++]!;
      if (!edges.has(target) || state.get(target) === 1) return true;
      if (!state.has(target)) {
        state.set(target, 1);
        path.push({ name: target, next: 0 });
      }
    }
  }
  return false;
}

function inheritancePattern(m: TypeORMEntityMetadata): unknown {
  return (m as unknown as { inheritancePattern?: unknown }).inheritancePattern;
}
