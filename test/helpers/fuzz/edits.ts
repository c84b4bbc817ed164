/* The edits that turn a model v1 into v2: random ones for a pair, applied as data so the
 * shrinker can drop them one by one and a fixture can replay them. */
import { getDialect, type DialectName } from "@autogen/dialects";
import type { ColumnMenu, ColumnOptions, Rng } from "../random-model";
import { columnValue } from "./rows";
import {
  cloneSpec,
  columnToSpec,
  joinColumnName,
  type CheckSpec,
  type IndexSpec,
  type ModelSpec,
  type RelationSpec,
  type TableSpec,
} from "./model-spec";

/** How an AlterColumn edit changes its column. */
export type AlterKind = "widen" | "narrow" | "type" | "nullable" | "default" | "enum";

/** One change of the model; names are those of the model the edit applies to. */
export type Edit =
  | { kind: "addColumn"; table: string; column: string; options: ColumnOptions }
  | { kind: "dropColumn"; table: string; column: string }
  | {
      kind: "alterColumn";
      table: string;
      column: string;
      what: AlterKind;
      options: ColumnOptions;
      destructive: boolean;
    }
  | { kind: "renameColumn"; table: string; column: string; to: string }
  | { kind: "addTable"; spec: TableSpec }
  | { kind: "dropTable"; table: string }
  | { kind: "renameTable"; table: string; to: string }
  | { kind: "addIndex"; table: string; index: IndexSpec }
  | { kind: "dropIndex"; table: string; name: string }
  | { kind: "addRelation"; table: string; name: string; relation: RelationSpec }
  | { kind: "dropRelation"; table: string; name: string }
  | { kind: "addCheck"; table: string; check: CheckSpec }
  | { kind: "dropCheck"; table: string; name: string };

/** A table, or a column of one, by its v1 name. */
export interface Target {
  table: string;
  column?: string;
}

/** v2 and what the property needs to know about how it came from v1. */
export interface AppliedEdits {
  v2: ModelSpec;
  /** Rename hints confirming the edits' renames (`table.old=new`, `table:old=new`). */
  renames: string[];
  /** What the destructive edits touch (v1 names): each must come with a risk code. */
  destructive: Target[];
  /** The columns an alterColumn edit changes (v1 names): their values may change only under a risk code. */
  altered: Target[];
  /** The v2 name of a v1 table (undefined: dropped). */
  tableIn2(table: string): string | undefined;
  /** The v2 name of a v1 column (undefined: dropped with its table or alone). */
  columnIn2(table: string, column: string): string | undefined;
}

/** An edit that names something the model does not have (the shrinker removed it). */
export class EditMismatch extends Error {}

function table(spec: ModelSpec, name: string): TableSpec {
  const t = spec.tables.find((x) => x.name === name);
  if (!t) throw new EditMismatch(`no table ${name}`);
  return t;
}

function column(t: TableSpec, name: string): ColumnOptions {
  const c = t.columns[name];
  if (!c) throw new EditMismatch(`no column ${t.name}.${name}`);
  return c;
}

/** Adds an index or a check over `columns` (each must exist). */
function addMember(t: TableSpec, list: "indices" | "checks", member: IndexSpec | CheckSpec, columns: string[]) {
  columns.forEach((c) => column(t, c));
  (t[list] as (IndexSpec | CheckSpec)[]).push(member);
}

/** Drops the index or check named `name` (which must exist). */
function dropMember(t: TableSpec, list: "indices" | "checks", name: string) {
  const members: { name: string }[] = t[list];
  if (!members.some((x) => x.name === name)) throw new EditMismatch(`no ${list} member ${name} in ${t.name}`);
  (t[list] as { name: string }[]) = members.filter((x) => x.name !== name);
}

/** Applies `edits` in order to a copy of `v1`; throws EditMismatch when one does not fit. */
export function applyEdits(v1: ModelSpec, edits: readonly Edit[]): AppliedEdits {
  const v2 = cloneSpec(v1);
  const renames: string[] = [];
  const destructive: Target[] = [];
  const altered: Target[] = [];
  // v1 name → current name (null: dropped); tables added by an edit are not in v1 and not tracked.
  const tables = new Map<string, string | null>(v1.tables.map((t) => [t.name, t.name]));
  const columns = new Map<string, string | null>(
    v1.tables.flatMap((t) => [
      ...Object.keys(t.columns).map((c) => [`${t.name}.${c}`, c] as const),
      ...Object.keys(t.relations).map((r) => [`${t.name}.${joinColumnName(r)}`, joinColumnName(r)] as const),
    ]),
  );
  const origin = (name: string) => [...tables].find(([, now]) => now === name)?.[0] ?? name;
  const setColumn = (t: string, c: string, to: string | null) => {
    const key = [...columns].find(([k, now]) => k.startsWith(`${origin(t)}.`) && now === c)?.[0];
    if (key) columns.set(key, to);
  };
  for (const e of edits) {
    switch (e.kind) {
      case "addColumn": {
        const t = table(v2, e.table);
        if (t.columns[e.column]) throw new EditMismatch(`column ${e.table}.${e.column} exists`);
        t.columns[e.column] = e.options;
        break;
      }
      case "dropColumn":
        column(table(v2, e.table), e.column);
        delete table(v2, e.table).columns[e.column];
        setColumn(e.table, e.column, null);
        destructive.push({ table: origin(e.table), column: e.column });
        break;
      case "alterColumn":
        column(table(v2, e.table), e.column);
        table(v2, e.table).columns[e.column] = e.options;
        if (e.destructive) destructive.push({ table: origin(e.table), column: e.column });
        altered.push({ table: origin(e.table), column: e.column });
        break;
      case "renameColumn": {
        const t = table(v2, e.table);
        const c = column(t, e.column);
        delete t.columns[e.column];
        t.columns[e.to] = c;
        setColumn(e.table, e.column, e.to);
        renames.push(`${e.table}.${e.column}=${e.to}`);
        break;
      }
      case "addTable":
        if (v2.tables.some((t) => t.name === e.spec.name)) throw new EditMismatch(`table ${e.spec.name} exists`);
        v2.tables.push(cloneSpec(e.spec));
        break;
      case "dropTable":
        if (v2.tables.some((t) => Object.values(t.relations).some((r) => r.target === e.table)))
          throw new EditMismatch(`table ${e.table} is referenced`);
        v2.tables = v2.tables.filter((t) => t !== table(v2, e.table));
        destructive.push({ table: origin(e.table) });
        tables.set(origin(e.table), null);
        break;
      case "renameTable":
        table(v2, e.table).name = e.to;
        for (const t of v2.tables)
          for (const r of Object.values(t.relations)) if (r.target === e.table) r.target = e.to;
        tables.set(origin(e.table), e.to);
        renames.push(`table:${e.table}=${e.to}`);
        break;
      case "addIndex":
      case "addCheck": {
        const [list, member] = e.kind === "addIndex" ? (["indices", e.index] as const) : (["checks", e.check] as const);
        addMember(table(v2, e.table), list, member, member.columns);
        break;
      }
      case "dropIndex":
      case "dropCheck":
        dropMember(table(v2, e.table), e.kind === "dropIndex" ? "indices" : "checks", e.name);
        break;
      case "addRelation": {
        const t = table(v2, e.table);
        table(v2, e.relation.target);
        if (t.relations[e.name]) throw new EditMismatch(`relation ${e.table}.${e.name} exists`);
        t.relations[e.name] = e.relation;
        break;
      }
      case "dropRelation": {
        const t = table(v2, e.table);
        if (!t.relations[e.name]) throw new EditMismatch(`no relation ${e.table}.${e.name}`);
        delete t.relations[e.name];
        setColumn(e.table, joinColumnName(e.name), null);
        destructive.push({ table: origin(e.table), column: joinColumnName(e.name) });
        break;
      }
    }
  }
  return {
    v2,
    renames,
    destructive,
    altered,
    tableIn2: (t) => tables.get(t) ?? undefined,
    columnIn2: (t, c) => (tables.get(t) ? (columns.get(`${t}.${c}`) ?? undefined) : undefined),
  };
}

const INT_LADDER = ["tinyint", "smallint", "int", "bigint"];
const STRING_LENGTH = ["varchar", "char", "binary", "varbinary", "nvarchar", "character varying"];

/** Each way of changing a column's type (or its length), and whether the change can lose data. */
function alterations(
  c: ColumnOptions,
  menu: ColumnMenu,
): { what: AlterKind; options: ColumnOptions; destructive: boolean }[] {
  const type = String(c["type"]);
  const out: { what: AlterKind; options: ColumnOptions; destructive: boolean }[] = [];
  // An array column (PostgreSQL) keeps its element type: the rules below are for scalars.
  if (c["array"]) return [{ what: "nullable", options: { ...c, nullable: !c["nullable"] }, destructive: false }];
  // The integer types the dialect has (PostgreSQL has no tinyint).
  const ladder = INT_LADDER.filter((t) => menu.kind({ type: t }) === "integer");
  const step = ladder.indexOf(type);
  if (step >= 0 && step < ladder.length - 1)
    out.push({ what: "widen", options: { ...c, type: ladder[step + 1] }, destructive: false });
  if (step > 0) out.push({ what: "narrow", options: { ...c, type: ladder[step - 1] }, destructive: true });
  const length = c["length"] as number | undefined;
  if (STRING_LENGTH.includes(type) && length !== undefined) {
    // CHAR and BINARY stop at 255 (MariaDB), the others are kept within what an index can cover.
    const longer = Math.min(length * 2, type === "char" || type === "binary" ? 255 : 500);
    // A longer BINARY pads every value with more zero bytes: its op must say so (silent-data-change).
    if (longer > length) out.push({ what: "widen", options: { ...c, length: longer }, destructive: false });
    // A default the shorter column cannot hold would make v2 a model no server takes: it goes.
    const shorter = Math.floor(length / 2);
    const keepsDefault = typeof c["default"] !== "string" || c["default"].length <= shorter;
    // A fixed-length binary pads its values with zero bytes to the full length: none fits a shorter one.
    if (length >= 2 && type !== "binary")
      out.push({
        what: "narrow",
        options: { ...c, length: shorter, ...(keepsDefault ? {} : { default: undefined }) },
        destructive: true,
      });
  }
  if (type === "decimal" || type === "numeric")
    out.push({
      what: "widen",
      options: { ...c, precision: ((c["precision"] as number) ?? 10) + 2 },
      destructive: false,
    });
  if (type === "varchar" && c["default"] === undefined && !c["charset"] && !c["collation"])
    out.push({ what: "type", options: { ...c, type: "text", length: undefined }, destructive: false });
  if (type === "text" && c["default"] === undefined && !c["charset"] && !c["collation"])
    out.push({ what: "type", options: { ...c, type: "varchar", length: 255 }, destructive: true });
  if ((type === "int" || type === "integer") && !c["unsigned"] && !c["zerofill"] && c["default"] === undefined)
    out.push({ what: "type", options: { ...c, type: "varchar", length: 20 }, destructive: false });
  if (type === "varchar" && c["default"] === undefined && !c["charset"] && !c["collation"])
    out.push({ what: "type", options: { ...c, type: "int", length: undefined }, destructive: true });
  // The dialect menu's type edits: only a widening keeps every value.
  for (const e of menu.edits(c))
    out.push({ what: e.kind === "retype" ? "type" : e.kind, options: e.column, destructive: e.kind !== "widen" });
  const values = c["enum"] as string[] | undefined;
  if (values && (type === "enum" || type === "set")) {
    out.push({ what: "enum", options: { ...c, enum: [...values, "added"] }, destructive: false });
    if (values.length >= 2 && c["default"] !== values.at(-1))
      out.push({ what: "enum", options: { ...c, enum: values.slice(0, -1) }, destructive: true });
  }
  if (columnValue([c, { ...c, nullable: false }], 1, menu) !== undefined)
    out.push({ what: "nullable", options: { ...c, nullable: !c["nullable"] }, destructive: false });
  const d = defaultFor(c);
  if (d !== undefined) {
    const had = c["default"] !== undefined;
    if (had) out.push({ what: "default", options: { ...c, default: undefined }, destructive: false });
    if (!had || c["default"] !== d) out.push({ what: "default", options: { ...c, default: d }, destructive: false });
  }
  return out.map((a) => ({ ...a, options: JSON.parse(JSON.stringify(a.options)) as ColumnOptions }));
}

/** A literal default the column's type takes, for the default edits (undefined: none offered). */
function defaultFor(c: ColumnOptions): unknown {
  const type = String(c["type"]);
  if (c["array"]) return undefined;
  if (INT_LADDER.includes(type) || type === "integer") return 7;
  if (type === "boolean") return c["default"] === true ? false : true;
  if (type === "varchar" && ((c["length"] as number) ?? 255) >= 5) return "d'flt";
  return undefined;
}

/** Whether an edit may touch a column: not the key, not a relation's, nor read by an index, check or expression. */
function freeColumns(t: TableSpec): string[] {
  const used = new Set([
    "id",
    ...t.indices.flatMap((x) => x.columns),
    ...t.checks.flatMap((x) => x.columns),
    ...Object.keys(t.relations).map(joinColumnName),
  ]);
  const expressions = Object.values(t.columns)
    .map((c) => c["asExpression"])
    .filter((x): x is string => typeof x === "string");
  return Object.keys(t.columns).filter(
    (k) =>
      !used.has(k) &&
      t.columns[k]!["asExpression"] === undefined &&
      !expressions.some((x) => new RegExp(`\\b${k}\\b`).test(x)),
  );
}

/**
 * 1–5 random edits of `v1` (each a different table or column, so a rename stays recognisable
 * and every edit's effect is its own), with names prefixed `prefix` for new tables.
 */
export function randomEdits(r: Rng, v1: ModelSpec, menu: ColumnMenu, dialect: DialectName, prefix: string): Edit[] {
  const quote = (s: string) => getDialect(dialect).quote(s);
  const spec = cloneSpec(v1);
  const count = 1 + Math.floor(r.next() * 5);
  const locked = new Set<string>(); // tables renamed, dropped or added
  const touched = new Set<string>(); // table.column
  const edits: Edit[] = [];
  let added = 0;
  for (let attempt = 0; edits.length < count && attempt < 50; attempt++) {
    const open = spec.tables.filter((t) => !locked.has(t.name));
    if (open.length === 0) break;
    const t = r.pick(open);
    const free = freeColumns(t).filter((c) => !touched.has(`${t.name}.${c}`));
    const untouched = ![...touched].some((k) => k.startsWith(`${t.name}.`));
    const referenced = spec.tables.some((x) => Object.values(x.relations).some((rel) => rel.target === t.name));
    const choices: (() => Edit | undefined)[] = [
      () => {
        const options = columnToSpec(menu.column(r));
        if (options["default"] === undefined) options["nullable"] = true;
        delete options["unique"];
        return { kind: "addColumn", table: t.name, column: `n${edits.length}`, options };
      },
      () => (free.length ? { kind: "dropColumn", table: t.name, column: r.pick(free) } : undefined),
      () => {
        const a = free.flatMap((column) => alterations(t.columns[column]!, menu).map((x) => ({ column, ...x })));
        return a.length ? { kind: "alterColumn", table: t.name, ...pickByKind(r, a) } : undefined;
      },
      () => (free.length ? renameColumn(t.name, r.pick(free)) : undefined),
      () => {
        const name = `${prefix}_n${added}`;
        const columns: Record<string, ColumnOptions> = { id: { ...menu.primaryKey(r), primary: true } };
        for (let i = 0; i < 1 + Math.floor(r.next() * 3); i++) columns[`c${i}`] = columnToSpec(menu.column(r));
        return { kind: "addTable", spec: { name, columns, indices: [], relations: {}, checks: [] } };
      },
      () => (untouched && !referenced ? { kind: "dropTable", table: t.name } : undefined),
      () => (untouched ? { kind: "renameTable", table: t.name, to: `${t.name}_r` } : undefined),
      () => {
        const c = free.filter((k) => menu.indexable(t.columns[k]!));
        if (!c.length) return undefined;
        const col = r.pick(c);
        const type = String(t.columns[col]!["type"]);
        const unique = !["boolean", "enum", "set"].includes(type) && r.maybe(0.4);
        return { kind: "addIndex", table: t.name, index: { name: `fx_${t.name}_${col}`, columns: [col], unique } };
      },
      () => (t.indices.length ? { kind: "dropIndex", table: t.name, name: r.pick(t.indices).name } : undefined),
      () => {
        const i = spec.tables.indexOf(t);
        if (i <= 0 || t.relations["link"] || locked.has(spec.tables[i - 1]!.name)) return undefined;
        const relation: RelationSpec = {
          type: "many-to-one",
          target: spec.tables[i - 1]!.name,
          onDelete: r.pick(menu.actions),
          onUpdate: r.pick(menu.actions),
        };
        return { kind: "addRelation", table: t.name, name: "link", relation };
      },
      () => {
        const names = Object.keys(t.relations).filter((n) => !touched.has(`${t.name}.${joinColumnName(n)}`));
        return names.length ? { kind: "dropRelation", table: t.name, name: r.pick(names) } : undefined;
      },
      () => {
        const ints = free.filter((k) => INT_LADDER.includes(String(t.columns[k]!["type"])));
        if (!ints.length) return undefined;
        const col = r.pick(ints);
        return {
          kind: "addCheck",
          table: t.name,
          check: { name: `ck_${t.name}_${col}`, expression: `${quote(col)} >= 0`, columns: [col] },
        };
      },
      () => (t.checks.length ? { kind: "dropCheck", table: t.name, name: r.pick(t.checks).name } : undefined),
    ];
    // Column alterations (types, lengths, NOT NULL, defaults, enum values) weigh as much as four other edits.
    const e = r.pick([...choices, choices[2]!, choices[2]!, choices[2]!])();
    if (!e) continue;
    try {
      applyEdits(spec, [e]);
    } catch (err) {
      if (err instanceof EditMismatch) continue;
      throw err;
    }
    const { v2 } = applyEdits(spec, [e]);
    spec.tables = v2.tables;
    edits.push(e);
    if (e.kind === "addTable") {
      added++;
      locked.add(e.spec.name);
    } else if (e.kind === "dropTable") locked.add(e.table);
    else if (e.kind === "renameTable") locked.add(e.to).add(e.table);
    else if ("column" in e) touched.add(`${e.table}.${e.column}`).add(`${e.table}.${"to" in e ? e.to : e.column}`);
    else if (e.kind === "addIndex") e.index.columns.forEach((c) => touched.add(`${e.table}.${c}`));
    else if (e.kind === "addCheck") e.check.columns.forEach((c) => touched.add(`${e.table}.${c}`));
    else if (e.kind === "dropRelation" || e.kind === "addRelation") touched.add(`${e.table}.${joinColumnName(e.name)}`);
  }
  return edits;
}

/** One of the alterations, its kind drawn first: columns offer NOT NULL and default changes far more often than type ones. */
function pickByKind<T extends { what: AlterKind }>(r: Rng, alterations: T[]): T {
  const what = r.pick([...new Set(alterations.map((a) => a.what))]);
  return r.pick(alterations.filter((a) => a.what === what));
}

function renameColumn(table: string, column: string): Edit {
  return { kind: "renameColumn", table, column, to: `${column}_r` };
}
