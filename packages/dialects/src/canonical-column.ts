import { Column, type ColumnProps } from "@autogen/core";

/**
 * A column with its canonical values: the column itself when they are the ones it has (most
 * columns are canonical already, and schemas of thousands of columns go through here on both
 * sides), else a copy with them. `generatedExpression` is the canonical text of a generated
 * column's expression, null for other columns.
 */
export function withCanonicalValues(
  c: Column,
  values: Partial<Omit<ColumnProps, "generated">>,
  generatedExpression: string | null,
): Column {
  let unchanged = generatedExpression === (c.generated?.expression ?? null);
  for (const key in values) {
    const k = key as keyof typeof values;
    if (values[k] !== c[k]) unchanged = false;
  }
  if (unchanged) return c;
  return Column.cloneWith(c, {
    ...values,
    generated: c.generated ? { ...c.generated, expression: generatedExpression! } : null,
  });
}
