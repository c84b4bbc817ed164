import { createHash } from "node:crypto";

/** The TypeORM line a test file runs against. */
export type TypeORMLine = "1" | "0.3";

/**
 * TypeORM's DefaultNamingStrategy names, recomputed independently, so tests
 * check the metadata package against the documented algorithm rather than against itself.
 * 0.3 hashes `encodeURIComponent(key)`, 1.x the key itself: names differ only for keys with
 * characters outside `[A-Za-z0-9_.!~*'()-]` (spaces, quotes: index predicates, check expressions).
 */
export function typeormNames(line: TypeORMLine) {
  const hash = (key: string) =>
    createHash("sha1")
      .update(line === "0.3" ? encodeURIComponent(key) : key, "utf8")
      .digest("hex");
  const key = (table: string, columns: readonly string[]) =>
    `${table.replace(".", "_")}_${[...columns].sort().join("_")}`;
  return {
    pk: (table: string, columns: readonly string[]) => "PK_" + hash(key(table, columns)).slice(0, 27),
    uq: (table: string, columns: readonly string[]) => "UQ_" + hash(key(table, columns)).slice(0, 27),
    fk: (table: string, columns: readonly string[]) => "FK_" + hash(key(table, columns)).slice(0, 27),
    idx: (table: string, columns: readonly string[], where?: string) =>
      "IDX_" + hash(key(table, columns) + (where ? `_${where}` : "")).slice(0, 26),
    rel: (table: string, columns: readonly string[]) => "REL_" + hash(key(table, columns)).slice(0, 26),
    chk: (table: string, expression: string) => "CHK_" + hash(`${table.replace(".", "_")}_${expression}`).slice(0, 26),
  };
}
