/**
 * The values of an inline enum type as MariaDB/MySQL spell it (`enum('a','b')`, quotes doubled
 * inside a value), or null for any other type.
 */
export function enumValuesOf(type: string): string[] | null {
  const m = /^\s*enum\s*\((.*)\)\s*$/is.exec(type);
  if (!m) return null;
  const values: string[] = [];
  const re = /'((?:[^']|'')*)'/g;
  for (let v = re.exec(m[1]!); v !== null; v = re.exec(m[1]!)) values.push(v[1]!.replace(/''/g, "'"));
  return values;
}
