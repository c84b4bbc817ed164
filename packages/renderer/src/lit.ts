/**
 * Every literal in a rendered revision file goes through {@link lit}, so that quoting and key
 * order are decided in one place and two renders of the same op tree are byte-identical.
 */

/** A piece of code to print verbatim where a literal would go (e.g. a renderItem hook's output). */
export interface Code {
  readonly kind: "Code";
  readonly code: string;
}

/** Wraps code so that {@link lit} prints it as-is. */
export const code = (text: string): Code => Object.freeze({ kind: "Code", code: text });

/** Whether a value is {@link code} output (printed verbatim, never taken apart). */
export const isCode = (v: unknown): v is Code =>
  typeof v === "object" &&
  v !== null &&
  (v as { kind?: unknown }).kind === "Code" &&
  typeof (v as { code?: unknown }).code === "string";

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** An object key: bare when it is an identifier, JSON-quoted otherwise. */
export const litKey = (key: string): string => (IDENTIFIER.test(key) ? key : JSON.stringify(key));

/**
 * Renders a value as a TypeScript literal on one line: JSON-style double-quoted strings,
 * objects in their own (insertion) key order with `undefined` entries left out, `{ a: 1 }`
 * spacing as prettier prints it. Insertion order is stable because every object rendered is
 * built by code in a fixed order (core's from* converters), never from hash iteration.
 */
export function lit(value: unknown): string {
  if (isCode(value)) return value.code;
  if (value === null) return "null";
  if (value === undefined) return "undefined";
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new TypeError(`Cannot render the number ${value} as a literal`);
    return Object.is(value, -0) ? "0" : String(value);
  }
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "bigint") return `${value}n`;
  if (value instanceof Date) return `new Date(${JSON.stringify(value.toISOString())})`;
  if (Array.isArray(value)) return `[${value.map(lit).join(", ")}]`;
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return "{}";
    return `{ ${entries.map(([k, v]) => `${litKey(k)}: ${lit(v)}`).join(", ")} }`;
  }
  throw new TypeError(`Cannot render a ${typeof value} as a literal`);
}
