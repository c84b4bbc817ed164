/** TypeORM's `deferrable: "INITIALLY DEFERRED" | "INITIALLY IMMEDIATE"` as core's two fields. */
export function deferrability(d: string | undefined): {
  deferrable: boolean;
  initially: "IMMEDIATE" | "DEFERRED" | null;
} {
  if (!d) return { deferrable: false, initially: null };
  return { deferrable: true, initially: /DEFERRED/i.test(d) ? "DEFERRED" : "IMMEDIATE" };
}
