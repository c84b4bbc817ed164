import { isPlainAfterBuild, refreshAfterMarking } from "./current-after-build";
import { eventLoopTurn } from "./event-loop-turn";
import { useFlatPropertiesMap } from "./flat-properties-map";
import { MetadataPositions } from "./metadata-positions";
import type { TypeORMEntityMetadata } from "./typeorm-shapes";

/*
 * TypeORM's EntityMetadataBuilder.build, step for step, in the same order, calling the
 * builder's own methods for every step; what differs is what those methods are handed. Where
 * TypeORM passes every entity metadata to a method that looks for a few of them
 * (`all.find(...)` per column, per relation, per foreign key), this build passes only the
 * metadatas that can match, in their original order, so the method still finds the same one;
 * and the child entities of each entity come from walking each class's prototype chain once
 * instead of testing every pair of entities with `instanceof`. TypeORM's build is quadratic
 * in the number of entities (most of a 4,000-entity build); this one is linear. The same
 * in 0.3.x and 1.x, whose builders differ only in naming the DataSource `connection`. One
 * method of the metadatas themselves is replaced, by an equivalent: `createPropertiesMap`
 * (see flat-properties-map.ts). And the step 2 TypeORM runs again after marking each generated
 * column is, for a plain entity, the part of it that changes anything (current-after-build.ts).
 * Between its steps, the build lets the event loop turn (event-loop-turn.ts).
 */

/** TypeORM's internals this build works on: loosely typed, they are not part of TypeORM's API. */
export type Loose = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type Metadata = Loose;

/** The protected parts of an EntityMetadataBuilder the build calls. */
export interface Builder {
  dataSource?: Loose;
  connection?: Loose;
  metadataArgsStorage: Loose;
  createEntityMetadata(tableArgs: unknown): Metadata;
  computeParentEntityMetadata(all: Metadata[], m: Metadata): void;
  computeEntityMetadataStep1(all: Metadata[], m: Metadata): void;
  computeEntityMetadataStep2(m: Metadata): void;
  computeInverseProperties(m: Metadata, all: Metadata[]): void;
  createKeysForTableInheritance(m: Metadata): void;
  createForeignKeys(m: Metadata, all: Metadata[]): void;
  relationJoinColumnBuilder: { build(joinColumns: unknown, relation: Metadata): Loose };
  junctionEntityMetadataBuilder: { build(relation: Metadata, joinTable: unknown): Metadata };
  closureJunctionEntityMetadataBuilder: { build(m: Metadata): Metadata };
}

const BUILDER_METHODS = [
  "createEntityMetadata",
  "computeParentEntityMetadata",
  "computeEntityMetadataStep1",
  "computeEntityMetadataStep2",
  "computeInverseProperties",
  "createKeysForTableInheritance",
  "createForeignKeys",
] as const;

/** The TypeORM classes and helpers the inline parts of the build use, from the builder's copy. */
export interface BuildInternals {
  readonly IndexMetadata: new (options: unknown) => Loose;
  readonly isMySQLFamily: (driver: unknown) => boolean;
  readonly isEntitySchema: (value: unknown) => boolean;
}

/** Table kinds TypeORM makes entity metadatas for. */
const REAL_TABLE_TYPES: ReadonlySet<string> = new Set(["regular", "closure", "entity-child", "view"]);
/** Drivers on which TypeORM turns a one-to-one's unique constraint into a unique index. */
const UNIQUE_AS_INDEX_TYPES: ReadonlySet<string> = new Set(["aurora-mysql", "mssql", "sap", "spanner"]);

/** Whether `builder` has every method this build calls (another TypeORM version may not). */
export function canBuildLinear(builder: object): boolean {
  const b = builder as Loose;
  return (
    BUILDER_METHODS.every((m) => typeof b[m] === "function") &&
    ["relationJoinColumnBuilder", "junctionEntityMetadataBuilder", "closureJunctionEntityMetadataBuilder"].every(
      (p) => typeof b[p]?.build === "function",
    )
  );
}

/**
 * Builds what `builder.build(entityClasses)` builds (see the comment at the top of this file),
 * in time linear in the number of entities. The builder must pass {@link canBuildLinear}.
 */
export async function buildEntityMetadatasLinear(
  builder: object,
  t: BuildInternals,
  entityClasses?: unknown[],
): Promise<TypeORMEntityMetadata[]> {
  const b = builder as Builder;
  const ds = (b.dataSource ?? b.connection)!;
  const storage = b.metadataArgsStorage;
  const allTables: Loose[] = entityClasses ? storage.filterTables(entityClasses) : storage.tables;
  const all = allTables.filter((table) => REAL_TABLE_TYPES.has(table.type)).map((args) => b.createEntityMetadata(args));
  all.forEach(useFlatPropertiesMap);

  const stiByTree = new MetadataPositions(all, (m) => (m.inheritancePattern === "STI" ? m.inheritanceTree : []));
  for (const m of all) b.computeParentEntityMetadata(stiByTree.itemsUnder([m.target]), m);
  setChildEntityMetadatas(all);
  await eventLoopTurn();

  const isChild = (m: Metadata) => m.tableType === "entity-child";
  const parentsFirst = [...all.filter((m) => !isChild(m)), ...all.filter(isChild)];
  for (const m of parentsFirst) m.build();
  const childrenByTarget = new MetadataPositions(all, (m) => (isChild(m) ? [m.target] : []));
  const columnsByTarget = new MetadataPositions<Loose>(storage.columns, (c) => [c.target]);
  // Step 1 also scans the storage's columns for the entity's own overrides of inherited
  // defaults: it runs on a builder whose storage shows only the entity's own columns there.
  const scopedStorage = Object.create(storage) as Loose;
  const scoped = Object.create(b) as Builder;
  scoped.metadataArgsStorage = scopedStorage;
  for (const m of parentsFirst) {
    scopedStorage["columns"] = columnsByTarget.itemsUnder([m.target]);
    b.computeEntityMetadataStep1.call(scoped, childrenByTarget.itemsUnder(m.inheritanceTree), m);
  }
  for (const m of all) b.computeEntityMetadataStep2(m);
  await eventLoopTurn();

  const byName = metadatasByName(all);
  const relatedTo = (m: Metadata) => byName.itemsUnder(m.relations.map((r: Loose) => r.type));
  for (const m of all) b.computeInverseProperties(m, relatedTo(m));
  await eventLoopTurn();

  for (const m of all.filter((x) => !isChild(x))) {
    for (const relation of m.relations.filter((r: Loose) => r.isOneToOne || r.isManyToOne))
      buildJoinColumns(b, t, ds, m, relation);
    for (const relation of m.relations.filter((r: Loose) => r.isManyToMany)) {
      const junction = buildJunction(b, relation, relatedTo);
      if (junction) all.push(junction);
    }
  }

  all.forEach(listJoinColumnRelations);
  for (const m of all.filter((x) => x.treeType === "closure-table")) {
    const closureJunction = b.closureJunctionEntityMetadataBuilder.build(m);
    useFlatPropertiesMap(closureJunction);
    m.closureJunctionTable = closureJunction;
    b.computeEntityMetadataStep2(closureJunction);
    b.computeInverseProperties(closureJunction, relatedTo(closureJunction));
    all.push(closureJunction);
  }
  for (const m of all.filter((x) => x.inheritancePattern === "STI" && x.discriminatorColumn))
    b.createKeysForTableInheritance(m);

  const naming = ds.namingStrategy;
  await eventLoopTurn();
  for (const kind of ["indices", "uniques", "checks", "exclusions"])
    for (const m of all) for (const item of m[kind]) item.build(naming);
  const ownForeignKeys = new Set<Metadata>();
  await eventLoopTurn();
  for (const m of all) {
    const before = m.foreignKeys.length;
    b.createForeignKeys(m, foreignKeyTargets(storage, t, byName, m));
    if (m.foreignKeys.length !== before) ownForeignKeys.add(m);
  }

  for (const m of all.filter((x) => typeof x.target === "function"))
    for (const relation of m.relations.filter((r: Loose) => r.isLazy))
      ds.relationLoader.enableLazyLoad(relation, m.target.prototype);
  const inherited = new Set(all.flatMap((m) => m.childEntityMetadatas));
  for (const m of all) markGeneratedColumns(b, ds, m, isPlainAfterBuild(m, inherited, ownForeignKeys));
  return all as TypeORMEntityMetadata[];
}

/**
 * `childEntityMetadatas` of every metadata: those whose class inherits from its class (TypeORM:
 * `child.prototype instanceof parent`), in array order. One walk up each class's prototype
 * chain instead of a test per pair.
 */
function setChildEntityMetadatas(all: Metadata[]): void {
  const byPrototype = new MetadataPositions(all, (m) => (typeof m.target === "function" ? [m.target.prototype] : []));
  const children = new Map<Metadata, Metadata[]>();
  for (const child of all) {
    const own = typeof child.target === "function" ? child.target.prototype : undefined;
    if (own === null || (typeof own !== "object" && typeof own !== "function")) continue;
    for (let p = Object.getPrototypeOf(own); p !== null; p = Object.getPrototypeOf(p)) {
      for (const parent of byPrototype.itemsUnder([p])) {
        const list = children.get(parent);
        if (list) list.push(child);
        else children.set(parent, [child]);
      }
    }
  }
  // Children were visited in array order, so each list is in array order already.
  for (const m of all) m.childEntityMetadatas = children.get(m) ?? [];
}

/** The join columns, foreign key and unique constraint of a many-to-one or owning one-to-one relation. */
export function buildJoinColumns(b: Builder, t: BuildInternals, ds: Loose, m: Metadata, relation: Loose): void {
  const joinColumns = b.metadataArgsStorage.filterJoinColumns(relation.target, relation.propertyName);
  const { foreignKey, columns, uniqueConstraint } = b.relationJoinColumnBuilder.build(joinColumns, relation);
  const type: string = ds.driver.options.type;
  if (foreignKey) {
    relation.registerForeignKeys(foreignKey);
    m.foreignKeys.push(foreignKey);
  }
  if (columns) relation.registerJoinColumns(columns);
  if (uniqueConstraint) {
    if (t.isMySQLFamily(ds.driver) || UNIQUE_AS_INDEX_TYPES.has(type)) {
      const index = new t.IndexMetadata({
        entityMetadata: uniqueConstraint.entityMetadata,
        columns: uniqueConstraint.columns,
        args: { target: uniqueConstraint.target, name: uniqueConstraint.name, unique: true, synchronize: true },
      });
      if (type === "mssql")
        index.where = index.columns.map((c: Loose) => `${ds.driver.escape(c.databaseName)} IS NOT NULL`).join(" AND ");
      if (type === "spanner") index.isNullFiltered = true;
      (relation.embeddedMetadata ? relation.embeddedMetadata.indices : relation.entityMetadata.ownIndices).push(index);
    } else {
      (relation.embeddedMetadata ? relation.embeddedMetadata.uniques : relation.entityMetadata.ownUniques).push(
        uniqueConstraint,
      );
    }
    b.computeEntityMetadataStep2(m);
  }
  if (foreignKey && type === "cockroachdb") {
    const index = new t.IndexMetadata({
      entityMetadata: relation.entityMetadata,
      columns: foreignKey.columns,
      args: { target: relation.entityMetadata.target, synchronize: true },
    });
    (relation.embeddedMetadata ? relation.embeddedMetadata.indices : relation.entityMetadata.ownIndices).push(index);
    b.computeEntityMetadataStep2(m);
  }
}

/**
 * The metadatas by what a relation's type may name them by: class, entity name or table name
 * (TypeORM's computeInverseProperties), indexed as `all` grows, each lookup in `all`'s order.
 */
export function metadatasByName(all: readonly Metadata[]): MetadataPositions<Metadata> {
  return new MetadataPositions(all, (m) => [
    m.target,
    ...[m.targetName, m.givenTableName].filter((n) => typeof n === "string"),
  ]);
}

/** What TypeORM's build sets once every join is built: the relations with join columns, and whether one is required. */
export function listJoinColumnRelations(m: Metadata): void {
  m.relationsWithJoinColumns = m.relations.filter((r: Loose) => r.isWithJoinColumn);
  m.hasNonNullableRelations = m.relationsWithJoinColumns.some((r: Loose) => !r.isNullable || r.isPrimary);
}

/**
 * The junction entity of an owning many-to-many, with its foreign keys and join columns
 * registered on the relation; undefined for the inverse side. `relatedTo(m)`: the metadatas the
 * relations of `m` may name, for its inverse properties.
 */
export function buildJunction(
  b: Builder,
  relation: Loose,
  relatedTo: (m: Metadata) => Metadata[],
): Metadata | undefined {
  const joinTable = b.metadataArgsStorage.findJoinTable(relation.target, relation.propertyName);
  if (!joinTable) return undefined;
  const junction = b.junctionEntityMetadataBuilder.build(relation, joinTable);
  useFlatPropertiesMap(junction);
  relation.registerForeignKeys(...junction.foreignKeys);
  relation.registerJoinColumns(junction.ownIndices[0].columns, junction.ownIndices[1].columns);
  relation.registerJunctionEntityMetadata(junction);
  b.computeEntityMetadataStep2(junction);
  b.computeInverseProperties(junction, relatedTo(junction));
  return junction;
}

/** The metadatas a `@ForeignKey` of `m` may name: by class, entity schema, or entity or table name. */
function foreignKeyTargets(
  storage: Loose,
  t: BuildInternals,
  byName: MetadataPositions<Metadata>,
  m: Metadata,
): Metadata[] {
  const keys = (storage.filterForeignKeys?.(m.inheritanceTree) ?? []).flatMap((args: Loose) => {
    const type = typeof args.type === "function" ? args.type() : args.type;
    return t.isEntitySchema(type) ? [type.options.name, type.options.target] : [type];
  });
  return keys.length === 0 ? [] : byName.itemsUnder(keys);
}

/**
 * Columns marked `@Generated`, as TypeORM's build marks them last, each followed by a step 2 of
 * the entity; for a plain entity (current-after-build.ts), one refresh of what that changes.
 */
function markGeneratedColumns(b: Builder, ds: Loose, m: Metadata, plain: boolean): void {
  let marked = false;
  for (const column of m.columns) {
    const generated = b.metadataArgsStorage.findGenerated(column.target, column.propertyName);
    if (!generated) continue;
    markColumnGenerated(ds, column, generated);
    marked = true;
    if (!plain) b.computeEntityMetadataStep2(m);
  }
  if (marked && plain) refreshAfterMarking(m);
}

/** A column marked with its `@Generated` args, as TypeORM's build marks it (type by strategy), and built again. */
export function markColumnGenerated(ds: Loose, column: Loose, generated: Loose): void {
  column.isGenerated = true;
  column.generationStrategy = generated.strategy;
  if (generated.strategy === "uuid") column.type = "uuid";
  else if (generated.strategy === "rowid") column.type = "int";
  else column.type = column.type || Number;
  column.build(ds);
}
