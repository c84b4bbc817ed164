export { sqliteDialect } from "./sqlite-dialect";
export { sqliteAdapter } from "./sqlite-adapter";
export { sqliteCanonical, sqliteAffinity } from "./sqlite-canonical";
export { SqliteDdlCompiler } from "./sqlite-ddl-compiler";
export { isInPlaceInBatch, sqliteRequiresRecreate } from "./sqlite-requires-recreate";
export { planSqliteBatch, sqliteTableTriggersQuery, type SqliteBatchPlan } from "./sqlite-batch";
export { sqliteRiskRules } from "./sqlite-risks";
