/*
 * TypeORM recomputes an entity's `propertiesMap` ({ propertyName: propertyPath } for every
 * column and relation) each time its metadata builder touches the entity: three times per
 * entity in a build, through `OrmUtils.mergeDeep` of a one-key object per column, which
 * allocates a Map and an entries array for each (a tenth of a 1,000-entity build).
 *
 * For an entity with no embedded columns or relations, the map is simply each column's, then
 * each relation's `propertyName` set to its `propertyPath`, later ones overwriting earlier ones:
 * mergeDeep assigns a string or undefined as it is. `createValueMap` turns the path of a
 * generated bigint column into a string, which leaves a string alone; an undefined path (a
 * join column registered before it is built) is only taken from a column with no generation
 * strategy. Two names mergeDeep treats specially, `__proto__` (skipped) and `constructor`
 * (which stops the map being merged into), and anything nested, go through TypeORM's method.
 */

/** The parts of a TypeORM column or relation metadata its `createValueMap` reads. */
interface Property {
  readonly propertyName?: unknown;
  readonly propertyPath?: unknown;
  readonly embeddedMetadata?: unknown;
  readonly generationStrategy?: unknown;
}

/** The parts of a TypeORM EntityMetadata its `createPropertiesMap` reads. */
interface PropertiesOwner {
  readonly columns: readonly Property[];
  readonly relations: readonly Property[];
  createPropertiesMap(): Record<string, unknown>;
}

const SPECIAL_NAMES: ReadonlySet<string> = new Set(["__proto__", "constructor"]);

function isFlat(p: Property): boolean {
  return (
    !p.embeddedMetadata &&
    (typeof p.propertyPath === "string" || (p.propertyPath === undefined && p.generationStrategy === undefined)) &&
    typeof p.propertyName === "string" &&
    !SPECIAL_NAMES.has(p.propertyName)
  );
}

/**
 * Gives `metadata` (a TypeORM EntityMetadata) a `createPropertiesMap` that returns what TypeORM's
 * returns, without mergeDeep when the entity is flat (see above). TypeORM's builder and
 * `registerColumn` call it on the metadata, so they pick this one up.
 */
export function useFlatPropertiesMap(metadata: object): void {
  const m = metadata as PropertiesOwner;
  const own = m.createPropertiesMap;
  Object.defineProperty(m, "createPropertiesMap", {
    configurable: true,
    writable: true,
    enumerable: false,
    value: function createPropertiesMap(this: PropertiesOwner): Record<string, unknown> {
      if (!this.columns.every(isFlat) || !this.relations.every(isFlat)) return own.call(this);
      const map: Record<string, unknown> = {};
      for (const c of this.columns) map[c.propertyName as string] = c.propertyPath;
      for (const r of this.relations) map[r.propertyName as string] = r.propertyPath;
      return map;
    },
  });
}
