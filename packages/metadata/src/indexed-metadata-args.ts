import { MetadataPositions } from "./metadata-positions";

/**
 * TypeORM's MetadataArgsStorage answers "the columns (indices, relations...) of this entity" by
 * scanning every column of every entity, and its metadata builder asks that once per entity
 * (and `findGenerated` once per column): quadratic, about 0.3 s of a 1,000-table model's
 * metadata build. This view answers the same calls from a per-target index.
 *
 * It does not re-implement TypeORM's filters: each call still runs TypeORM's own method, on a
 * `this` whose one array is narrowed to the items of the asked-for targets, in their original
 * order. Every method listed keeps an item only if its `target` is the target asked for (or one
 * of the targets, for an inheritance tree), so narrowing first cannot change the answer.
 */

/** Storage lookups that filter one array by `item.target`: method → array property. */
const TARGET_LOOKUPS: Readonly<Record<string, string>> = {
  filterTables: "tables",
  filterColumns: "columns",
  findGenerated: "generations",
  findTree: "trees",
  filterRelations: "relations",
  filterRelationIds: "relationIds",
  filterRelationCounts: "relationCounts",
  filterIndices: "indices",
  filterForeignKeys: "foreignKeys",
  filterUniques: "uniques",
  filterChecks: "checks",
  filterExclusions: "exclusions",
  filterListeners: "entityListeners",
  filterEmbeddeds: "embeddeds",
  findJoinTable: "joinTables",
  filterJoinColumns: "joinColumns",
  findInheritanceType: "inheritances",
  findDiscriminatorValue: "discriminatorValues",
};

type Lookup = (this: object, target: unknown, ...rest: unknown[]) => unknown;

/** The target a lookup asks for: itself, or the one target of a one-element array. */
const one = (target: unknown): unknown => (Array.isArray(target) ? target[0] : target);

/**
 * A read-only view of `storage` (a TypeORM MetadataArgsStorage) whose target lookups use an
 * index built once, now: hand it to one metadata build and drop it, since items added to the
 * storage later are not in its index. Methods the storage lacks (another TypeORM version) are
 * left alone.
 */
export function indexedMetadataArgs<T extends object>(storage: T): T {
  const view = Object.create(storage) as Record<string, unknown>;
  const source = storage as unknown as Record<string, unknown>;
  for (const [method, property] of Object.entries(TARGET_LOOKUPS)) {
    const original = source[method];
    const items = source[property];
    if (typeof original !== "function" || !Array.isArray(items)) continue;
    const byTarget = MetadataPositions.byOneKey([...items], (item) => (item as { target?: unknown } | null)?.target);
    // One `this` per method, reused: the lookups only filter their own array (they call no
    // other lookup), and a fresh prototype chain per call costs more than the lookup.
    const narrowed = Object.create(storage) as Record<string, unknown>;
    view[method] = function (target: unknown, ...rest: unknown[]) {
      // An array asks for the items of any of its targets (an inheritance tree), in storage order.
      // TypeORM's lookup only reads the array, so it may have the index's own. An entity asks
      // with its inheritance tree, most often of its class alone.
      const many = Array.isArray(target) && target.length !== 1;
      narrowed[property] = many ? byTarget.itemsUnder(target) : byTarget.itemsUnderKey(one(target));
      return (original as Lookup).call(narrowed, target, ...rest);
    };
  }
  return view as T;
}
