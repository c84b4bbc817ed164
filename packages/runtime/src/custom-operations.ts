import { CommandError, type OpNode } from "@autogen/core";
import { OperationsImpl } from "./operations";

// `any[]`: each operation declares its own arguments; the typed signature comes from augmenting Operations.
/** Builds the op node of a custom operation from the arguments of `op.<name>(...)`. */
export type OperationFactory = (...args: any[]) => OpNode;

/** The built-in method names, taken before any registration. */
const BUILTIN_NAMES: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(OperationsImpl.prototype));

/**
 * Adds `op.<name>(...)` (alembic's `Operations.register_operation`): it builds an op node with
 * `factory` and invokes it, so the node runs through the implementation registered for its
 * kind with `implementationFor`, and reverses through core's `registerReverser`. Registering
 * a name again replaces it (a reloaded module); a built-in name is a CommandError.
 *
 * To give revision files the signature, augment the interface:
 * `declare module "autogen" { interface Operations { createFunction(name: string, definition: string): Promise<void> } }`.
 */
export function registerOperation(name: string, factory: OperationFactory): void {
  if (BUILTIN_NAMES.has(name))
    throw new CommandError(`Cannot register operation '${name}': op.${name} is a built-in operation`);
  Object.defineProperty(OperationsImpl.prototype, name, {
    configurable: true,
    writable: true,
    value: async function (this: OperationsImpl, ...args: unknown[]): Promise<void> {
      await this.invoke(factory(...args));
    },
  });
}

/** Whether `op.<name>` was added with registerOperation. */
export function isRegisteredOperation(name: string): boolean {
  return !BUILTIN_NAMES.has(name) && Object.prototype.hasOwnProperty.call(OperationsImpl.prototype, name);
}
