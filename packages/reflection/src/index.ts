export * from "./reflect-options";
export * from "./introspector";
export * from "./introspector-registry";
export { SqliteIntrospector } from "./sqlite/sqlite-introspector";
export { PostgresIntrospector } from "./postgres/postgres-introspector";
export { MysqlIntrospector } from "./mysql/mysql-introspector";
