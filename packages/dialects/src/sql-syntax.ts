import { CommandError } from "@autogen/core";
import type { DialectName } from "./dialect-name";

/**
 * The lexical rules of one dialect: how identifiers are quoted and how JS values are written
 * as literals. The Dialect object and its DDL compiler share one instance, so `dialect.quote()`
 * and compiled DDL can never disagree.
 */
export interface SqlSyntax {
  readonly dialect: DialectName;
  /** Always quotes, doubling the quote character inside the name. */
  quote(identifier: string): string;
  /** A JS value (string, number, bigint, boolean, null, Date, Buffer, plain object/array as JSON) as a SQL literal. */
  literal(value: unknown): string;
}

/** What varies between the dialects' literal spellings. */
export interface LiteralRules {
  /** Escapes the inside of a single-quoted string. */
  escapeString(s: string): string;
  readonly trueLiteral: string;
  readonly falseLiteral: string;
  /** Binary data, from its hex digits. */
  bytes(hex: string): string;
}

/** Builds a SqlSyntax from the identifier quote character and the literal rules. */
export function createSqlSyntax(dialect: DialectName, quoteChar: string, rules: LiteralRules): SqlSyntax {
  const quote = (identifier: string) => quoteChar + identifier.replaceAll(quoteChar, quoteChar + quoteChar) + quoteChar;
  const str = (s: string) => `'${rules.escapeString(s)}'`;
  const literal = (value: unknown): string => {
    if (value === null || value === undefined) return "NULL";
    if (typeof value === "boolean") return value ? rules.trueLiteral : rules.falseLiteral;
    if (typeof value === "bigint") return value.toString();
    if (typeof value === "number") {
      if (!Number.isFinite(value)) throw new CommandError(`Cannot write ${value} as a ${dialect} literal`);
      return String(value);
    }
    if (typeof value === "string") return str(value);
    // Dates are written in UTC, without a zone suffix, which every dialect's date parser accepts.
    if (value instanceof Date) return str(value.toISOString().replace("T", " ").replace("Z", ""));
    if (value instanceof Uint8Array) return rules.bytes(Buffer.from(value).toString("hex"));
    if (typeof value === "object") return str(JSON.stringify(value));
    throw new CommandError(`Cannot write a ${typeof value} as a ${dialect} literal`);
  };
  return { dialect, quote, literal };
}

/** Standard SQL strings: a quote is doubled and nothing else is special (PostgreSQL with standard_conforming_strings, SQLite). */
export const escapeStandardString = (s: string): string => s.replaceAll("'", "''");
