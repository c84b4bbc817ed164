import { freeze, type Column } from "@autogen/core";
import { enumValuesOf } from "../risks/enum-values";
import type { ConstraintKind, RiskRules } from "../risks/risk-rules";
import { parseType } from "../type-widths";

/** The longest varchar whose length fits one prefix byte at 4 bytes a character (utf8mb4). */
const ONE_BYTE_PREFIX_CHARS = 63;

/**
 * Type changes InnoDB makes in place (https://dev.mysql.com/doc/refman/8.0/en/innodb-online-ddl-operations.html,
 * MariaDB's the same): a longer varchar whose length prefix keeps its size, enum/set values
 * added at the end. Every other type change copies the table.
 */
function inPlaceTypeChange(fromType: string, toType: string): boolean {
  if (fromType === toType) return true;
  const from = parseType(fromType);
  const to = parseType(toType);
  if (from.base === "varchar" && to.base === "varchar") {
    const [fl = 0] = from.args;
    const [tl = 0] = to.args;
    return tl >= fl && fl > ONE_BYTE_PREFIX_CHARS === tl > ONE_BYTE_PREFIX_CHARS;
  }
  const before = enumValuesOf(fromType);
  const after = enumValuesOf(toType);
  return before !== null && after !== null && before.every((v, i) => after[i] === v);
}

/**
 * BINARY(m) right-pads every value shorter than m bytes with zero bytes, and keeps them when
 * read (0x6162 in a binary(4) becomes 0x61620000 in a binary(8)): a wider binary, or any other
 * type converted to one, changes the values (checked on MariaDB 10.11 in test/risks.test.ts).
 */
function binaryPadding(from: string, to: string): string | null {
  const target = parseType(to);
  if (target.base !== "binary") return null;
  const width = target.args[0] ?? 1;
  const source = parseType(from);
  if (source.base === "binary" && (source.args[0] ?? 1) >= width) return null;
  return `values shorter than ${width} bytes are padded with zero bytes to ${width} bytes, and read back so`;
}

const copies = (table: string): string =>
  `copies table ${table} (ALGORITHM=COPY): writes wait until every row is copied`;

/** How MariaDB/MySQL (InnoDB) treats a live table for each change (risk classification). */
export const mysqlRiskRules: RiskRules = freeze({
  product: "MariaDB/MySQL",
  typeChangeAltersValues: binaryPadding,
  typeChangeRewrite: (from: string, to: string, table: string) => (inPlaceTypeChange(from, to) ? null : copies(table)),
  narrowing: ["data-loss", "may-fail-on-existing-rows"] as const,
  notNullWithoutDefault: "fills-implicit-default" as const,
  setNotNull: { code: "table-rewrite" as const, how: "rebuilds table {table} (every row is rewritten)" },
  // InnoDB builds secondary indexes online: writes go on.
  createIndexLock: null,
  // ADD UNIQUE builds its index online; a foreign key (foreign_key_checks on) or a check is added
  // by ALGORITHM=COPY; a primary key rebuilds the table.
  constraintValidation: (kind: ConstraintKind) =>
    kind === "unique"
      ? null
      : kind === "primary"
        ? { code: "table-rewrite" as const, how: "rebuilds table {table} around the new key" }
        : { code: "table-rewrite" as const, how: copies("{table}") },
  // A foreign key is renamed by dropping and adding it again, which copies the table.
  renameConstraintRewrite: (kind: "unique" | "foreign", table: string) =>
    kind === "foreign" ? `drops and adds the foreign key again: ${copies(table)}` : null,
  addColumnRewrite: (c: Column, table: string) =>
    c.autoIncrement || c.generated?.stored ? `a value is computed for every row: ${copies(table)}` : null,
});
