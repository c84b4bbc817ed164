/**
 * Which column type changes PostgreSQL makes on its own and which need `USING`. Without USING,
 * ALTER COLUMN ... TYPE converts with an assignment cast
 * (https://www.postgresql.org/docs/current/sql-altertable.html, "SET DATA TYPE"); where none
 * exists (text → integer, text → uuid, boolean → integer, anything → enum) PostgreSQL refuses:
 * "column cannot be cast automatically to type ...". The families below follow pg_cast's
 * implicit and assignment entries (https://www.postgresql.org/docs/current/catalog-pg-cast.html),
 * plus the rule that any type converts to a string type by assignment (I/O conversion).
 */

const STRING = new Set(["varchar", "char", "text", "bpchar", "name", "citext"]);
const NUMBER = new Set(["smallint", "integer", "bigint", "numeric", "real", "double precision", "money"]);
const FAMILIES: readonly ReadonlySet<string>[] = [
  NUMBER,
  new Set(["date", "timestamp", "timestamptz"]),
  new Set(["time", "timetz", "interval"]),
  new Set(["json", "jsonb"]),
  new Set(["bit", "varbit"]),
  new Set(["inet", "cidr"]),
];
/** Built-in base types: anything else is a user type (an enum, a domain), cast through text. */
const BUILTIN = new Set([
  ...STRING,
  ...FAMILIES.flatMap((f) => [...f]),
  "boolean",
  "bytea",
  "uuid",
  "xml",
  "macaddr",
  "macaddr8",
  "tsvector",
  "tsquery",
  "point",
  "line",
  "lseg",
  "box",
  "path",
  "polygon",
  "circle",
]);

interface TypeShape {
  readonly base: string;
  readonly array: boolean;
}

/** `varchar(50)` → varchar; `timestamptz(3)[]` → timestamptz, array. Canonical type text in. */
function shape(type: string): TypeShape {
  const array = /\[\]$/.test(type);
  const base = type
    .replace(/(\[\])+$/, "")
    .replace(/\(.*\)$/, "")
    .trim();
  return { base, array };
}

function assignable(from: string, to: string): boolean {
  if (from === to || STRING.has(to)) return true;
  return FAMILIES.some((f) => f.has(from) && f.has(to));
}

/**
 * The USING expression ALTER COLUMN `column` TYPE `to` needs when the column is `from` now, or
 * null when PostgreSQL converts by itself. A user type (an enum) goes through text, since enums
 * cast only to and from strings: `"state"::text::"new_state"`.
 */
export function postgresUsingCast(quotedColumn: string, from: string, to: string): string | null {
  const f = shape(from);
  const t = shape(to);
  if (f.array === t.array && assignable(f.base, t.base)) return null;
  const viaText = !BUILTIN.has(f.base) && !STRING.has(t.base) ? `::text${f.array ? "[]" : ""}` : "";
  return `${quotedColumn}${viaText}::${to}`;
}
