import { freeze } from "../freeze";
import type { OpNode } from "./op-node";

/**
 * The stable risk codes (README "Risk codes"). A code names the consequence for a reviewer, not
 * the op: new codes may be added, existing ones keep their meaning and spelling.
 */
export const RISK_CODES = freeze([
  "data-loss",
  "table-rewrite",
  "long-lock",
  "may-fail-on-existing-rows",
  "silent-data-change",
  "irreversible-downgrade",
  "breaking-rename",
] as const);

/** One of {@link RISK_CODES}. */
export type RiskCode = (typeof RISK_CODES)[number];

/** What an op may do to a live database beyond its schema change, as the dialect judges it. */
export interface Risk {
  readonly code: RiskCode;
  /** One line naming the object: `drops column users.pw`. */
  readonly message: string;
}

/** An op with the risks its dialect found (`ops[i].risks`, as check returns them). */
export type WithRisks<T extends OpNode = OpNode> = T & { readonly risks: readonly Risk[] };

export const Risk = freeze({
  create: (code: RiskCode, message: string): Risk => freeze({ code, message }),
  isCode: (s: string): s is RiskCode => (RISK_CODES as readonly string[]).includes(s),
});

/** The risks attached to an op (none when it was never classified). */
export function risksOf(op: OpNode): readonly Risk[] {
  return (op as Partial<WithRisks>).risks ?? [];
}

/** A copy of `op` carrying `risks` (replacing any it had); the op's other fields are kept as they are. */
export function withRisks<T extends OpNode>(op: T, risks: readonly Risk[]): WithRisks<T> {
  return freeze({ ...op, risks: freeze([...risks]) });
}

/** Every risk of `ops` and of the ops inside their containers, in op order. */
export function collectRisks(ops: readonly OpNode[]): Risk[] {
  return ops.flatMap((op) => {
    const children = (op as { ops?: readonly OpNode[] }).ops;
    return [...risksOf(op), ...(children ? collectRisks(children) : [])];
  });
}
