/* Random TypeORM models for the invariant: the mechanism (a seeded generator, tables with
 * random columns, indexes, checks, foreign keys and views as EntitySchemas, and the rules for
 * how a column may change); each dialect's menu is data in random-menus/. Same seed, same
 * model, so a failing test names its reproduction. */

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
  /** An integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
}

/**
 * What values of a type look like, for defaults, rows and checks: the menus map each column
 * type to one, and the shared rules below work on kinds, not on a dialect's type names.
 */
export type ValueKind =
  | "integer"
  | "float"
  | "decimal"
  | "boolean"
  | "string"
  | "date"
  | "datetime"
  | "time"
  | "year"
  | "json"
  | "enum"
  | "uuid"
  | "bytes"
  | "simple-array"
  | "simple-json";

/** One way a column's type may change between two versions of a model. */
export interface ColumnEdit {
  /**
   * `widen`: every value of the old column fits the new one unchanged (a larger integer type,
   * a longer string, more precision, an enum value added); `narrow`: the same family, smaller
   * (some values may not fit); `retype`: another type (values may be converted or lost).
   */
  readonly kind: "widen" | "narrow" | "retype";
  /** The whole new column: the old one's options with the type-specific ones replaced. */
  readonly column: ColumnOptions;
}

/** What a dialect offers the generators: the model generator here and the edit and row generators. */
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
  /** The value kind of a column (by its type). */
  kind(c: ColumnOptions): ValueKind;
  /** A random default `c` accepts (a value, or a function returning SQL), or undefined when its type takes none. */
  defaultFor(r: Rng, c: ColumnOptions): unknown;
  /** The type changes the dialect accepts for `c`, with what each does to its values. */
  edits(c: ColumnOptions): ColumnEdit[];
  /** A random value for a row of `c` (fits `c`, and its narrower edits where the value kind allows). */
  value(r: Rng, c: ColumnOptions): unknown;
  /** A check expression over column `name` that every `value(r, c)` satisfies, or undefined. */
  check(name: string, c: ColumnOptions): string | undefined;
  /** Quotes an identifier for the view and check SQL the generator writes. */
  quote(name: string): string;
  /** Whether the generator may add a view over a table (the dialect and its TypeORM line compare them). */
  readonly views: boolean;
}

/** The data a dialect gives {@link typeEdits}: its type families and the options each type needs. */
export interface TypeEditRules {
  /** Type families, narrowest first: a step up widens, a step down narrows. */
  readonly ladders: readonly (readonly string[])[];
  /** Types with a `length`, and the lengths a column moves between (ascending). */
  readonly sized: readonly string[];
  readonly lengths: readonly number[];
  /** Types with `precision` and `scale` whose precision moves between these (ascending). */
  readonly exact: readonly string[];
  readonly precisions: readonly number[];
  /** Enum-like types whose `enum` list gains or loses a value. */
  readonly enums: readonly string[];
  /** Other types a column of each type may change to keeping every value (`int` to `bigint`): widenings. */
  readonly widenTo: Readonly<Record<string, readonly string[]>>;
  /** Other types a column of each type may change to at the risk of its values. */
  readonly retypes: Readonly<Record<string, readonly string[]>>;
  /** The options a column of `type` needs besides its type (a length, a precision, enum values). */
  shape(type: string): ColumnOptions;
}

/** Options a column keeps whatever its type: the rest (its default and uniqueness too) go with the type. */
const KEPT = ["nullable", "comment"];

/** The column `c` as type `type` with that type's own options, keeping the type-free ones. */
function retyped(c: ColumnOptions, type: string, rules: TypeEditRules): ColumnOptions {
  const kept = Object.fromEntries(KEPT.filter((k) => k in c).map((k) => [k, c[k]]));
  // An enum-like type keeps the values it had (enum to simple-enum), so rows fit both.
  const values = rules.enums.includes(type) && c["enum"] !== undefined ? { enum: c["enum"] } : {};
  return { ...kept, type, ...rules.shape(type), ...values };
}

/**
 * `c` one step along its ladder: a number default stays; a string or SQL default, ON UPDATE and
 * fractional-second precision belong to the old type (a datetime's are not a date's) and go.
 */
function ladderStep(c: ColumnOptions, type: string): ColumnOptions {
  const { default: d, onUpdate: _onUpdate, precision: _precision, ...rest } = c;
  return typeof d === "number" ? { ...rest, type, default: d } : { ...rest, type };
}

/** A string default that no longer fits a shorter length is dropped with the narrowing. */
function withoutLongDefault(c: ColumnOptions, length: number): ColumnOptions {
  const { default: d, ...rest } = c;
  return typeof d === "string" && d.length > length ? rest : c;
}

/**
 * The type edits of `c` under a dialect's rules: a step along its family's ladder, a longer or
 * shorter length, more or less precision, an enum value added or removed, another type (a
 * widening when every value survives it).
 * Generated columns keep their type (their expression decides it).
 */
export function typeEdits(c: ColumnOptions, rules: TypeEditRules): ColumnEdit[] {
  if (c["asExpression"] !== undefined) return [];
  const type = c["type"] as string;
  const out: ColumnEdit[] = [];
  const ladder = rules.ladders.find((l) => l.includes(type));
  if (ladder) {
    const i = ladder.indexOf(type);
    if (i + 1 < ladder.length) out.push({ kind: "widen", column: ladderStep(c, ladder[i + 1]!) });
    if (i > 0) out.push({ kind: "narrow", column: ladderStep(c, ladder[i - 1]!) });
  }
  const length = c["length"] as number | undefined;
  if (rules.sized.includes(type) && length !== undefined) {
    const longer = rules.lengths.find((n) => n > length);
    const shorter = [...rules.lengths].reverse().find((n) => n < length);
    if (longer) out.push({ kind: "widen", column: { ...c, length: longer } });
    if (shorter) out.push({ kind: "narrow", column: withoutLongDefault({ ...c, length: shorter }, shorter) });
  }
  const precision = c["precision"] as number | undefined;
  if (rules.exact.includes(type) && precision !== undefined) {
    const scale = (c["scale"] as number | undefined) ?? 0;
    const more = rules.precisions.find((n) => n > precision);
    const less = [...rules.precisions].reverse().find((n) => n < precision && n > scale);
    if (more) out.push({ kind: "widen", column: { ...c, precision: more } });
    if (less) out.push({ kind: "narrow", column: { ...c, precision: less } });
  }
  const values = c["enum"] as string[] | undefined;
  if (rules.enums.includes(type) && values) {
    out.push({ kind: "widen", column: { ...c, enum: [...values, `v${values.length}`] } });
    // The first value is the default's when there is one, so the last one goes.
    if (values.length > 1) out.push({ kind: "narrow", column: { ...c, enum: values.slice(0, -1) } });
  }
  for (const to of rules.widenTo[type] ?? []) out.push({ kind: "widen", column: retyped(c, to, rules) });
  for (const to of rules.retypes[type] ?? []) out.push({ kind: "retype", column: retyped(c, to, rules) });
  return out;
}

/** Strings every menu draws from: quotes, backslashes, LIKE wildcards, non-ASCII. */
export const STRINGS = ["a", "it's", "back\\slash", "", "100%", "x_y", "UPPER", "déjà"];

/** A dialect's menu as data, for {@link menuParts}. */
export interface MenuData {
  /** The value kind of each column type the menu draws. */
  readonly kinds: Readonly<Record<string, ValueKind>>;
  readonly rules: TypeEditRules;
  readonly quote: (name: string) => string;
  /** SQL functions a column may default to, by value kind (they may depend on its precision). */
  readonly functions: (c: ColumnOptions) => Partial<Record<ValueKind, readonly string[]>>;
  /** Types whose values are string literals of their own syntax, with samples for rows and defaults. */
  readonly literals?: Readonly<Record<string, readonly string[]>>;
  /** A generated column over an integer column: its type, expression and kinds (VIRTUAL, STORED). */
  readonly generated: {
    readonly type: string;
    readonly expression: (quotedBase: string) => string;
    readonly kinds: readonly string[];
  };
}

/** The parts of a {@link ColumnMenu} that follow from its {@link MenuData}. */
export type MenuParts = Pick<ColumnMenu, "kind" | "defaultFor" | "edits" | "value" | "check" | "quote" | "derived">;

/** Builds the data-driven parts of a menu: kinds, defaults, edits, row values, checks, generated columns. */
export function menuParts(data: MenuData): MenuParts {
  const kind = (c: ColumnOptions): ValueKind => data.kinds[c["type"] as string] ?? "string";
  return {
    kind,
    quote: data.quote,
    defaultFor: (r, c) => {
      const literals = data.literals?.[c["type"] as string];
      if (literals) return r.pick(literals);
      const functions = (data.functions(c)[kind(c)] ?? []).map((sql) => () => sql);
      const literal = literalDefault(r, c, kind(c));
      const choices = literal === undefined ? functions : [literal, ...functions];
      return choices.length > 0 ? r.pick(choices) : undefined;
    },
    edits: (c) => typeEdits(c, data.rules),
    value: (r, c) => {
      const literals = data.literals?.[c["type"] as string];
      return literals ? r.pick(literals) : sampleValue(r, c, kind(c));
    },
    // The values are never negative, so a numeric column can be checked for that.
    check: (name, c) =>
      c["asExpression"] === undefined && ["integer", "float", "decimal"].includes(kind(c))
        ? `${data.quote(name)} >= 0`
        : undefined,
    derived: (r, columns): Record<string, ColumnOptions> => {
      const base = Object.keys(columns).find(
        (k) => k !== "id" && !columns[k]!["array"] && kind(columns[k]!) === "integer",
      );
      if (!base || !r.maybe(0.3)) return {};
      const g = data.generated;
      const asExpression = g.expression(data.quote(base));
      return { g: { type: g.type, nullable: true, asExpression, generatedType: r.pick(g.kinds) } };
    },
  };
}

/** A literal default of kind `kind` that `c` accepts (within its length, not negative when unsigned), or undefined. */
function literalDefault(r: Rng, c: ColumnOptions, kind: ValueKind): unknown {
  const signed = (xs: readonly (number | string)[]): (number | string)[] =>
    c["unsigned"] || c["zerofill"] ? xs.filter((x) => Number(x) >= 0) : [...xs];
  const length = c["length"] as number | undefined;
  switch (kind) {
    case "integer":
      return r.pick(signed([0, 1, 42, -1, "7"]));
    case "float":
      return r.pick(signed([0, 1.5, -2.25, "0.1"]));
    case "decimal": {
      // The integer digits of a default must fit what the precision leaves beside the scale.
      const room = ((c["precision"] as number | undefined) ?? 10) - ((c["scale"] as number | undefined) ?? 0);
      return r.pick([0, 1.5, 12, "3.25"].filter((x) => String(Math.trunc(Number(x))).length <= room));
    }
    case "boolean":
      return r.pick([true, false]);
    case "string":
      return r.pick(STRINGS.filter((s) => length === undefined || s.length <= length));
    case "date":
      return "2020-01-01";
    case "time":
      return "12:00:00";
    case "datetime":
      return "2020-01-01 00:00:00";
    case "year":
      return 2024;
    case "uuid":
      return "00000000-0000-4000-8000-000000000000";
    case "enum":
      return (c["enum"] as string[])[0];
    default:
      return undefined;
  }
}

/** A random value of kind `kind` for a row of `c`: small numbers and short strings, so narrower edits still fit. */
export function sampleValue(r: Rng, c: ColumnOptions, kind: ValueKind): unknown {
  const length = (c["length"] as number | undefined) ?? 20;
  switch (kind) {
    case "integer":
      return r.int(0, 100);
    case "float":
      return r.int(0, 1000) / 4;
    case "decimal":
      return ((c["scale"] as number | undefined) ?? 0) > 0 ? `${r.int(0, 999)}.${r.int(10, 99)}` : `${r.int(0, 999)}`;
    case "boolean":
      return r.maybe();
    case "string":
      return r.pick(STRINGS.filter((s) => s.length <= Math.min(length, 10)));
    case "date":
      return `20${r.int(10, 29)}-0${r.int(1, 9)}-1${r.int(0, 9)}`;
    case "datetime":
      return new Date(Date.UTC(2000 + r.int(0, 30), r.int(0, 11), r.int(1, 28), r.int(0, 23), r.int(0, 59)));
    case "time":
      return `1${r.int(0, 9)}:${r.int(10, 59)}:00`;
    case "year":
      return r.int(1990, 2100);
    case "json":
      // JSON text: every driver passes a string through, while an object becomes '[object Object]' in some.
      return JSON.stringify(r.pick([{ a: 1 }, [1, "two"], { s: r.pick(STRINGS) }, {}]));
    case "simple-json":
      return r.pick([{ a: 1 }, [1, "two"], { s: r.pick(STRINGS) }, {}]);
    case "enum":
      return r.pick(c["enum"] as string[]);
    case "uuid":
      return `${r.int(10000000, 99999999)}-1234-4abc-8def-${r.int(100000, 999999)}${r.int(100000, 999999)}`;
    case "bytes":
      return Buffer.from(r.pick(STRINGS).slice(0, Math.min(length, 10)));
    case "simple-array":
      return r.pick([["a"], ["x", "y"], []]);
  }
}

/**
 * Seeds from a list like `1-500` or `3,17,40-45` (as AUTOGEN_RANDOM_SEEDS takes them), or
 * `fallback` when the list is empty.
 */
export function parseSeeds(spec: string | undefined, fallback: readonly number[]): number[] {
  if (!spec?.trim()) return [...fallback];
  return spec.split(",").flatMap((part) => {
    const m = /^\s*(\d+)\s*(?:-\s*(\d+))?\s*$/.exec(part);
    if (!m) throw new Error(`bad seed list part ${JSON.stringify(part)} (expected N or N-M)`);
    const lo = Number(m[1]);
    const hi = Number(m[2] ?? m[1]);
    return Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
  });
}

type EntitySchemaCtor = new (options: Record<string, unknown>) => unknown;

/**
 * `tables` entities named `r<seed>_t<i>`, each with 2–9 random columns, maybe an index (maybe
 * unique) over indexable columns, maybe a check, maybe a many-to-one or one-to-one relation to
 * the previous table with random actions; and maybe a view over the first table.
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
    const checked = Object.keys(columns).filter((k) => k !== "id" && menu.check(k, columns[k]!) !== undefined);
    const checkedColumn = checked.length > 0 && r.maybe(0.4) ? r.pick(checked) : undefined;
    const checks = checkedColumn
      ? [{ name: `chk_${name}`, expression: menu.check(checkedColumn, columns[checkedColumn]!) }]
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
    entities.push(new EntitySchema({ name, columns, indices, checks, relations }));
    if (t === 0 && menu.views && r.maybe(0.4)) entities.push(randomView(EntitySchema, menu, r, name, columns));
  }
  return entities;
}

/** A view selecting the key and some columns of `table`, maybe filtered on a checkable column. */
function randomView(
  EntitySchema: EntitySchemaCtor,
  menu: ColumnMenu,
  r: Rng,
  table: string,
  columns: Readonly<Record<string, ColumnOptions>>,
): unknown {
  const picked = ["id", ...Object.keys(columns).filter((k) => k !== "id" && r.maybe())];
  const filtered = Object.keys(columns).find((k) => k !== "id" && menu.check(k, columns[k]!) !== undefined);
  const where = filtered && r.maybe() ? ` WHERE ${menu.check(filtered, columns[filtered]!)}` : "";
  const q = menu.quote;
  return new EntitySchema({
    name: `${table}_v`,
    type: "view",
    expression: `SELECT ${picked.map(q).join(", ")} FROM ${q(table)}${where}`,
    columns: Object.fromEntries(picked.map((k) => [k, { type: columns[k]!["type"], nullable: true }])),
  });
}
