import {
  BatchAlterTableOp,
  DowngradeOps,
  MigrationScript,
  ModifyTableOps,
  reverseUpgradeOps,
  UpgradeOps,
  type OpNode,
} from "@autogen/core";

/** The `revision` argument of processRevisionDirectives: the revision(s) autogenerate starts from. */
export type RevisionArg = string | readonly string[] | null;

/**
 * A rewrite of one op: return it unchanged, a replacement, a list (one op split into several),
 * or `null`/`[]` to drop it. `script` is the revision being rewritten (e.g. to see which tables
 * it drops). Ops are frozen: build new ones with the factories' `create`/`cloneWith`.
 */
export type RewriteFn<T extends OpNode = OpNode> = (
  context: unknown,
  revision: RevisionArg,
  op: T,
  script: MigrationScript,
) => OpNode | readonly OpNode[] | null;

/** Which op tree a rewrite applies to. */
export type RewriteTarget = "upgrade" | "downgrade" | "both";

/** Alembic's `process_revision_directives(context, revision, directives)` in camelCase. */
export type ProcessRevisionDirectivesFn = (
  context: unknown,
  revision: RevisionArg,
  directives: MigrationScript[],
) => void | Promise<void>;

interface Registration {
  readonly kind: string;
  readonly fn: RewriteFn;
  readonly target: RewriteTarget;
}

const CONTAINER_KINDS = new Set(["ModifyTableOps", "BatchAlterTableOp"]);

/**
 * Alembic's Rewriter: rewrites chosen op kinds of a MigrationScript, walking into
 * ModifyTableOps and BatchAlterTableOp. By default a rewrite applies to the upgrade tree and
 * the downgrade tree is regenerated from the rewritten upgrade (core's reverseUpgradeOps), so
 * the two stay each other's reverse; rewrites registered with `target: "downgrade"` or
 * `"both"` edit the downgrade tree themselves instead. A rewriter does not re-process ops it
 * produced itself; a chained rewriter sees them.
 *
 * ```ts
 * const writer = new Rewriter().rewrites("AddColumnOp", (ctx, rev, op) => [...]);
 * export default defineConfig({ processRevisionDirectives: writer.processRevisionDirectives });
 * ```
 */
export class Rewriter {
  readonly #registrations: Registration[] = [];
  readonly #chained: Rewriter[] = [];

  /** Registers a rewrite for an op kind (`"AddColumnOp"`, or a custom op's kind). Returns this rewriter. */
  rewrites<T extends OpNode = OpNode>(kind: string, fn: RewriteFn<T>, o: { target?: RewriteTarget } = {}): this {
    this.#registrations.push({ kind, fn: fn as RewriteFn, target: o.target ?? "upgrade" });
    return this;
  }

  /** A rewriter that runs this one, then `other` on the result (Alembic's `chain`). */
  chain(other: Rewriter): Rewriter {
    const combined = new Rewriter();
    combined.#chained.push(this, other);
    return combined;
  }

  /** Rewrites one script; returns the new (frozen) script, or the same object when nothing changed. */
  rewriteScript(context: unknown, revision: RevisionArg, script: MigrationScript): MigrationScript {
    let out = this.#rewriteOwn(context, revision, script);
    for (const r of this.#chained) out = r.rewriteScript(context, revision, out);
    return out;
  }

  /**
   * Usable directly as the `processRevisionDirectives` hook: replaces each directive in the
   * (mutable) array with its rewritten script. Bound, so it can be passed around unattached.
   */
  readonly processRevisionDirectives = (
    context: unknown,
    revision: RevisionArg,
    directives: MigrationScript[],
  ): void => {
    for (let i = 0; i < directives.length; i++)
      directives[i] = this.rewriteScript(context, revision, directives[i] as MigrationScript);
  };

  #rewriteOwn(context: unknown, revision: RevisionArg, script: MigrationScript): MigrationScript {
    if (this.#registrations.length === 0) return script;
    const forTree = (tree: "upgrade" | "downgrade"): Registration[] =>
      this.#registrations.filter((r) => r.target === tree || r.target === "both");
    const rewrite = (ops: readonly OpNode[], regs: Registration[]): readonly OpNode[] => {
      const out = this.#rewriteList(context, revision, script, ops, regs);
      return out.length === ops.length && out.every((op, i) => op === ops[i]) ? ops : out;
    };
    const upRegs = forTree("upgrade");
    const downRegs = forTree("downgrade");
    const upOps = rewrite(script.upgradeOps.ops, upRegs);
    const upgradeOps = upOps === script.upgradeOps.ops ? script.upgradeOps : UpgradeOps.create(upOps);
    let downgradeOps = script.downgradeOps;
    if (downRegs.length > 0) {
      const downOps = rewrite(script.downgradeOps.ops, downRegs);
      if (downOps !== script.downgradeOps.ops) downgradeOps = DowngradeOps.create(downOps);
    } else if (upgradeOps !== script.upgradeOps) {
      downgradeOps = reverseUpgradeOps(upgradeOps);
    }
    if (upgradeOps === script.upgradeOps && downgradeOps === script.downgradeOps) return script;
    return MigrationScript.cloneWith(script, { upgradeOps, downgradeOps });
  }

  #rewriteList(
    context: unknown,
    revision: RevisionArg,
    script: MigrationScript,
    ops: readonly OpNode[],
    regs: Registration[],
  ): OpNode[] {
    return ops.flatMap((op) => this.#rewriteOp(context, revision, script, op, regs));
  }

  /**
   * Applies the matching rewrites in registration order. An op a rewrite produced (anything but
   * the op it was given) is not offered to this rewriter's later rewrites, as in Alembic, so a
   * split into AddColumnOp + AlterColumnOp cannot loop back into the AddColumnOp rewrite.
   */
  #rewriteOp(
    context: unknown,
    revision: RevisionArg,
    script: MigrationScript,
    op: OpNode,
    regs: Registration[],
  ): OpNode[] {
    let items: { op: OpNode; fresh: boolean }[] = [{ op, fresh: true }];
    for (const reg of regs) {
      items = items.flatMap((item) => {
        if (!item.fresh || item.op.kind !== reg.kind) return [item];
        const result = reg.fn(context, revision, item.op, script);
        const list: readonly OpNode[] =
          result === null ? [] : Array.isArray(result) ? (result as readonly OpNode[]) : [result as OpNode];
        return list.map((r) => ({ op: r, fresh: r === item.op }));
      });
    }
    const current = items.map((i) => i.op);
    return current.flatMap((o) => {
      if (!CONTAINER_KINDS.has(o.kind)) return [o];
      const container = o as ModifyTableOps | BatchAlterTableOp;
      const children = this.#rewriteList(context, revision, script, container.ops, regs);
      if (children.length === container.ops.length && children.every((c, i) => c === container.ops[i])) return [o];
      // A table left with nothing to do disappears, as Alembic's empty ModifyTableOps render nothing.
      if (children.length === 0) return [];
      return [
        ModifyTableOps.is(container)
          ? ModifyTableOps.create(container.table, children)
          : BatchAlterTableOp.create(container.table, children, (container as BatchAlterTableOp).recreate),
      ];
    });
  }
}

/** Accepts a processRevisionDirectives function or a Rewriter (as the config does) and returns the function. */
export function toProcessRevisionDirectives(hook: ProcessRevisionDirectivesFn | Rewriter): ProcessRevisionDirectivesFn {
  return hook instanceof Rewriter ? hook.processRevisionDirectives : hook;
}
