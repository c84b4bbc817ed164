/** Where a fleet run stands, for the progress line. */
export interface PoolProgress {
  readonly total: number;
  readonly done: number;
  readonly failed: number;
  /** The targets running now, in start order. */
  readonly running: readonly string[];
}

/**
 * Runs `work` on each item, at most `concurrency` at a time, in order of the list. Once `signal`
 * is aborted no further item starts (`notStarted` gives its result); those running finish.
 * `work` reports failures in its result: the pool never stops on one.
 */
export async function runPool<T extends { name: string }, R>(
  items: readonly T[],
  o: {
    concurrency: number;
    signal?: AbortSignal | undefined;
    onProgress?: ((p: PoolProgress) => void) | undefined;
    isFailure: (r: R) => boolean;
  },
  work: (item: T) => Promise<R>,
  notStarted: (item: T) => R,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  const running = new Set<string>();
  let next = 0;
  let done = 0;
  let failed = 0;
  const progress = () => o.onProgress?.({ total: items.length, done, failed, running: [...running] });
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      const item = items[i]!;
      if (o.signal?.aborted) {
        results[i] = notStarted(item);
        continue;
      }
      running.add(item.name);
      progress();
      const r = await work(item);
      results[i] = r;
      running.delete(item.name);
      done++;
      if (o.isFailure(r)) failed++;
      progress();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(o.concurrency, items.length)) }, worker));
  return results;
}
