/**
 * Positions of the items of an append-only array under keys, indexed lazily: items pushed
 * after the last lookup are indexed on the next one. It lets a lookup that TypeORM writes as
 * `all.find(predicate)` be given only the items that can match, in their original order, so
 * the first match stays the same while the scan stops growing with the array.
 */
export class MetadataPositions<T> {
  private readonly byKey = new Map<unknown, number[]>();
  private indexed = 0;

  /** `keysOf(item)`: every key the item is found under (a repeated key counts once). */
  constructor(
    private readonly items: readonly T[],
    private readonly keysOf: (item: T) => readonly unknown[],
  ) {}

  /** The items found under any of `keys`, each once, in array order. */
  itemsUnder(keys: readonly unknown[]): T[] {
    this.catchUp();
    // One key (the common case): its positions are distinct and ascending already.
    if (keys.length === 1) return (this.byKey.get(keys[0]) ?? []).map((p) => this.items[p]!);
    const positions = new Set<number>();
    for (const key of keys) for (const p of this.byKey.get(key) ?? []) positions.add(p);
    return [...positions].sort((a, b) => a - b).map((p) => this.items[p]!);
  }

  private catchUp(): void {
    for (; this.indexed < this.items.length; this.indexed++) {
      const keys = this.keysOf(this.items[this.indexed]!);
      for (const key of keys.length > 1 ? new Set(keys) : keys) {
        const positions = this.byKey.get(key);
        if (positions) positions.push(this.indexed);
        else this.byKey.set(key, [this.indexed]);
      }
    }
  }
}
