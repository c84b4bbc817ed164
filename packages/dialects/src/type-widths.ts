/**
 * What a type change can lose: the mechanism is shared, each dialect gives its data (which of
 * its canonical type names hold how much), as Alembic's `impl.compare_type` is per dialect.
 */

/** A type's base name and numeric arguments: `varchar(50)` → `varchar`, [50]. */
export interface ParsedType {
  readonly base: string;
  readonly args: readonly number[];
}

/** `character varying(50)` → { base: "character varying", args: [50] }; modifiers after the parens are ignored. */
export function parseType(type: string): ParsedType {
  const m = /^\s*([^(]*)(?:\(([^)]*)\))?\s*(.*)$/.exec(type.toLowerCase());
  const base = (m?.[1] ?? type).trim();
  const args = (m?.[2] ?? "")
    .split(",")
    .map((a) => a.trim())
    .filter((a) => /^\d+$/.test(a))
    .map(Number);
  return { base, args };
}

/** One dialect's type names by capacity, in the spellings its canonical types use. */
export interface TypeWidths {
  /** Integer types by width. */
  readonly integers: Readonly<Record<string, number>>;
  /** Floating-point types by precision. */
  readonly floats: Readonly<Record<string, number>>;
  /** Fixed-point types: `(precision, scale)`, no arguments meaning unbounded. */
  readonly decimals: ReadonlySet<string>;
  /** Character types whose one argument is a maximum length. */
  readonly boundedStrings: ReadonlySet<string>;
  /** Binary and bit types whose one argument is a maximum length. */
  readonly boundedBinaries: ReadonlySet<string>;
  /** Of the bounded types, those for which no length means 1 (not unbounded). */
  readonly fixedWidth: ReadonlySet<string>;
  /** Text types that hold more than a bounded string type. */
  readonly texts: ReadonlySet<string>;
  /** Text types by capacity, where a dialect has several (MySQL's four sizes). */
  readonly textSizes: Readonly<Record<string, number>>;
  /** Date and time types: the parts of a moment each holds, where the server enforces them. */
  readonly temporals: Readonly<Record<string, TemporalParts>>;
}

/** What a date or time type keeps of a moment. */
export interface TemporalParts {
  readonly date: boolean;
  readonly time: boolean;
  /** Fractional-second digits when the type names none (MySQL 0, PostgreSQL 6). */
  readonly fraction: number;
}

/** The union of several dialects' widths (a dialect that keeps any dialect's spelling, as SQLite does). */
export function mergeTypeWidths(...ws: readonly TypeWidths[]): TypeWidths {
  const set = (pick: (w: TypeWidths) => ReadonlySet<string>) => new Set(ws.flatMap((w) => [...pick(w)]));
  const record = (pick: (w: TypeWidths) => Readonly<Record<string, number>>) =>
    Object.assign({}, ...ws.map(pick)) as Record<string, number>;
  return {
    integers: record((w) => w.integers),
    floats: record((w) => w.floats),
    decimals: set((w) => w.decimals),
    boundedStrings: set((w) => w.boundedStrings),
    boundedBinaries: set((w) => w.boundedBinaries),
    fixedWidth: set((w) => w.fixedWidth),
    texts: set((w) => w.texts),
    textSizes: record((w) => w.textSizes),
    temporals: Object.assign({}, ...ws.map((w) => w.temporals)) as Record<string, TemporalParts>,
  };
}

/**
 * Whether changing a column from type `from` to `to` can lose data by narrowing: a smaller
 * integer, a shorter string, a smaller text type, fewer digits or scale, less float precision,
 * or a fractional type to an integer.
 */
export function narrowsWith(w: TypeWidths): (from: string, to: string) => boolean {
  const bounded = (base: string) => w.boundedStrings.has(base) || w.boundedBinaries.has(base);
  return (fromType, toType) => {
    const from = parseType(fromType);
    const to = parseType(toType);
    const fi = w.integers[from.base];
    const ti = w.integers[to.base];
    if (fi !== undefined && ti !== undefined) return ti < fi;
    if (bounded(from.base) && bounded(to.base)) {
      // No length means unbounded (PostgreSQL varchar) except for the fixed-width ones, where it means 1.
      const lengthOf = (t: ParsedType) => t.args[0] ?? (w.fixedWidth.has(t.base) ? 1 : undefined);
      const fl = lengthOf(from);
      const tl = lengthOf(to);
      if (tl === undefined) return false;
      return fl === undefined || tl < fl;
    }
    if (w.texts.has(from.base) && bounded(to.base)) return true;
    const fs = w.textSizes[from.base];
    const ts = w.textSizes[to.base];
    if (fs !== undefined && ts !== undefined) return ts < fs;
    if (w.decimals.has(from.base) && w.decimals.has(to.base)) {
      const [fp, fsc = 0] = from.args;
      const [tp, tsc = 0] = to.args;
      if (tp === undefined) return false;
      if (fp === undefined) return true;
      return tsc < fsc || tp - tsc < fp - fsc;
    }
    if (w.decimals.has(from.base) && ti !== undefined) return true;
    const ff = w.floats[from.base];
    const tf = w.floats[to.base];
    if (ff !== undefined && tf !== undefined) return tf < ff;
    if (ff !== undefined && ti !== undefined) return true;
    return false;
  };
}

/**
 * What changing a column from one date or time type to another cuts from every value, as the end
 * of a message, or null when it keeps every part: the time of day (a datetime made a date), the
 * date (made a time), or fractional-second digits (cut or rounded, per server). The server
 * converts such values without failing, so this is a loss rather than a narrowing that may fail.
 */
export function temporalLossWith(w: TypeWidths): (from: string, to: string) => string | null {
  return (fromType, toType) => {
    const from = parseType(fromType);
    const to = parseType(toType);
    const f = w.temporals[from.base];
    const t = w.temporals[to.base];
    if (f === undefined || t === undefined) return null;
    if (f.time && !t.time) return "the time of day of every value is cut";
    if (f.date && !t.date) return "the date of every value is cut";
    const digits = to.args[0] ?? t.fraction;
    if (f.time && digits < (from.args[0] ?? f.fraction))
      return digits === 0
        ? "the fractional seconds of every value are lost"
        : `fractional seconds beyond ${digits} digits are lost`;
    return null;
  };
}

/**
 * Whether changing a column from type `from` to `to` parses every value of a character string
 * column into a type that is not one (varchar → integer, text → uuid): a value that does not
 * parse makes the change fail. Arrays are neither.
 */
export function convertsTextWith(w: TypeWidths): (from: string, to: string) => boolean {
  const isArray = (type: string) => /\[\]$/.test(type);
  const isText = (type: string) => {
    const base = parseType(type).base;
    return w.boundedStrings.has(base) || w.texts.has(base) || w.textSizes[base] !== undefined;
  };
  return (from, to) => !isArray(from) && !isArray(to) && isText(from) && !isText(to);
}
