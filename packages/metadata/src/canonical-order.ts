/**
 * The order a Schema's lists are kept in, the same as reflection's (packages/reflection
 * sorted-schema.ts), so that compare and tests can use plain deep equality: code-unit order
 * (never locale order), tables/enums/views by (schema or "", name), constraints by name with
 * unnamed ones last, unnamed checks by expression.
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function byQualifiedName(
  a: { schema: string | null; name: string },
  b: { schema: string | null; name: string },
): number {
  return compareText(a.schema ?? "", b.schema ?? "") || compareText(a.name, b.name);
}

export function byName(a: { name: string | null }, b: { name: string | null }): number {
  if (a.name !== null && b.name !== null) return compareText(a.name, b.name);
  return a.name === b.name ? 0 : a.name === null ? 1 : -1;
}

export function byNameThenExpression(
  a: { name: string | null; expression: string },
  b: { name: string | null; expression: string },
): number {
  return byName(a, b) || compareText(a.expression, b.expression);
}
