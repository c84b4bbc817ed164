import { eventLoopTurn } from "./event-loop-turn";
import { useFlatPropertiesMap } from "./flat-properties-map";
import {
  buildJoinColumns,
  buildJunction,
  listJoinColumnRelations,
  markColumnGenerated,
  metadatasByName,
  type BuildInternals,
  type Builder,
  type Loose,
} from "./linear-metadata-build";
import { MetadataPositions } from "./metadata-positions";
import type { TypeORMEntityMetadata } from "./typeorm-shapes";

/*
 * The metadata build of a plain model: TypeORM's own metadata objects, made by TypeORM's own
 * constructors and builders, without the steps of its EntityMetadataBuilder that change
 * nothing for such a model. A plain model is one whose entities are all regular tables of
 * decorated classes that extend no entity (a decorated base class that is not one, such as a
 * `BaseModel` with the key and timestamps, is fine), with no embedded, tree, inheritance or
 * discriminator metadata, no relation ids or counts, no @ForeignKey and no exclusion
 * constraint, whose relations are not lazy, and whose columns are regular, create/update/delete
 * date or version columns: what most models are.
 *
 * For such an entity, TypeORM's build amounts to: its columns, relations, listeners, checks,
 * indices and uniques (on MySQL, unique indices) made from its own metadata args (step 1);
 * every list of its metadata computed from those (step 2); the inverse side of each relation;
 * the join columns and foreign key of each many-to-one and owning one-to-one (and the latter's
 * unique constraint, or index on MySQL), and the junction entity of each owning many-to-many;
 * its indices, uniques and checks named; its @Generated columns marked, each followed by step
 * 2 again. This build makes the same objects in the same order and computes, once and last, the
 * lists of step 2 that are read afterwards: by TypeORM's validator, Table.create and autogen's
 * mapping (plainLists). It
 * leaves out TypeORM's lists of listeners by event, which only TypeORM's persistence reads.
 *
 * `AUTOGEN_CHECK_PLAIN_BUILD=1` (set by the test runner) builds every plain model both ways in
 * schemaFromTypeORM and fails on any difference in the schema, or when this build throws
 * (schema-from-typeorm.ts).
 */

/** The TypeORM classes the plain build makes metadata with, from the builder's own copy. */
export interface PlainBuildInternals extends BuildInternals {
  readonly ColumnMetadata: new (options: unknown) => Loose;
  readonly RelationMetadata: new (options: unknown) => Loose;
  readonly UniqueMetadata: new (options: unknown) => Loose;
  readonly CheckMetadata: new (options: unknown) => Loose;
  readonly EntityListenerMetadata: new (options: unknown) => Loose;
}

/** Metadata args arrays that a plain entity has none of. */
const NOT_PLAIN_ARGS = [
  "embeddeds",
  "relationIds",
  "relationCounts",
  "trees",
  "inheritances",
  "discriminatorValues",
  "foreignKeys",
  "exclusions",
] as const;

/** Every metadata args array that names a target (a decorated class). */
const ALL_ARGS = [
  ...NOT_PLAIN_ARGS,
  "tables",
  "columns",
  "relations",
  "indices",
  "uniques",
  "checks",
  "generations",
  "joinColumns",
  "joinTables",
  "entityListeners",
] as const;

const PLAIN_COLUMN_MODES: ReadonlySet<string> = new Set([
  "regular",
  "createDate",
  "updateDate",
  "deleteDate",
  "version",
]);
const PLAIN_RELATION_TYPES: ReadonlySet<string> = new Set(["many-to-one", "one-to-many", "one-to-one", "many-to-many"]);
/** The drivers autogen builds metadata for; cockroachdb, say, has a step 1 branch of its own. */
const PLAIN_DRIVER_TYPES: ReadonlySet<string> = new Set(["postgres", "mysql", "mariadb", "better-sqlite3", "sqlite"]);
/** Drivers besides the MySQL family on which step 1 keeps @Unique as a unique index. */
const UNIQUE_AS_INDEX_TYPES: ReadonlySet<string> = new Set(["aurora-mysql", "sap", "spanner"]);

/**
 * The table args of `entityClasses` when they make a plain model (see above), else undefined:
 * the caller then runs the linear build. `storage` is TypeORM's MetadataArgsStorage.
 */
export function plainModelTables(storage: Loose, driverType: string, entityClasses: unknown[]): Loose[] | undefined {
  if (!PLAIN_DRIVER_TYPES.has(driverType)) return undefined;
  const tables: Loose[] = storage.filterTables(entityClasses);
  if (tables.length === 0 || !tables.every((t) => t.type === "regular" && typeof t.target === "function"))
    return undefined;
  // The entities' classes and the decorated classes they extend, whose metadata args they take.
  const entityTargets = new Set(argsOf(storage, "tables").map((t) => t.target));
  const decorated = new Set<unknown>();
  for (const kind of ALL_ARGS) for (const args of argsOf(storage, kind)) decorated.add(args.target);
  const targets = new Set<unknown>();
  for (const t of tables) {
    targets.add(t.target);
    for (let p = Object.getPrototypeOf(t.target); p && p !== Function.prototype; p = Object.getPrototypeOf(p)) {
      // Extending an entity is table inheritance.
      if (entityTargets.has(p)) return undefined;
      if (decorated.has(p)) targets.add(p);
    }
  }
  for (const kind of NOT_PLAIN_ARGS)
    if (argsOf(storage, kind).some((args) => targets.has(args.target))) return undefined;
  for (const args of argsOf(storage, "columns"))
    if (targets.has(args.target) && !PLAIN_COLUMN_MODES.has(args.mode)) return undefined;
  for (const args of argsOf(storage, "relations"))
    if (targets.has(args.target) && (!PLAIN_RELATION_TYPES.has(args.relationType) || args.isLazy)) return undefined;
  return tables;
}

const argsOf = (storage: Loose, kind: string): Loose[] => (storage[kind] as Loose[] | undefined) ?? [];

/**
 * Builds what TypeORM's EntityMetadataBuilder builds for the plain model of `tables` (from
 * {@link plainModelTables}); `b` and `t` as for the linear build, `b` reading the indexed args.
 */
export async function buildPlainEntityMetadatas(
  b: Builder,
  t: PlainBuildInternals,
  tables: readonly Loose[],
): Promise<TypeORMEntityMetadata[]> {
  const ds = (b.dataSource ?? b.connection)!;
  const storage = b.metadataArgsStorage;
  const all = tables.map((args) => b.createEntityMetadata(args));
  const mysqlIndices = t.isMySQLFamily(ds.driver) || UNIQUE_AS_INDEX_TYPES.has(ds.driver.options.type);
  // A column a class redeclares overrides the default of the one it inherits (step 1).
  const columnsByClass = byTarget(storage.columns as Loose[]);
  for (const m of all) {
    useFlatPropertiesMap(m);
    // No entity extends a plain one (TypeORM: each metadata whose class extends this one's).
    m.childEntityMetadatas = [];
    m.build();
    ownMetadata(t, ds, storage, m, mysqlIndices, columnsByClass.itemsUnderKey(m.target));
  }
  await eventLoopTurn();

  const byName = metadatasByName(all);
  const relatedTo = (m: Loose): Loose[] => byName.itemsUnder(m.relations.map((r: Loose) => r.type));
  for (const m of all) b.computeInverseProperties(m, relatedTo(m));
  const entities = [...all];
  for (const m of entities) {
    const joins = m.relations.filter((r: Loose) => r.isOneToOne || r.isManyToOne);
    if (joins.length > 0) {
      // A new join column only needs to join the entity's own columns here: the lists TypeORM's
      // registerColumn recomputes each time are computed once, last (plainLists).
      Object.defineProperty(m, "registerColumn", { configurable: true, writable: true, value: registerOwnColumn });
      for (const relation of joins) buildJoinColumns(b, t, ds, m, relation);
      delete m.registerColumn;
      m.propertiesMap = m.createPropertiesMap();
    }
    // Junctions come after the entities, in the order their owners are built, as in TypeORM.
    for (const relation of m.relations.filter((r: Loose) => r.isManyToMany)) {
      const junction = buildJunction(b, relation, relatedTo);
      if (junction) all.push(junction);
    }
  }
  all.forEach(listJoinColumnRelations);
  await eventLoopTurn();
  const naming = ds.namingStrategy;
  for (const kind of ["indices", "uniques", "checks"])
    for (const m of all) for (const item of m[kind]) item.build(naming);
  // TypeORM asks findGenerated once per column: here once per class, then per column of it.
  const generations = byTarget(storage.generations as Loose[]);
  // A junction's lists are its step 2's (buildJunction), and none of its columns is generated.
  for (const m of entities) {
    let marked = false;
    for (const column of m.columns)
      marked = markGenerated(generations.itemsUnderKey(column.target), ds, column) || marked;
    plainLists(m, marked);
  }
  return all as TypeORMEntityMetadata[];
}

/**
 * Step 1 of TypeORM's build for a plain entity (what it owns, made from its own metadata
 * args), and what the joins and index builds read of step 2: each own column and relation
 * built (names, paths) and the entity's lists of them; for an entity without embeddeds,
 * TypeORM's `columns` is the `ownColumns` array itself.
 */
function ownMetadata(
  t: PlainBuildInternals,
  ds: Loose,
  storage: Loose,
  m: Loose,
  mysqlIndices: boolean,
  ownColumnArgs: readonly Loose[],
): void {
  const tree = m.inheritanceTree;
  const discriminator = storage.findDiscriminatorValue(m.target);
  m.discriminatorValue = discriminator !== undefined ? discriminator.value : m.target.name;
  m.embeddeds = [];
  m.ownColumns = storage.filterColumns(tree).map((args: Loose) => {
    if (args.target !== m.target) {
      // As step 1 does, on the shared args: the entity's own declaration's default wins.
      const own = ownColumnArgs.find((c) => c.propertyName === args.propertyName);
      if (own?.options.default) args.options.default = own.options.default;
    }
    // `connection` is 0.3's; 1.x takes the DataSource from the entity metadata.
    return new t.ColumnMetadata({ connection: ds, entityMetadata: m, args });
  });
  m.ownRelations = storage
    .filterRelations(tree)
    .map((args: Loose) => new t.RelationMetadata({ entityMetadata: m, args }));
  m.relationIds = [];
  if ("relationCounts" in m) m.relationCounts = [];
  m.ownListeners = storage
    .filterListeners(tree)
    .map((args: Loose) => new t.EntityListenerMetadata({ entityMetadata: m, args }));
  m.checks = storage.filterChecks(tree).map((args: Loose) => new t.CheckMetadata({ entityMetadata: m, args }));
  m.ownIndices = storage.filterIndices(tree).map((args: Loose) => new t.IndexMetadata({ entityMetadata: m, args }));
  const uniques: Loose[] = storage.filterUniques(tree);
  if (mysqlIndices) {
    m.ownIndices.push(
      ...uniques.map(
        (args) =>
          new t.IndexMetadata({
            entityMetadata: m,
            args: { target: args.target, name: args.name, columns: args.columns, unique: true, synchronize: true },
          }),
      ),
    );
  } else m.ownUniques.push(...uniques.map((args) => new t.UniqueMetadata({ entityMetadata: m, args })));

  for (const column of m.ownColumns) column.build(ds);
  for (const relation of m.ownRelations) relation.build();
  m.columns = m.ownColumns;
  m.relations = m.ownRelations;
  m.indices = m.ownIndices;
  m.uniques = m.ownUniques;
  m.listeners = m.ownListeners;
  m.primaryColumns = m.columns.filter((c: Loose) => c.isPrimary);
  // Owner flags are set when the joins are built: TypeORM keeps this list as its last step 2
  // saw it (plainLists).
  m.ownerOneToOneRelations = m.relations.filter((r: Loose) => r.isOneToOneOwner);
  m.ownerManyToManyRelations = m.relations.filter((r: Loose) => r.isManyToManyOwner);
  m.propertiesMap = m.createPropertiesMap();
}

/** `registerColumn` while the joins are built: the column joins the entity's own columns, once. */
function registerOwnColumn(this: Loose, column: Loose): void {
  if (!this.ownColumns.includes(column)) this.ownColumns.push(column);
}

/** Metadata args by target, each lookup in storage order. */
const byTarget = (args: readonly Loose[]) => MetadataPositions.byOneKey(args, (a) => a.target);

/**
 * A column marked `@Generated`, as TypeORM's build marks it last; `generations`: the
 * generation args of the column's class (findGenerated's first match is the first of those).
 */
function markGenerated(generations: readonly Loose[], ds: Loose, column: Loose): boolean {
  const generated = generations.find((g) => g.propertyName === column.propertyName);
  if (!generated) return false;
  markColumnGenerated(ds, column, generated);
  return true;
}

/**
 * The lists of TypeORM's step 2 that are read once the build is done, as step 2 computes them
 * for an entity without embeddeds, trees or inheritance: by TypeORM's validator (primary
 * columns, relations, eager and lazy relations, relations with join columns), Table.create and
 * autogen's mapping (columns, indices, uniques, checks, foreign keys). The owning one-to-ones are
 * listed as TypeORM's last step 2 listed them: after the joins only when a generated column was
 * `marked` (or an owning one-to-one got a unique constraint, whose join runs step 2 itself); so
 * are the owning many-to-manys.
 */
function plainLists(m: Loose, marked: boolean): void {
  const columns: Loose[] = m.ownColumns;
  const relations: Loose[] = m.ownRelations;
  m.columns = columns;
  m.relations = relations;
  m.eagerRelations = relations.filter((r) => r.isEager);
  m.lazyRelations = relations.filter((r) => r.isLazy);
  m.oneToManyRelations = relations.filter((r) => r.isOneToMany);
  m.manyToOneRelations = relations.filter((r) => r.isManyToOne);
  m.oneToOneRelations = relations.filter((r) => r.isOneToOne);
  m.manyToManyRelations = relations.filter((r) => r.isManyToMany);
  if (marked) {
    m.ownerOneToOneRelations = relations.filter((r) => r.isOneToOneOwner);
    m.ownerManyToManyRelations = relations.filter((r) => r.isManyToManyOwner);
  }
  m.primaryColumns = columns.filter((c) => c.isPrimary);
  m.nonVirtualColumns = columns.filter((c) => !c.isVirtual);
  m.hasMultiplePrimaryKeys = m.primaryColumns.length > 1;
  m.generatedColumns = columns.filter((c) => c.isGenerated || c.isObjectId);
  m.hasUUIDGeneratedColumns = columns.some((c) => c.isGenerated || c.generationStrategy === "uuid");
  m.createDateColumn = columns.find((c) => c.isCreateDate);
  m.updateDateColumn = columns.find((c) => c.isUpdateDate);
  m.deleteDateColumn = columns.find((c) => c.isDeleteDate);
  m.versionColumn = columns.find((c) => c.isVersion);
  m.propertiesMap = m.createPropertiesMap();
}
