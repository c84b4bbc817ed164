export { postgresDialect } from "./postgres-dialect";
export { postgresAdapter, postgresLockKey } from "./postgres-adapter";
export { postgresCanonical } from "./postgres-canonical";
export { PostgresDdlCompiler } from "./postgres-ddl-compiler";
export { postgresRequiredExtensions } from "./postgres-extensions";
export { postgresUsingCast } from "./postgres-casts";
export { postgresServerDatabases } from "./postgres-server-databases";
export { postgresRiskRules } from "./postgres-risks";
export { withoutUniquesRepeatingPrimaryKey } from "./postgres-redundant-uniques";
