import { createSqlSyntax } from "../sql-syntax";

/**
 * MySQL/MariaDB identifiers and literals. A backslash starts an escape sequence inside strings
 * unless NO_BACKSLASH_ESCAPES is set, so it is doubled along with the quote
 * (https://dev.mysql.com/doc/refman/8.0/en/string-literals.html); booleans are 1/0.
 */
export const mysqlSyntax = createSqlSyntax("mysql", "`", {
  escapeString: (s) => s.replaceAll("\\", "\\\\").replaceAll("'", "''").replaceAll("\0", "\\0"),
  trueLiteral: "1",
  falseLiteral: "0",
  bytes: (hex) => `X'${hex}'`,
});
