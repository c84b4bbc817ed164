// The autogenerate benchmarks' model: N tables t_00000, t_00001, ... each with an id, the
// dialect profile's data columns, a many-to-one `parent` to the table before (column parentId,
// ON DELETE SET NULL), two named indexes and a unique column. Three renderings of the same
// model, so that every tool compares the same thing:
//   - TypeORM entity classes, decorated the way tsc's emitted __decorate calls decorate them
//     (property decorators, then class decorators), constraint names left to TypeORM;
//   - plain DDL, written the way a person writes it (the profile's `ddl`), with the names
//     TypeORM's DefaultNamingStrategy gives those constraints: a database autogen adopts, not
//     one autogen created;
//   - SQLAlchemy tables (a Python literal of the model, turned into Tables by the Alembic worker).
"use strict";

const tableName = (i) => `t_${String(i).padStart(5, "0")}`;

/** The model as data: `{ name, parent }` per table, `parent` the table before (null for the first). */
function syntheticModel(n) {
  return Array.from({ length: n }, (_, i) => ({ name: tableName(i), parent: i === 0 ? null : tableName(i - 1) }));
}

/**
 * The model as TypeORM entity classes, decorated with `typeorm`'s own decorators (so they land
 * in its global metadata-args storage, as a project's entities do when their files load).
 */
function decoratedEntities(typeorm, profile, model) {
  const { Entity, Column, PrimaryGeneratedColumn, ManyToOne, Index } = typeorm;
  const byName = new Map();
  return model.map((t) => {
    const name = className(t);
    const entity = { [name]: class {} }[name];
    PrimaryGeneratedColumn()(entity.prototype, "id");
    for (const c of profile.columns) Column(c.typeorm)(entity.prototype, c.name);
    if (t.parent) {
      const parent = byName.get(t.parent);
      ManyToOne(() => parent, { nullable: true, onDelete: "SET NULL" })(entity.prototype, "parent");
    }
    // tsc applies class decorators bottom-up: the indexes (written under @Entity) first.
    Index(`idx_${t.name}_qty_created`, ["qty", "created"])(entity);
    Index(`idx_${t.name}_title`, ["title"])(entity);
    Entity(t.name)(entity);
    byName.set(t.name, entity);
    return entity;
  });
}

/** A JS value as TypeScript source: functions (`() => "now()"` defaults) as their own text. */
function tsLiteral(value) {
  if (typeof value === "function") return value.toString();
  if (value && typeof value === "object") {
    return `{ ${Object.entries(value)
      .map(([k, v]) => `${k}: ${tsLiteral(v)}`)
      .join(", ")} }`;
  }
  return JSON.stringify(value);
}

const className = (t) => `T${t.name.slice(2)}`;

/**
 * The model as a TypeScript project's entity files, one module per entity (`<table>.ts`) and an
 * `index.ts` exporting the list: what a user's `autogen.config.ts` imports.
 * @returns {{ file: string, text: string }[]}
 */
function entitySources(profile, model) {
  const files = model.map((t) => {
    const imports = ["Column", "Entity", "Index", "PrimaryGeneratedColumn", ...(t.parent ? ["ManyToOne"] : [])].sort();
    const lines = [
      `import { ${imports.join(", ")} } from "typeorm";`,
      ...(t.parent ? [`import { ${className({ name: t.parent })} } from "./${t.parent}";`] : []),
      "",
      `@Entity(${JSON.stringify(t.name)})`,
      `@Index(${JSON.stringify(`idx_${t.name}_title`)}, ["title"])`,
      `@Index(${JSON.stringify(`idx_${t.name}_qty_created`)}, ["qty", "created"])`,
      `export class ${className(t)} {`,
      "  @PrimaryGeneratedColumn() id!: number;",
      ...profile.columns.map((c) => `  @Column(${tsLiteral(c.typeorm)}) ${c.name}!: unknown;`),
      ...(t.parent
        ? [
            `  @ManyToOne(() => ${className({ name: t.parent })}, { nullable: true, onDelete: "SET NULL" }) parent!: ${className({ name: t.parent })} | null;`,
          ]
        : []),
      "}",
      "",
    ];
    return { file: `${t.name}.ts`, text: lines.join("\n") };
  });
  const index = [
    ...model.map((t) => `import { ${className(t)} } from "./${t.name}";`),
    "",
    `export const entities = [${model.map(className).join(", ")}];`,
    "",
  ].join("\n");
  return [...files, { file: "index.ts", text: index }];
}

/** The constraint names TypeORM gives the model's keys, from its DefaultNamingStrategy. */
function constraintNames(typeorm, t) {
  const naming = new typeorm.DefaultNamingStrategy();
  return {
    primaryKey: naming.primaryKeyName(t.name, ["id"]),
    unique: naming.uniqueConstraintName(t.name, ["code"]),
    // MySQL keeps a unique constraint as a unique index, which TypeORM names as an index.
    uniqueIndex: naming.indexName(t.name, ["code"]),
    foreignKey: t.parent ? naming.foreignKeyName(t.name, ["parentId"], t.parent, ["id"]) : null,
  };
}

/** The model's DDL statements for the profile's dialect, table by table, in creation order. */
function ddlStatements(typeorm, profile, model) {
  return model.flatMap((t) => profile.ddl(t, constraintNames(typeorm, t)));
}

module.exports = { tableName, syntheticModel, decoratedEntities, entitySources, ddlStatements };
