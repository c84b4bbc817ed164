export type DialectName = "postgres" | "mysql" | "sqlite";
export const DIALECT_NAMES: readonly DialectName[] = ["postgres", "mysql", "sqlite"];
