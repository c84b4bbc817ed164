import { resolve as resolvePath } from "node:path";
import { CommandError, type OpNode } from "@autogen/core";
import type { Dialect } from "@autogen/dialects";
import { MigrationContext } from "./migration-context";
import { OperationsImpl } from "./operations";
import type { BatchAlterTableOptions, BatchOperations, Operations } from "./operations-api";
import { loadModule } from "./ts-loader";

/** One op a revision function called, with where it called it. */
export interface RecordedOp {
  readonly op: OpNode;
  /**
   * The 1-based line of the revision file that made the call (`await op.dropColumn(...)`, or
   * `await op.batchAlterTable(...)` for a batch block), read from the call stack through the
   * loader's source maps; null when the call came from another file (a helper module).
   */
  readonly line: number | null;
  /** For a batch block: the line of each `batch.*` call inside it, in the order of the block's ops (else empty). */
  readonly childLines: readonly (number | null)[];
}

/** Options of {@link recordRevisionOps}. */
export interface RecordRevisionOpsOptions {
  /** The revision file. */
  path: string;
  /** The dialect `op.context.dialect` reports; ops are recorded, never compiled. */
  dialect: Dialect;
  /** Which function to run. Default "upgrade". */
  direction?: "upgrade" | "downgrade";
  /** The `-x` arguments, for `op.context.getXArgument()`. */
  x?: Record<string, string>;
}

/**
 * Runs a revision's upgrade() (or downgrade()) against an `op` that records every op node it
 * is given instead of running it, without a database: for reading what a revision does
 * (`show --format markdown`, `lint`). The context is offline (`op.context.isOffline` is true, as
 * with --sql); raw SQL (`op.execute`) is recorded as an ExecuteSQLOp, and custom operations as
 * the node their factory builds. An error the revision throws propagates.
 *
 * @throws CommandError when the file cannot be loaded or lacks the function.
 */
export async function recordRevisionOps(o: RecordRevisionOpsOptions): Promise<readonly RecordedOp[]> {
  const path = resolvePath(o.path);
  const direction = o.direction ?? "upgrade";
  const mod = await loadModule(path);
  const fn = mod[direction];
  if (typeof fn !== "function") throw new CommandError(`Revision file ${path} has no exported ${direction}() function`);
  const recorded: RecordedOp[] = [];
  const ctx = new MigrationContext({ dialect: o.dialect, ...(o.x !== undefined && { x: o.x }) });
  const op = new RecordingOperations(ctx, path, (node, childLines) =>
    recorded.push(
      Object.freeze({ op: node, line: childLines?.line ?? callerLine(path), childLines: childLines?.children ?? [] }),
    ),
  );
  await (fn as (op: Operations) => Promise<void>)(op as unknown as Operations);
  return Object.freeze(recorded);
}

/** Where a batch block and each `batch.*` call inside it are in the revision file. */
interface BatchLines {
  readonly line: number | null;
  readonly children: (number | null)[];
}

/** The `op` of a recording: every method builds its node as usual; invoke keeps it. */
class RecordingOperations extends OperationsImpl {
  readonly #path: string;
  readonly #record: (op: OpNode, batch: BatchLines | null) => void;
  /** The lines of the batch block whose op is about to be invoked. */
  #batch: BatchLines | null = null;

  constructor(ctx: MigrationContext, path: string, record: (op: OpNode, batch: BatchLines | null) => void) {
    super(ctx);
    this.#path = path;
    this.#record = record;
  }

  override async invoke(op: OpNode): Promise<void> {
    const batch = op.kind === "BatchAlterTableOp" ? this.#batch : null;
    this.#batch = null;
    this.#record(op, batch);
  }

  /** Records the line of each `batch.*` call as it is made (lint looks for comments above each). */
  override async batchAlterTable(
    table: string,
    fn: (batch: BatchOperations) => Promise<void>,
    o: BatchAlterTableOptions = {},
  ): Promise<void> {
    const lines: BatchLines = { line: callerLine(this.#path), children: [] };
    const path = this.#path;
    await super.batchAlterTable(
      table,
      async (batch) => {
        const tracked = new Proxy(batch, {
          get(target, prop) {
            const value = Reflect.get(target, prop, target) as unknown;
            if (typeof value !== "function") return value;
            return (...args: unknown[]) => {
              lines.children.push(callerLine(path));
              return (value as (...a: unknown[]) => unknown).apply(target, args);
            };
          },
        });
        await fn(tracked);
        this.#batch = lines;
      },
      o,
    );
  }
}

/**
 * The line of `path` in the current call stack. The loader compiles revision files with inline
 * source maps and turns source-mapped stacks on, so the line is the TypeScript one; async frames
 * (`at async upgrade (...)`) are part of V8's stacks, so a batch block's later invoke still finds it.
 */
function callerLine(path: string): number | null {
  const previous = Error.stackTraceLimit;
  Error.stackTraceLimit = 50;
  const stack = new Error().stack ?? "";
  Error.stackTraceLimit = previous;
  for (const frame of stack.split("\n")) {
    const at = frame.lastIndexOf(`${path}:`);
    if (at === -1) continue;
    const m = /^:(\d+):\d+\)?$/.exec(frame.slice(at + path.length).trim());
    if (m) return Number(m[1]);
  }
  return null;
}
