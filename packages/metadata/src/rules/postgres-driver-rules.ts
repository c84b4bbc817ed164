import type { EnumTypeRef, TypeORMDriverRules } from "./typeorm-driver-rules";

/**
 * TypeORM's PostgresQueryRunner: SERIAL for generated non-uuid columns, identity columns,
 * enum types named `<table>_<column>_enum`, only STORED generated columns, COMMENT ON.
 */
export const postgresDriverRules: TypeORMDriverRules = {
  typeText: (c, enumType) => {
    const base = enumType ? typeName(enumType) : c.driver.createFullType(c.column).replace(/ array$/, "");
    // createFullType writes the SQL-standard `integer array`; `[]` is how PostgreSQL reports it.
    return c.meta.isArray ? `${base}[]` : base;
  },
  // PostgresQueryRunner.buildEnumName: the table name without schema, the column name lowercased.
  enumType: (c) => {
    if (c.column.type !== "enum" && c.column.type !== "simple-enum") return null;
    return {
      schema: c.schema,
      name: c.meta.enumName ?? `${c.tableName}_${c.column.name.toLowerCase()}_enum`,
      values: (c.column.enum ?? []).map(String),
    };
  },
  // TypeORM defaults to uuid-ossp's uuid_generate_v4(), and creates that extension when it
  // connects, outside any migration, so a migration using it fails on a fresh database
  // (typeorm#11571). Built-in gen_random_uuid() (PostgreSQL 13+) unless uuid-ossp is asked for.
  implicitDefault: (c) => {
    if (!c.meta.isGenerated || c.meta.generationStrategy !== "uuid") return null;
    return c.driver.options.uuidExtension === "uuid-ossp" ? "uuid_generate_v4()" : "gen_random_uuid()";
  },
  // Every generated column that is neither uuid nor identity becomes SERIAL/BIGSERIAL/SMALLSERIAL.
  autoIncrement: (m) => m.isGenerated && m.generationStrategy !== "uuid" && m.generationStrategy !== "identity",
  identity: (m) =>
    m.isGenerated && m.generationStrategy === "identity"
      ? { always: m.generatedIdentity === "ALWAYS", start: null, increment: null }
      : null,
  // PostgreSQL has only stored generated columns; TypeORM writes nothing for VIRTUAL (its default).
  generated: (m) =>
    m.asExpression && m.generatedType === "STORED" ? { expression: m.asExpression, stored: true } : null,
  columnChecks: () => [],
  // An entity may name `public` explicitly; it is still the default schema (typeorm#6343).
  defaultSchema: (driver) => driver.options.schema ?? "public",
  indexUsing: (i) => {
    if (i.isSpatial) return "gist";
    // 1.x `@Index({ type })`; btree is the access method PostgreSQL uses anyway.
    return i.type && i.type.toLowerCase() !== "btree" ? i.type.toLowerCase() : null;
  },
  writes: {
    schemas: true,
    comments: true,
    charset: false,
    onUpdate: false,
    primaryKeyName: true,
    partialIndexes: true,
    checks: true,
    exclusions: true,
    deferrableUniques: true,
    deferrableForeignKeys: true,
  },
};

/** An enum type as a type name, quoted as TypeORM's CREATE TYPE quotes it: `"app"."user_role_enum"`. */
function typeName(e: EnumTypeRef): string {
  const quote = (s: string) => `"${s.replaceAll('"', '""')}"`;
  return e.schema ? `${quote(e.schema)}.${quote(e.name)}` : quote(e.name);
}
