import { createSqlSyntax, escapeStandardString } from "../sql-syntax";

/**
 * PostgreSQL identifiers and literals. Strings are standard (standard_conforming_strings is on
 * by default since 9.1: https://www.postgresql.org/docs/current/sql-syntax-lexical.html#SQL-SYNTAX-STRINGS),
 * bytea is written in hex format.
 */
export const postgresSyntax = createSqlSyntax("postgres", '"', {
  escapeString: escapeStandardString,
  trueLiteral: "true",
  falseLiteral: "false",
  bytes: (hex) => `'\\x${hex}'::bytea`,
});
