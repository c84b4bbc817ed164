import { isCode, lit, litKey } from "./lit";

const INDENT = "  ";

/** Indents every non-empty line by `levels` steps of two spaces. */
export const indent = (lines: readonly string[], levels = 1): string[] =>
  lines.map((l) => (l === "" ? l : INDENT.repeat(levels) + l));

/**
 * Renders a value over several lines, breaking arrays and objects into one entry per line for
 * the outer `depth` levels and printing deeper values with {@link lit} on one line. This is how
 * prettier lays out a createTable call, so the file reads well even without the prettier hook.
 */
export function litLines(value: unknown, depth: number): string[] {
  const isArray = Array.isArray(value);
  const isObject =
    !isArray && typeof value === "object" && value !== null && value.constructor === Object && !isCode(value);
  if (depth <= 0 || (!isArray && !isObject)) return [lit(value)];
  const entries: [string | null, unknown][] = isArray
    ? (value as unknown[]).map((v) => [null, v])
    : Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return [isArray ? "[]" : "{}"];
  const body = entries.flatMap(([key, v]) => {
    const lines = litLines(v, depth - 1);
    if (key !== null) lines[0] = `${litKey(key)}: ${lines[0]}`;
    lines[lines.length - 1] += ",";
    return lines;
  });
  return [isArray ? "[" : "{", ...indent(body), isArray ? "]" : "}"];
}

/** `await receiver.method(` + arguments one per line (each possibly multi-line) + `);`. */
export function multilineCall(callee: string, args: readonly string[][]): string[] {
  const body = args.flatMap((lines) => {
    const copy = [...lines];
    copy[copy.length - 1] += ",";
    return copy;
  });
  return [`await ${callee}(`, ...indent(body), ");"];
}
