import { freeze } from "../freeze";

/** A view, compared by its (canonicalised) definition. */
export interface View {
  readonly kind: "View";
  readonly schema: string | null;
  readonly name: string;
  readonly definition: string;
  readonly materialized: boolean;
}

export const View = freeze({
  create: (name: string, definition: string, o: { schema?: string | null; materialized?: boolean } = {}): View =>
    freeze({ kind: "View", schema: o.schema ?? null, name, definition, materialized: o.materialized ?? false }),
});
