import type {
  CheckConstraint,
  Column,
  Enum,
  ExclusionConstraint,
  ForeignKey,
  Index,
  Table,
  UniqueConstraint,
  View,
} from "@autogen/core";
import type { DialectName } from "@autogen/dialects";
import type { CompareContext } from "./compare-context";
import type { ComparatorRegistry } from "./registry";

/** The dialects compare knows by name (only to pick dialect-qualified comparators). */
export type CompareDialect = DialectName;

/** The object types the name and object filters are called with (Alembic's type_ strings). */
export type FilterType =
  | "schema"
  | "table"
  | "column"
  | "index"
  | "unique_constraint"
  | "foreign_key_constraint"
  | "check_constraint"
  | "exclusion_constraint"
  | "view";

/** A schema object handed to `includeObject`: a core schema node (canonical terms), or a schema's name. */
export type SchemaObject =
  Table | Column | Index | UniqueConstraint | ForeignKey | CheckConstraint | ExclusionConstraint | View | Enum | string;

/** Names of the objects enclosing the one `includeName` is asked about. */
export type ParentNames = Readonly<Record<string, string | null>> & {
  readonly schemaName?: string | null;
  readonly tableName?: string | null;
  readonly schemaQualifiedTableName?: string | null;
};

/**
 * Alembic's include_name: runs on reflected names only, before they are compared; the default
 * schema is asked about as `(null, "schema")`, as Alembic passes None. `parentNames`
 * has `schemaName` (columns and constraints also `tableName` and `schemaQualifiedTableName`).
 */
export type IncludeNameFn = (name: string | null, type: FilterType, parentNames: ParentNames) => boolean;

/**
 * Alembic's include_object: runs on target and reflected objects alike. `reflected` says which
 * side `object` comes from; `compareTo` is its counterpart on the other side, or null.
 * `type` is a {@link FilterType}, or `"enum"` for PostgreSQL enum types.
 */
export type IncludeObjectFn = (
  object: SchemaObject,
  name: string | null,
  type: FilterType | "enum",
  reflected: boolean,
  compareTo: SchemaObject | null,
) => boolean;

/** true: the types differ; false: they do not (and the default comparison is skipped); null/undefined: let the default decide. */
export type CompareTypeFn = (
  ctx: CompareContext,
  inspectedColumn: Column,
  metadataColumn: Column,
  inspectedType: string,
  metadataType: string,
) => boolean | null | undefined;

/** Same true/false/null semantics as {@link CompareTypeFn}; defaults are canonical SQL text or null. */
export type CompareServerDefaultFn = (
  ctx: CompareContext,
  inspectedColumn: Column,
  metadataColumn: Column,
  inspectedDefault: string | null,
  metadataDefault: string | null,
  renderedMetadataDefault: string | null,
) => boolean | null | undefined;

export interface CompareOptions {
  dialect: CompareDialect;
  includeName?: IncludeNameFn;
  includeObject?: IncludeObjectFn;
  /** On by default; false turns type comparison off. */
  compareType?: boolean | CompareTypeFn;
  /** On by default (unlike Alembic: defaults arrive canonical, so comparing them is safe); false turns it off. */
  compareServerDefault?: boolean | CompareServerDefaultFn;
  /**
   * Whether the reflected schema covers every schema of the database (Alembic's include_schemas).
   * Compare itself treats both cases alike (it diffs what it is given and creates the named
   * schemas the target needs); the option is kept so hooks and plugins can read it.
   */
  includeSchemas?: boolean;
  /**
   * The extensions a canonical column needs installed (the dialect's `requiredExtensions`:
   * PostgreSQL's uuid-ossp for `uuid_generate_v4()`); without it no extension op is produced.
   */
  requiredExtensions?: (column: Column) => readonly string[];
  /** The connection's default schema (`public`): a table in it compares equal to one with no schema. */
  defaultSchema?: string | null;
  /** The version table, never part of a diff (default `autogen_version`), nor the revisions table named after it. */
  versionTable?: string;
  versionTableSchema?: string | null;
  /** Further table names never diffed (TypeORM's `migrations` and `typeorm_metadata` always are). */
  excludeTables?: readonly string[];
  /** Extra comparators (plugins) for this run, on top of the built-in ones. */
  comparators?: (registry: ComparatorRegistry) => void;
}
