import { freeze } from "../freeze";

/** A table (or type, or view) name with its optional schema. `schema: null` means the connection's default schema. */
export interface QualifiedName {
  readonly schema: string | null;
  readonly name: string;
}

export const QualifiedName = freeze({
  create: (name: string, schema?: string | null): QualifiedName => freeze({ schema: schema ?? null, name }),
  /** `schema.name` or `name`, for messages and map keys. */
  key: (q: { schema: string | null; name: string }): string => (q.schema ? `${q.schema}.${q.name}` : q.name),
  equals: (a: QualifiedName, b: QualifiedName): boolean =>
    a.name === b.name && (a.schema ?? null) === (b.schema ?? null),
});
