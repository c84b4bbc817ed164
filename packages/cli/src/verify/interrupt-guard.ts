/** The signals a user stops a command with (Ctrl-C, kill, a closed terminal). */
const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

/**
 * Runs `fn` and then `cleanup`, also when the process is interrupted meanwhile: on a signal,
 * `cleanup` runs at once (whatever `fn` is doing), then the signal is raised again without our
 * handler, so that the process ends as it would have (status 130 for Ctrl-C) and other
 * handlers of the application still see it.
 */
export async function withInterruptCleanup<T>(cleanup: () => Promise<void>, fn: () => Promise<T>): Promise<T> {
  let interrupted = false;
  const handlers = new Map<NodeJS.Signals, () => void>();
  const remove = () => {
    for (const [signal, handler] of handlers) process.off(signal, handler);
  };
  for (const signal of SIGNALS) {
    const handler = () => {
      interrupted = true;
      remove();
      void cleanup()
        .catch(() => undefined)
        .finally(() => process.kill(process.pid, signal));
    };
    handlers.set(signal, handler);
    process.on(signal, handler);
  }
  // Once interrupted, what `fn` returns or throws (its database was dropped under it) does not
  // matter: the signal decides how the process ends.
  const never = () => new Promise<never>(() => undefined);
  try {
    const result = await fn();
    if (interrupted) await never();
    return result;
  } catch (err) {
    if (interrupted) await never();
    throw err;
  } finally {
    remove();
    if (!interrupted) await cleanup();
  }
}
