import { freeze } from "../freeze";

/** A named enum type (PostgreSQL CREATE TYPE ... AS ENUM); values in declaration order. */
export interface Enum {
  readonly kind: "Enum";
  readonly schema: string | null;
  readonly name: string;
  readonly values: readonly string[];
}

export const Enum = freeze({
  create: (name: string, values: readonly string[], schema: string | null = null): Enum =>
    freeze({ kind: "Enum", schema, name, values: [...values] }),
});
