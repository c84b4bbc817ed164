/** Every operation is immutable data with a `kind` discriminant (the op's type name). */
export interface OpNode {
  readonly kind: string;
}
