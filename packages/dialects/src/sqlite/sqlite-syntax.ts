import { createSqlSyntax, escapeStandardString } from "../sql-syntax";

/**
 * SQLite identifiers and literals (https://www.sqlite.org/lang_expr.html#literal_values_constants_):
 * standard strings, blobs as X'hex', booleans as 1/0 (TRUE/FALSE are only aliases since 3.23).
 */
export const sqliteSyntax = createSqlSyntax("sqlite", '"', {
  escapeString: escapeStandardString,
  trueLiteral: "1",
  falseLiteral: "0",
  bytes: (hex) => `X'${hex}'`,
});
