import type { Column, Schema, Table } from "@autogen/core";
import type { CompareContext } from "./compare-context";
import type { CompareDialect } from "./compare-options";
import type { AlterColumnDraft } from "./drafts/alter-column-draft";
import type { ModifyTableDraft } from "./drafts/modify-table-draft";
import type { UpgradeDraft } from "./drafts/upgrade-draft";

/** When a comparator runs within its subgroup: higher first (Alembic's DispatchPriority). */
export const Priority = { First: 50, Medium: 25, Last: 10 } as const;

/** `"stop"` ends the comparator's subgroup for this object; `"continue"` (or nothing) goes on. */
export type CompareResult = "continue" | "stop";
export const CONTINUE: CompareResult = "continue";
export const STOP: CompareResult = "stop";

/** One signature per target, so that registrations are type-checked. */
export interface ComparatorTargets {
  schema: (ctx: CompareContext, up: UpgradeDraft, target: Schema, reflected: Schema) => CompareResult | void;
  table: (ctx: CompareContext, draft: ModifyTableDraft, target: Table, reflected: Table) => CompareResult | void;
  column: (ctx: CompareContext, draft: AlterColumnDraft, target: Column, reflected: Column) => CompareResult | void;
}
export type ComparatorTarget = keyof ComparatorTargets;

interface Registration<T extends ComparatorTarget> {
  readonly subgroup: string;
  readonly fn: ComparatorTargets[T];
  readonly dialect: CompareDialect | null;
  readonly priority: number;
  readonly seq: number;
}

type Registrations = { [T in ComparatorTarget]: Registration<T>[] };

/**
 * Alembic's PriorityDispatcher for autogenerate comparators. Targets nest (schema → table →
 * column); each registration names a subgroup (the aspect: "types", "nullable", ...). For an
 * object, subgroups run in the order they were first registered; within a subgroup,
 * comparators run by priority, a dialect's own before the default one at the same priority,
 * and a comparator that returns STOP ends its subgroup.
 */
export class ComparatorRegistry {
  readonly #regs: Registrations = { schema: [], table: [], column: [] };
  #seq = 0;

  register<T extends ComparatorTarget>(
    target: T,
    subgroup: string,
    fn: ComparatorTargets[T],
    o: { dialect?: CompareDialect; priority?: number } = {},
  ): void {
    (this.#regs[target] as Registration<T>[]).push({
      subgroup,
      fn,
      dialect: o.dialect ?? null,
      priority: o.priority ?? Priority.Medium,
      seq: this.#seq++,
    });
  }

  /** The subgroups of a target, in run order. */
  subgroups(target: ComparatorTarget): string[] {
    return [...new Set(this.#regs[target].map((r) => r.subgroup))];
  }

  /** One function running every subgroup of `target` that applies to `dialect`. */
  dispatch<T extends ComparatorTarget>(target: T, dialect: CompareDialect): ComparatorTargets[T] {
    const regs = (this.#regs[target] as Registration<T>[]).filter((r) => r.dialect === null || r.dialect === dialect);
    const groups = this.subgroups(target).map((sg) =>
      regs
        .filter((r) => r.subgroup === sg)
        .sort(
          (a, b) => b.priority - a.priority || Number(b.dialect !== null) - Number(a.dialect !== null) || a.seq - b.seq,
        )
        .map((r) => r.fn as (a: unknown, b: unknown, c: unknown, d: unknown) => CompareResult | void),
    );
    // Every target's comparators take four arguments; passing them as such (not as a rest
    // array spread again), in indexed loops (no iterator objects while the code is still cold),
    // matters at a call per column and per table.
    const run = (a: unknown, b: unknown, c: unknown, d: unknown): CompareResult => {
      for (let g = 0; g < groups.length; g++) {
        const fns = groups[g]!;
        for (let i = 0; i < fns.length; i++) if (fns[i]!(a, b, c, d) === STOP) break;
      }
      return CONTINUE;
    };
    return run as unknown as ComparatorTargets[T];
  }

  /** A per-run copy: a run's hooks and plugins are registered on it, never on the shared one. */
  branch(): ComparatorRegistry {
    const copy = new ComparatorRegistry();
    for (const t of Object.keys(this.#regs) as ComparatorTarget[]) (copy.#regs[t] as unknown[]).push(...this.#regs[t]);
    copy.#seq = this.#seq;
    return copy;
  }
}
