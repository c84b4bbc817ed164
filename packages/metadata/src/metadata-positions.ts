/** The items under one key and their positions in the array, both in array order. */
interface KeyEntry<T> {
  readonly items: T[];
  readonly positions: number[];
}

/**
 * Positions of the items of an append-only array under keys, indexed lazily: items pushed
 * after the last lookup are indexed on the next one. It lets a lookup that TypeORM writes as
 * `all.find(predicate)` be given only the items that can match, in their original order, so
 * the first match stays the same while the scan stops growing with the array.
 */
export class MetadataPositions<T> {
  private readonly byKey = new Map<unknown, KeyEntry<T>>();
  private indexed = 0;

  /**
   * `keysOf(item)`: every key the item is found under (a repeated key counts once). For an
   * index of one key per item, {@link MetadataPositions.byOneKey} saves an array per item.
   */
  constructor(
    private readonly items: readonly T[],
    private readonly keysOf: (item: T) => readonly unknown[],
    private readonly keyOf?: (item: T) => unknown,
  ) {}

  /** An index of the items of `items` under one key each. */
  static byOneKey<T>(items: readonly T[], keyOf: (item: T) => unknown): MetadataPositions<T> {
    return new MetadataPositions(items, (item) => [keyOf(item)], keyOf);
  }

  /** The items found under any of `keys`, each once, in array order. */
  itemsUnder(keys: readonly unknown[]): T[] {
    // One key (the common case): its items are distinct and in order already.
    if (keys.length === 1) return this.itemsUnderKey(keys[0]).slice();
    this.catchUp();
    const positions = new Set<number>();
    for (const key of keys) for (const p of this.byKey.get(key)?.positions ?? []) positions.add(p);
    return [...positions].sort((a, b) => a - b).map((p) => this.items[p]!);
  }

  /**
   * The items found under `key`, in array order, as the index holds them: for a caller that
   * only reads them (a lookup runs once per entity and per column, and a copy per call showed
   * in a 1,000-entity build's profile): the index's own array, which a later lookup extends
   * with the items under `key` pushed meanwhile.
   */
  itemsUnderKey(key: unknown): readonly T[] {
    this.catchUp();
    return this.byKey.get(key)?.items ?? NONE;
  }

  private catchUp(): void {
    for (; this.indexed < this.items.length; this.indexed++) {
      const item = this.items[this.indexed]!;
      if (this.keyOf) {
        this.add(this.keyOf(item), item);
        continue;
      }
      const keys = this.keysOf(item);
      for (const key of keys.length > 1 ? new Set(keys) : keys) this.add(key, item);
    }
  }

  private add(key: unknown, item: T): void {
    const entry = this.byKey.get(key);
    if (entry) {
      entry.items.push(item);
      entry.positions.push(this.indexed);
    } else this.byKey.set(key, { items: [item], positions: [this.indexed] });
  }
}

const NONE: readonly never[] = Object.freeze([]);
