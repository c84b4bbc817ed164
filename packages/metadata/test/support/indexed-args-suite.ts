import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { buildEntityMetadatas } from "../../src/entity-metadatas";
import { indexedMetadataArgs } from "../../src/indexed-metadata-args";
import { buildEntityMetadatasIndexed } from "../../src/indexed-metadata-build";
import { canBuildLinear } from "../../src/linear-metadata-build";
import { resolveTypeORM } from "../../src/typeorm-module";
import type { TypeORMEntityMetadata } from "../../src/typeorm-shapes";
import { fixtureNames, loadFixture, type Fixture } from "./fixtures";
import type { TypeORMLine } from "./typeorm-names";

type Storage = Record<string, unknown>;
type Lookup = (target: unknown, property?: string) => unknown;

/** The lookups the view answers from its index; those taking a property name too. */
const LOOKUPS = [
  "filterTables",
  "filterColumns",
  "findGenerated",
  "findTree",
  "filterRelations",
  "filterRelationIds",
  "filterRelationCounts",
  "filterIndices",
  "filterForeignKeys",
  "filterUniques",
  "filterChecks",
  "filterExclusions",
  "filterListeners",
  "filterEmbeddeds",
  "findJoinTable",
  "filterJoinColumns",
  "findInheritanceType",
  "findDiscriminatorValue",
];
const WITH_PROPERTY = new Set(["findGenerated", "findJoinTable", "filterJoinColumns"]);
const ARRAYS = [
  "tables",
  "columns",
  "generations",
  "relations",
  "indices",
  "uniques",
  "foreignKeys",
  "checks",
  "embeddeds",
  "joinColumns",
  "joinTables",
  "inheritances",
];

/** Every target the storage mentions, and for classes their inheritance tree (the array TypeORM's builder asks with). */
function targetsOf(storage: Storage): unknown[] {
  const targets = new Set<unknown>();
  for (const name of ARRAYS)
    for (const item of (storage[name] as { target?: unknown }[] | undefined) ?? []) targets.add(item.target);
  const trees: unknown[][] = [];
  for (const t of targets) {
    if (typeof t !== "function") continue;
    const tree: unknown[] = [];
    for (let c: unknown = t; typeof c === "function" && c !== Function.prototype; c = Object.getPrototypeOf(c))
      tree.push(c);
    // An inheritance tree, or the tree of a class that extends none (a one-element array).
    trees.push(tree);
  }
  return [...targets, ...trees, "no such target"];
}

function propertiesOf(storage: Storage): string[] {
  const names = new Set<string>(["no such property"]);
  for (const name of ["columns", "relations", "generations", "joinColumns", "joinTables"]) {
    for (const item of (storage[name] as { propertyName?: string }[] | undefined) ?? [])
      if (item.propertyName) names.add(item.propertyName);
  }
  return [...names];
}

/** For every lookup, target (and property name), the view answers exactly what the storage answers: the same items, in the same order. */
function assertSameAnswers(storage: Storage): number {
  const view = indexedMetadataArgs(storage);
  const properties = propertiesOf(storage);
  let checked = 0;
  for (const method of LOOKUPS) {
    if (typeof storage[method] !== "function") continue;
    const original = (storage[method] as Lookup).bind(storage);
    const indexed = (view[method] as Lookup).bind(view);
    for (const target of targetsOf(storage)) {
      for (const property of WITH_PROPERTY.has(method) ? properties : [undefined]) {
        assert.deepEqual(
          indexed(target, property),
          original(target, property),
          `${method}(${String(target)}, ${property})`,
        );
        checked++;
      }
    }
  }
  return checked;
}

/** The lists of columns and relations TypeORM's computeEntityMetadataStep2 sets on an entity. */
const STEP2_LISTS = [
  "relations",
  "eagerRelations",
  "lazyRelations",
  "oneToOneRelations",
  "oneToManyRelations",
  "manyToOneRelations",
  "manyToManyRelations",
  "ownerOneToOneRelations",
  "ownerManyToManyRelations",
  "columns",
  "primaryColumns",
  "nonVirtualColumns",
  "ancestorColumns",
  "descendantColumns",
  "generatedColumns",
] as const;
/** The single columns and relations it looks up. */
const STEP2_FINDS = [
  "treeParentRelation",
  "treeChildrenRelation",
  "createDateColumn",
  "updateDateColumn",
  "deleteDateColumn",
  "versionColumn",
  "discriminatorColumn",
  "treeLevelColumn",
  "nestedSetLeftColumn",
  "nestedSetRightColumn",
  "materializedPathColumn",
  "objectIdColumn",
] as const;

/**
 * TypeORM's own build refuses `entities` with a message matching `expected`, and the offline
 * build refuses them with the same message.
 */
async function assertRefusedAsTypeORMRefuses(
  typeorm: { DataSource: new (o: Record<string, unknown>) => { buildMetadatas(): Promise<void> } },
  entities: unknown[],
  expected: RegExp,
): Promise<void> {
  const theirs = await new typeorm.DataSource({ type: "better-sqlite3", database: ":memory:", entities })
    .buildMetadatas()
    .then(
      () => assert.fail("TypeORM accepts the entities"),
      (error: Error) => error.message,
    );
  assert.match(theirs, expected);
  await assert.rejects(
    buildEntityMetadatas({ entities }, "sqlite", { typeorm }),
    (error: Error) => error.message === `Could not build TypeORM entity metadata: ${theirs}`,
  );
}

/** What schema conversion reads of an entity's metadata, as plain data (functions as their source). */
function digest(m: TypeORMEntityMetadata): unknown {
  const e = m as unknown as Record<string, any>;
  const plain = (v: unknown) => (typeof v === "function" ? String(v) : v);
  return {
    table: [
      e.tableType,
      e.tablePath,
      e.tableName,
      e.schema,
      e.database,
      e.synchronize,
      e.engine,
      e.comment,
      plain(e.expression),
    ],
    columns: e.columns.map((c: Record<string, any>) => [
      c.databaseName,
      c.propertyPath,
      plain(c.type),
      c.length,
      c.precision,
      c.scale,
      c.isNullable,
      c.isPrimary,
      c.isGenerated,
      c.generationStrategy,
      plain(c.default),
      c.onUpdate,
      c.charset,
      c.collation,
      c.comment,
      c.enum,
      c.enumName,
      c.asExpression,
      c.generatedType,
      c.unsigned,
      c.zerofill,
      c.isCreateDate,
      c.isUpdateDate,
      c.isVersion,
      c.isDiscriminator,
      c.relationMetadata?.propertyPath,
    ]),
    indices: e.indices.map((i: Record<string, any>) => [
      i.name,
      i.isUnique,
      i.isSpatial,
      i.isFulltext,
      i.where,
      i.synchronize,
      i.columns.map((c: { databaseName: string }) => c.databaseName),
    ]),
    uniques: e.uniques.map((u: Record<string, any>) => [
      u.name,
      u.columns.map((c: { databaseName: string }) => c.databaseName),
    ]),
    checks: e.checks.map((c: Record<string, any>) => [c.name, c.expression]),
    exclusions: (e.exclusions ?? []).map((x: Record<string, any>) => [x.name, x.expression]),
    foreignKeys: e.foreignKeys.map((f: Record<string, any>) => [
      f.name,
      f.columnNames,
      f.referencedTablePath,
      f.referencedColumnNames,
      f.onDelete,
      f.onUpdate,
      f.deferrable,
    ]),
    relations: e.relations.map((r: Record<string, any>) => [
      r.propertyPath,
      r.relationType,
      r.inverseEntityMetadata?.tableName,
      r.isLazy,
      r.onDelete,
    ]),
    parent: e.parentEntityMetadata?.tableName ?? null,
    children: e.childEntityMetadatas.map((c: { tableName: string }) => c.tableName),
    inheritance: [e.inheritancePattern, e.discriminatorValue, e.treeType, e.closureJunctionTable?.tableName],
    joins: e.relations.map((r: Record<string, any>) => [
      r.inverseRelation?.propertyPath,
      r.joinColumns.map((c: { databaseName: string }) => c.databaseName),
      r.junctionEntityMetadata?.tableName,
    ]),
    withJoinColumns: [e.relationsWithJoinColumns.length, e.hasNonNullableRelations],
    // What TypeORM's step 2 derives from the columns and relations: the build redoes only part
    // of the last step 2 of a plain entity (current-after-build.ts).
    derived: [
      ...STEP2_LISTS.map((k) => (e[k] as Record<string, any>[]).map((x) => x.propertyPath)),
      ...STEP2_FINDS.map((k) => e[k]?.propertyPath),
      e.hasUUIDGeneratedColumns,
      e.hasMultiplePrimaryKeys,
      e.columns.map((c: Record<string, any>) => [c.databasePath, c.propertyAliasName, c.databaseNameWithoutPrefixes]),
    ],
    // Not read by schema conversion, but by TypeORM's own builder (index and relation-id
    // factories) and query builders (view expressions); the build computes it its own way.
    propertiesMap: e.propertiesMap,
  };
}

/**
 * The indexed metadata-args view (indexed-metadata-args.ts) against TypeORM's own storage, on
 * the metadata args of every fixture: the global storage of the decorated classes, and the
 * storage TypeORM makes from each fixture's EntitySchemas. And the build that uses it is the
 * one taken for this TypeORM line (the linear build of linear-metadata-build.ts), not the fallback.
 */
export function defineIndexedArgsSuite(line: TypeORMLine, typeormModule: string): void {
  describe(`indexed metadata args (TypeORM ${line})`, () => {
    const load = async (): Promise<Fixture[]> => Promise.all(fixtureNames().map((n) => loadFixture(n)));

    it("answer every lookup of every fixture's args exactly as TypeORM's storage does", async () => {
      const fixtures = await load();
      const typeorm = require(typeormModule) as {
        getMetadataArgsStorage(): Storage;
        EntitySchema: new (...a: never[]) => unknown;
      };
      const global = typeorm.getMetadataArgsStorage();
      assert.ok(
        (global["columns"] as unknown[]).length > 100,
        "the fixtures' decorated classes are in the global storage",
      );
      assert.ok(assertSameAnswers(global) > 1000);
      const tm = resolveTypeORM({ typeorm });
      const { EntitySchemaTransformer } = require(`${tm.dir}/entity-schema/EntitySchemaTransformer`) as {
        EntitySchemaTransformer: new () => { transform(s: unknown[]): Storage };
      };
      const schemas = fixtures.flatMap((f) => f.entities.filter((e) => e instanceof typeorm.EntitySchema));
      assert.ok(schemas.length > 0, "some fixture uses EntitySchema");
      assertSameAnswers(new EntitySchemaTransformer().transform(schemas));
    });

    it("builds, for every fixture and dialect, the metadata TypeORM's own builder builds", async () => {
      const fixtures = await load();
      const typeorm = require(typeormModule) as {
        DataSource: new (o: Record<string, unknown>) => { logger?: unknown };
      };
      const tm = resolveTypeORM({ typeorm });
      const { ConnectionMetadataBuilder } = require(`${tm.dir}/connection/ConnectionMetadataBuilder`) as {
        ConnectionMetadataBuilder: new (ds: unknown) => {
          buildEntityMetadatas(e: unknown[]): Promise<TypeORMEntityMetadata[]>;
        };
      };
      const { EntityMetadataBuilder } = require(`${tm.dir}/metadata-builder/EntityMetadataBuilder`) as {
        EntityMetadataBuilder: new (ds: unknown, storage: object) => object;
      };
      let compared = 0;
      const plainBuilds: string[] = [];
      for (const fx of fixtures) {
        for (const d of fx.dialects) {
          // A fresh DataSource per build: TypeORM's builder wires lazy relations into it.
          const dataSource = () =>
            new typeorm.DataSource({
              type: d === "sqlite" ? "better-sqlite3" : d,
              ...(d !== "postgres" && { database: "x" }),
              ...fx.dataSourceOptions,
            });
          // The plain build where the model is plain (plain-metadata-build.ts), and the linear
          // build of every model: both must make what TypeORM's own builder makes.
          const indexed = await buildEntityMetadatasIndexed(tm, dataSource(), fx.entities, {
            plainMustNotFail: true,
            onPlainBuild: () => plainBuilds.push(`${fx.name}/${d}`),
          });
          const linear = await buildEntityMetadatasIndexed(tm, dataSource(), fx.entities, { plain: false });
          assert.ok(indexed && linear, `${fx.name}/${d}: the indexed build is available`);
          assert.ok(canBuildLinear(new EntityMetadataBuilder(dataSource(), {})), "the linear build is the one taken");
          const own = await new ConnectionMetadataBuilder(dataSource()).buildEntityMetadatas(fx.entities);
          assert.deepEqual(indexed.map(digest), own.map(digest), `${fx.name}/${d}`);
          assert.deepEqual(linear.map(digest), own.map(digest), `${fx.name}/${d} (linear build)`);
          compared += own.length;
        }
      }
      assert.ok(compared > 200, `${compared} entity metadatas compared`);
      assert.ok(plainBuilds.length > 50, `${plainBuilds.length} fixture builds were plain`);
      const plain = (name: string) => plainBuilds.some((b) => b.startsWith(`${name}/`));
      for (const name of [
        "many-to-one-actions",
        "one-to-many",
        "relation-to-unique-column",
        "composite-primary-key",
        "custom-naming-strategy",
        "date-columns",
        "indexes",
        "abstract-base-class",
        "one-to-one",
        "many-to-many-default",
        "many-to-many-custom-join",
        "blog-app",
      ])
        assert.ok(plain(name), `${name} is a plain model`);
      // Embeddeds, trees, table inheritance, lazy relations, views, entity schemas, exclusion
      // constraints.
      for (const name of [
        "embedded-entities",
        "tree-closure-table",
        "single-table-inheritance",
        "concrete-table-inheritance",
        "lazy-relations",
        "view-entity",
        "entity-schema",
        "postgres-exclusion-constraints",
      ])
        assert.ok(!plain(name), `${name} is not a plain model`);
    });

    it("builds generated columns next to join columns, inheritance and junctions as TypeORM does", async () => {
      // Entities on both sides of the plain-entity shortcut of current-after-build.ts: plain ones
      // with generated keys and many-to-ones (to a uuid key, through a join column of its own),
      // a one-to-one owner and a many-to-many owner (whose owner flags change after their step
      // 2), and a parent and child entity, which it leaves to TypeORM's step 2.
      type Decorator = (...args: unknown[]) => (target: object, property?: string) => void;
      const typeorm = require(typeormModule) as Record<string, Decorator> & {
        DataSource: new (o: Record<string, unknown>) => { logger?: unknown };
      };
      const { Entity, PrimaryGeneratedColumn, Column, ManyToOne, OneToMany, OneToOne, ManyToMany } = typeorm;
      const { JoinColumn, JoinTable } = typeorm;
      const name = (table: string) => `${table}_${line.replace(".", "")}`;
      class Owner {}
      class Pet {}
      class Base {}
      class Derived extends Base {}
      class Passport {}
      class Tag {}
      PrimaryGeneratedColumn("uuid")(Owner.prototype, "id");
      Column({ type: "varchar", length: 40 })(Owner.prototype, "name");
      OneToMany(
        () => Pet,
        (p: { owner: unknown }) => p.owner,
      )(Owner.prototype, "pets");
      Entity(name("owners"))(Owner);
      PrimaryGeneratedColumn()(Pet.prototype, "id");
      ManyToOne(
        () => Owner,
        (o: { pets: unknown }) => o.pets,
        { nullable: true },
      )(Pet.prototype, "owner");
      Column({ type: "varchar", length: 36, name: "keeper_id", nullable: true })(Pet.prototype, "keeperId");
      ManyToOne(() => Owner)(Pet.prototype, "keeper");
      JoinColumn({ name: "keeper_id" })(Pet.prototype, "keeper");
      Entity(name("pets"))(Pet);
      PrimaryGeneratedColumn()(Base.prototype, "id");
      ManyToOne(() => Owner, { nullable: true })(Base.prototype, "owner");
      Entity(name("bases"))(Base);
      Column({ type: "integer", default: 0 })(Derived.prototype, "extra");
      Entity(name("deriveds"))(Derived);
      PrimaryGeneratedColumn()(Passport.prototype, "id");
      OneToOne(() => Owner)(Passport.prototype, "owner");
      JoinColumn()(Passport.prototype, "owner");
      Entity(name("passports"))(Passport);
      PrimaryGeneratedColumn("increment")(Tag.prototype, "id");
      ManyToMany(() => Pet)(Tag.prototype, "pets");
      JoinTable()(Tag.prototype, "pets");
      Entity(name("tags"))(Tag);
      const entities = [Owner, Pet, Base, Derived, Passport, Tag];
      const tm = resolveTypeORM({ typeorm });
      const { ConnectionMetadataBuilder } = require(`${tm.dir}/connection/ConnectionMetadataBuilder`) as {
        ConnectionMetadataBuilder: new (ds: unknown) => {
          buildEntityMetadatas(e: unknown[]): Promise<TypeORMEntityMetadata[]>;
        };
      };
      for (const type of ["better-sqlite3", "postgres", "mysql"]) {
        const dataSource = () => new typeorm.DataSource({ type, database: "x", entities });
        const indexed = await buildEntityMetadatasIndexed(tm, dataSource(), entities);
        const own = await new ConnectionMetadataBuilder(dataSource()).buildEntityMetadatas(entities);
        assert.equal(own.length, 7, "six entities and a junction");
        assert.deepEqual(indexed!.map(digest), own.map(digest), type);
      }
    });

    it("refuses, as TypeORM's own validator does, two single-table children with one discriminator value", async () => {
      type Decorator = (...args: unknown[]) => (target: object, property?: string) => void;
      const typeorm = require(typeormModule) as Record<string, Decorator> & {
        DataSource: new (o: Record<string, unknown>) => { buildMetadatas(): Promise<void> };
      };
      const { Entity, TableInheritance, ChildEntity, PrimaryGeneratedColumn, Column } = typeorm;
      class Shape {}
      Entity(`shapes_${line.replace(".", "")}`)(Shape);
      TableInheritance({ column: { type: "varchar", name: "kind" } })(Shape);
      PrimaryGeneratedColumn()(Shape.prototype, "id");
      class Circle extends Shape {}
      ChildEntity("round")(Circle);
      Column({ type: "integer", nullable: true })(Circle.prototype, "radius");
      class Disc extends Shape {}
      ChildEntity("round")(Disc);
      await assertRefusedAsTypeORMRefuses(typeorm, [Shape, Circle, Disc], /same discriminator values/);
    });

    it("refuses, with TypeORM's own message, a cycle of non-nullable relations, and accepts the same one nullable", async () => {
      type Decorator = (...args: unknown[]) => (target: object, property?: string) => void;
      const typeorm = require(typeormModule) as Record<string, Decorator> & {
        DataSource: new (o: Record<string, unknown>) => { buildMetadatas(): Promise<void> };
      };
      const { Entity, PrimaryGeneratedColumn, ManyToOne } = typeorm;
      const suffix = line.replace(".", "");
      // Hen -> Egg -> Hen, both required; Nest -> Nest, optional.
      class Hen {}
      class Egg {}
      class Nest {}
      PrimaryGeneratedColumn()(Hen.prototype, "id");
      ManyToOne(() => Egg, { nullable: false })(Hen.prototype, "egg");
      Entity(`hens_${suffix}`)(Hen);
      PrimaryGeneratedColumn()(Egg.prototype, "id");
      ManyToOne(() => Hen, { nullable: false })(Egg.prototype, "hen");
      Entity(`eggs_${suffix}`)(Egg);
      PrimaryGeneratedColumn()(Nest.prototype, "id");
      ManyToOne(() => Nest, { nullable: true })(Nest.prototype, "parent");
      Entity(`nests_${suffix}`)(Nest);
      await assertRefusedAsTypeORMRefuses(typeorm, [Hen, Egg, Nest], /Circular relations detected/);
      const built = await buildEntityMetadatas({ entities: [Nest] }, "sqlite", { typeorm });
      assert.equal(built.metadatas.length, 1);
    });
  });
}
