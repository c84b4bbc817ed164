export { sqliteDialect } from "./sqlite-dialect";
export { sqliteAdapter } from "./sqlite-adapter";
export { sqliteCanonical, sqliteAffinity } from "./sqlite-canonical";
export { SqliteDdlCompiler, isInPlaceInBatch } from "./sqlite-ddl-compiler";
export { planSqliteBatch, sqliteTableTriggersQuery, type SqliteBatchPlan } from "./sqlite-batch";
