import { withCanonicalValues } from "../canonical-column";
import {
  canonicalExpressionText,
  canonicalJsonLiteral,
  canonicalNumber,
  canonicalTypeText,
  isNumberText,
  isStringLiteral,
  type JsonPrint,
  unquoteString,
} from "../canonical-text";
import type { Canonicalizer } from "../dialect";
import { memoized, memoizedDefault } from "../memoized";
import { convertsTextWith, narrowsWith, temporalLossWith } from "../type-widths";
import { sqliteTypeWidths } from "./sqlite-type-widths";

/**
 * The type affinity SQLite derives from a declared type (https://www.sqlite.org/datatype3.html#determination_of_column_affinity):
 * the rules are tried in this order, and the first substring that matches wins.
 */
export function sqliteAffinity(declared: string): "integer" | "text" | "blob" | "real" | "numeric" {
  const t = declared.toLowerCase();
  if (t.includes("int")) return "integer";
  if (t.includes("char") || t.includes("clob") || t.includes("text")) return "text";
  if (t.includes("blob") || t === "") return "blob";
  if (t.includes("real") || t.includes("floa") || t.includes("doub")) return "real";
  return "numeric";
}

const KEYWORDS: Readonly<Record<string, string>> = {
  current_timestamp: "CURRENT_TIMESTAMP",
  current_date: "CURRENT_DATE",
  current_time: "CURRENT_TIME",
  // TRUE and FALSE are only aliases of 1 and 0 (https://www.sqlite.org/lang_expr.html#booleanexpr).
  true: "1",
  false: "0",
};

/**
 * SQLite keeps a JSON default as the text written, so TypeORM's `JSON.stringify` and a
 * hand-written `{"a": 1}` differ only in spacing and key order: both print one way.
 */
const JSON_PRINT: JsonPrint = { compareKeys: (a, b) => (a < b ? -1 : a > b ? 1 : 0), comma: ",", colon: ":" };

function canonicalDefault(raw: string | null | undefined, type: string): string | null {
  if (raw === null || raw === undefined) return null;
  const text = canonicalExpressionText(raw);
  if (text === "null") return null;
  if (KEYWORDS[text]) return KEYWORDS[text];
  if ((type === "json" || type === "jsonb") && isStringLiteral(text)) return canonicalJsonLiteral(text, JSON_PRINT);
  // A quoted number stored in a column with numeric affinity is converted to that number.
  if (isStringLiteral(text) && sqliteAffinity(type) !== "text" && sqliteAffinity(type) !== "blob") {
    const n = unquoteString(text).trim();
    if (isNumberText(n)) return canonicalNumber(n);
  }
  return isNumberText(text) ? canonicalNumber(text) : text;
}

/**
 * Type names SQLite treats identically (same affinity, no other meaning): NUMERIC(p,s) and
 * DECIMAL(p,s) are one type to SQLite, so a model switching between them is no change.
 * INT vs INTEGER is NOT among them: only `INTEGER PRIMARY KEY` aliases the rowid.
 */
const TYPE_SYNONYMS: Readonly<Record<string, string>> = { numeric: "decimal" };

function canonicalType(raw: string): string {
  const text = canonicalTypeText(raw);
  const m = /^([a-z]+)(\(.*)?$/.exec(text);
  return m && TYPE_SYNONYMS[m[1]!] ? TYPE_SYNONYMS[m[1]!] + (m[2] ?? "") : text;
}

const cachedType = memoized(canonicalType);
const cachedDefault = memoizedDefault(canonicalDefault);
const cachedExpression = memoized(canonicalExpressionText);

/**
 * SQLite canonical forms: the declared type kept as written (but for synonyms), lowercased and spaced one way
 * (SQLite stores any type name; its affinity follows from the text), defaults without their
 * outer parentheses. SQLite has no comments, charsets or ON UPDATE, so a column drops them.
 */
export const sqliteCanonical: Canonicalizer = {
  type: cachedType,
  default: cachedDefault,
  expression: cachedExpression,
  narrows: narrowsWith(sqliteTypeWidths),
  convertsText: convertsTextWith(sqliteTypeWidths),
  temporalLoss: temporalLossWith(sqliteTypeWidths),
  column: (c) => {
    // AUTOINCREMENT is only allowed on an INTEGER PRIMARY KEY (the rowid alias): a bigint or int
    // increment key is that column, whatever type the model names.
    const declared = cachedType(c.type);
    const type = c.autoIncrement && sqliteAffinity(declared) === "integer" ? "integer" : declared;
    return withCanonicalValues(
      c,
      {
        type,
        default: cachedDefault(c.default, type),
        comment: null,
        charset: null,
        onUpdate: null,
        // Collation names are case-insensitive (BINARY, NOCASE, RTRIM).
        collation: c.collation?.toUpperCase() ?? null,
      },
      c.generated ? cachedExpression(c.generated.expression) : null,
    );
  },
};
