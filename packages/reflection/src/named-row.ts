/**
 * A catalog row sent as a list of values (a JSON array: half the bytes of an object, and one
 * parse for many rows) as the object the introspectors read: `values` from `offset` on, keyed
 * by `names` in order.
 */
export function namedRow<R>(names: readonly string[], values: readonly unknown[], offset = 0): R {
  const row: Record<string, unknown> = {};
  for (let i = 0; i < names.length; i++) row[names[i]!] = values[i + offset];
  return row as R;
}
