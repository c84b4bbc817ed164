/*
 * TypeORM's build ends by marking the `@Generated` columns of each entity, and after each one
 * it runs computeEntityMetadataStep2 on the entity again: every column, relation and foreign
 * key rebuilt through the naming strategy, some thirty lists and lookups recomputed, the
 * properties map made again (a tenth of a 1,000-entity build). Besides what the marking feeds
 * (`generatedColumns`, `hasUUIDGeneratedColumns`), that re-run catches up what the build changed
 * since the entity's last step 2; for a plain entity that is only its properties map.
 *
 * A plain entity here: a regular table, no embeddeds, no relation ids, no inheritance either
 * way (left out to be safe: registerColumn copies a join column into every child entity, and
 * single-table children share their parent's columns), no tree, no one-to-one or many-to-many
 * relation (their join columns or junction change the relation's owner flags that step 2
 * lists), and no @ForeignKey of its own (createForeignKeys). What the
 * build still does to it after its step 2: inverse sides of its relations (not read by step 2),
 * the join column and foreign key of each many-to-one (the column is built with its referenced
 * column, already built; the key builds its name when made, from names that do not change
 * again; the column is registered, which updates columns, primary columns and the UUID flag as
 * step 2 does, and the properties map before the column has its path), lazy loading (on the
 * class), and the builds of its indices, uniques and checks (which step 2 does not redo). So
 * step 2 again would give every list the same items, every name the same value: what remains
 * to redo is the properties map and what the marking feeds.
 */

/** TypeORM internals, loosely typed: they are not part of TypeORM's API. */
type Loose = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * Whether `m`, at the end of the build, is a plain entity (see above), whose step 2 after its
 * generated columns are marked may be {@link refreshAfterMarking} instead. `inherited`: the
 * metadatas that are another's child; `ownForeignKeys`: those that got a foreign key from
 * createForeignKeys.
 */
export function isPlainAfterBuild(
  m: Loose,
  inherited: ReadonlySet<unknown>,
  ownForeignKeys: ReadonlySet<unknown>,
): boolean {
  return (
    m.tableType === "regular" &&
    m.embeddeds.length === 0 &&
    m.relationIds.length === 0 &&
    m.childEntityMetadatas.length === 0 &&
    !inherited.has(m) &&
    m.inheritancePattern === undefined &&
    m.treeType === undefined &&
    !ownForeignKeys.has(m) &&
    m.relations.every((r: Loose) => r.isManyToOne || r.isOneToMany)
  );
}

/** What TypeORM's step 2 would change in a plain entity once its generated columns are marked. */
export function refreshAfterMarking(m: Loose): void {
  m.generatedColumns = m.columns.filter((c: Loose) => c.isGenerated || c.isObjectId);
  m.hasUUIDGeneratedColumns = m.columns.some((c: Loose) => c.isGenerated || c.generationStrategy === "uuid");
  m.propertiesMap = m.createPropertiesMap();
}
