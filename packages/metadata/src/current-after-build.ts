/*
 * TypeORM's build ends by marking the `@Generated` columns of each entity, and after each one
 * it runs computeEntityMetadataStep2 on the entity again: every column, relation and foreign
 * key rebuilt through the naming strategy, some thirty lists and lookups recomputed, the
 * properties map made again (a tenth of a 1,000-entity build). Besides what the marking feeds
 * (`generatedColumns`, `hasUUIDGeneratedColumns`), that re-run catches up what the build changed
 * since the entity's last step 2; for a plain entity that is only its owner lists and properties map.
 *
 * A plain entity here: a regular table, no embeddeds, no relation ids, no inheritance either
 * way (left out to be safe: registerColumn copies a join column into every child entity, and
 * single-table children share their parent's columns), no tree, and no @ForeignKey of its own
 * (createForeignKeys). What the build still does to it after its step 2: inverse sides of its
 * relations (not read by step 2); the join columns and foreign key of each many-to-one and
 * owning one-to-one (a column is built with its referenced column, already built; the key
 * builds its name when made, from names that do not change again; a new column is registered,
 * which updates columns, primary columns and the UUID flag as step 2 does, and the properties
 * map before the column has its path; a unique constraint or index comes with a step 2 of its
 * own); the junction of each owning many-to-many (its columns are the junction's); the owner
 * flags of those relations (read by step 2's owner lists); lazy loading (on the class); and
 * the builds of its indices, uniques and checks (which step 2 does not redo). So step 2 again
 * would give every list the same items, every name the same value: what remains to redo is the
 * owner lists, the properties map and what the marking feeds.
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
    !ownForeignKeys.has(m)
  );
}

/** What TypeORM's step 2 would change in a plain entity once its generated columns are marked. */
export function refreshAfterMarking(m: Loose): void {
  m.generatedColumns = m.columns.filter((c: Loose) => c.isGenerated || c.isObjectId);
  m.hasUUIDGeneratedColumns = m.columns.some((c: Loose) => c.isGenerated || c.generationStrategy === "uuid");
  m.ownerOneToOneRelations = m.relations.filter((r: Loose) => r.isOneToOneOwner);
  m.ownerManyToManyRelations = m.relations.filter((r: Loose) => r.isManyToManyOwner);
  m.propertiesMap = m.createPropertiesMap();
}
