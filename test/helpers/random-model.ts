/* Random TypeORM models for the invariant: the mechanism (a seeded generator, tables with
 * random columns, indexes and foreign keys as EntitySchemas); each dialect's menu of columns
 * is data in random-menus/. Same seed, same model, so a failing test names its reproduction. */

/** EntitySchema column options (TypeORM's type is too wide to be worth spelling here). */
export type ColumnOptions = Record<string, unknown>;

/** A small linear congruential generator: deterministic across Node versions, unlike Math.random. */
export class Rng {
  #state: number;
  constructor(seed: number) {
    this.#state = seed & 0x7fffffff;
  }
  /** A number in [0, 1). */
  next(): number {
    this.#state = (this.#state * 1103515245 + 12345) & 0x7fffffff;
    return this.#state / 0x80000000;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)]!;
  }
  maybe(p = 0.5): boolean {
    return this.next() < p;
  }
}

/** What a dialect offers the generator. */
export interface ColumnMenu {
  /** One random column the dialect (and TypeORM on it) accepts. */
  column(r: Rng): ColumnOptions;
  /** A random primary key column. */
  primaryKey(r: Rng): ColumnOptions;
  /** Whether a column may be a key part of a composite index. */
  indexable(c: ColumnOptions): boolean;
  /** Columns derived from the table's others (generated columns); none by default. */
  derived?(r: Rng, columns: Readonly<Record<string, ColumnOptions>>): Record<string, ColumnOptions>;
  /** Foreign key actions the dialect accepts. */
  readonly actions: readonly string[];
}

type EntitySchemaCtor = new (options: Record<string, unknown>) => unknown;

/**
 * `tables` entities named `r<seed>_t<i>`, each with 2–9 random columns, maybe an index (maybe
 * unique) over indexable columns, maybe a many-to-one or one-to-one relation to the previous
 * table with random actions.
 */
export function randomEntities(EntitySchema: EntitySchemaCtor, menu: ColumnMenu, seed: number, tables = 4): unknown[] {
  const r = new Rng(seed);
  const entities: unknown[] = [];
  for (let t = 0; t < tables; t++) {
    const name = `r${seed}_t${t}`;
    const columns: Record<string, ColumnOptions> = { id: { ...menu.primaryKey(r), primary: true } };
    const count = 2 + Math.floor(r.next() * 8);
    for (let i = 0; i < count; i++) columns[`c${i}`] = menu.column(r);
    Object.assign(columns, menu.derived?.(r, columns) ?? {});
    const keyParts = Object.keys(columns).filter((k) => k !== "id" && menu.indexable(columns[k]!));
    const indices =
      keyParts.length > 0 && r.maybe(0.5)
        ? [{ name: `idx_${name}`, columns: keyParts.slice(0, 1 + Math.floor(r.next() * 2)), unique: r.maybe(0.3) }]
        : [];
    const relations =
      t > 0 && r.maybe(0.5)
        ? {
            parent: {
              type: r.pick(["many-to-one", "many-to-one", "one-to-one"]),
              joinColumn: true,
              target: `r${seed}_t${t - 1}`,
              nullable: true,
              onDelete: r.pick(menu.actions),
              onUpdate: r.pick(menu.actions),
            },
          }
        : {};
    entities.push(new EntitySchema({ name, columns, indices, relations }));
  }
  return entities;
}
