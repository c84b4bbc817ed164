/**
 * The parts of TypeORM's metadata objects this package reads, typed structurally so the same
 * code reads TypeORM 0.3.x and 1.x (whose classes differ in private details, and which a
 * project may load from either package) without a compile-time dependency on either.
 */

/** A column type as written in an entity: a string or a JS constructor (`String`, `Number`, ...). */
export type TypeORMColumnType = string | ((...args: never[]) => unknown);

/** `ColumnMetadata` (src/metadata/ColumnMetadata.ts). */
export interface TypeORMColumnMetadata {
  readonly databaseName: string;
  readonly type: TypeORMColumnType;
  readonly isPrimary: boolean;
  readonly isNullable: boolean;
  readonly isGenerated: boolean;
  readonly generationStrategy?: "uuid" | "increment" | "rowid" | "identity";
  readonly generatedIdentity?: "ALWAYS" | "BY DEFAULT";
  readonly default?: unknown;
  readonly comment?: string;
  readonly charset?: string;
  readonly collation?: string;
  readonly onUpdate?: string;
  readonly enum?: readonly (string | number)[];
  readonly enumName?: string;
  readonly isArray: boolean;
  readonly asExpression?: string;
  readonly generatedType?: "VIRTUAL" | "STORED";
  readonly unsigned: boolean;
  readonly zerofill?: boolean;
  readonly isVirtualProperty?: boolean;
  readonly primaryKeyConstraintName?: string;
}

/** `IndexMetadata`. `type` (access method) exists in 1.x only. */
export interface TypeORMIndexMetadata {
  readonly name: string;
  readonly columns: readonly TypeORMColumnMetadata[];
  readonly isUnique: boolean;
  readonly isSpatial: boolean;
  readonly isFulltext: boolean;
  readonly where?: string;
  readonly synchronize: boolean;
  readonly type?: string;
}

/** `UniqueMetadata`. */
export interface TypeORMUniqueMetadata {
  readonly name: string;
  readonly columns: readonly TypeORMColumnMetadata[];
  readonly deferrable?: "INITIALLY IMMEDIATE" | "INITIALLY DEFERRED";
}

/** `ForeignKeyMetadata`. */
export interface TypeORMForeignKeyMetadata {
  readonly name: string;
  readonly columnNames: readonly string[];
  readonly referencedEntityMetadata: TypeORMEntityMetadata;
  readonly referencedColumnNames: readonly string[];
  readonly onDelete?: string;
  readonly onUpdate?: string;
  readonly deferrable?: "INITIALLY IMMEDIATE" | "INITIALLY DEFERRED";
}

/** `CheckMetadata`. */
export interface TypeORMCheckMetadata {
  readonly name: string;
  readonly expression: string;
}

/** `EntityMetadata` (src/metadata/EntityMetadata.ts). */
export interface TypeORMEntityMetadata {
  readonly name: string;
  readonly tableName: string;
  readonly tableType: string;
  readonly schema?: string;
  readonly database?: string;
  readonly comment?: string;
  readonly engine?: string;
  readonly withoutRowid?: boolean;
  readonly synchronize: boolean;
  readonly expression?: string | ((...args: never[]) => unknown);
  readonly columns: readonly TypeORMColumnMetadata[];
  readonly primaryColumns: readonly TypeORMColumnMetadata[];
  readonly indices: readonly TypeORMIndexMetadata[];
  readonly uniques: readonly TypeORMUniqueMetadata[];
  readonly foreignKeys: readonly TypeORMForeignKeyMetadata[];
  readonly checks: readonly TypeORMCheckMetadata[];
  /** `@Exclusion`s, named by the naming strategy (`XCL_<hash>`) when the decorator gives no name. */
  readonly exclusions: readonly TypeORMCheckMetadata[];
}

/** `TableColumn` as `Table.create` builds it: type normalised, default rendered by the driver. */
export interface TypeORMTableColumn {
  readonly name: string;
  readonly type: string;
  readonly length: string;
  readonly precision?: number | null;
  readonly scale?: number;
  readonly default?: string;
  readonly isUnique: boolean;
  readonly enum?: readonly string[];
}

/** `Table` (src/schema-builder/table/Table.ts), the desired state TypeORM's own synchronize uses. */
export interface TypeORMTable {
  readonly name: string;
  readonly columns: readonly TypeORMTableColumn[];
}

/** The driver methods used: type and default normalisation as TypeORM renders DDL. */
export interface TypeORMDriver {
  readonly options: {
    readonly type: string;
    readonly schema?: string;
    readonly database?: string;
    readonly uuidExtension?: string;
  };
  readonly database?: string;
  normalizeType(column: TypeORMColumnMetadata): string;
  normalizeDefault(column: TypeORMColumnMetadata): string | undefined;
  createFullType(column: TypeORMTableColumn): string;
}

/** The naming strategy methods used for names TypeORM computes only while writing DDL. */
export interface TypeORMNamingStrategy {
  primaryKeyName(tableOrName: TypeORMTable | string, columnNames: string[]): string;
}

/** A TypeORM `DataSource` (or 0.3 `Connection`), not necessarily initialised. */
export interface DataSourceLike {
  readonly options: Readonly<Record<string, unknown>>;
  readonly isInitialized?: boolean;
  readonly entityMetadatas?: readonly unknown[];
}
