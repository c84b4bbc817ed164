import { Index, IndexElement, QualifiedName, Table, type Schema } from "@autogen/core";
import { mapKeepingIdentity, mapTables } from "../map-keeping-identity";

/** Column types a key part always takes a prefix of: BLOB and TEXT (and MariaDB's json, a longtext). */
const BLOB_OR_TEXT = /^(?:tiny|medium|long)?(?:blob|text)$|^json$/;
/** InnoDB's key length limit, in bytes (DYNAMIC and COMPRESSED rows, the default since MySQL 5.7 and MariaDB 10.2). */
const KEY_LIMIT_BYTES = 3072;

/**
 * Whether the server picks a prefix for a key part on a column of this (canonical) type when
 * the index names none: always on BLOB and TEXT (MariaDB takes the longest that fits, MySQL
 * refuses), and on strings that may be longer than the key limit at 4 bytes a character
 * (MariaDB shortens them to it, with a note).
 */
function serverPicksPrefix(type: string): boolean {
  if (BLOB_OR_TEXT.test(type)) return true;
  const length = /^(?:var)?(?:char|binary)\((\d+)\)/.exec(type)?.[1];
  return length !== undefined && Number(length) * 4 > KEY_LIMIT_BYTES;
}

/**
 * The model's indexes as the database holds them where the server filled in what the model
 * leaves out. TypeORM cannot give a key part a prefix length, so an index on a TEXT column (or
 * a long VARCHAR) has none in the model, while MariaDB gives it one (`text` → 768 characters);
 * and MariaDB makes a UNIQUE key over BLOB/TEXT a "long unique" HASH index. Without this step
 * such an index would be dropped and created again by every autogenerate. Only an index of the
 * same name, on the same columns, in a table the database has, is resolved, and only on key
 * parts the server must have chosen: a prefix the model does give is compared as it is.
 */
export function resolveImplicitKeyParts(target: Schema, reflected: Schema): Schema {
  const reflectedTables = new Map(reflected.tables.map((t) => [QualifiedName.key(t), t]));
  return mapTables(target, (t) => {
    if (t.indexes.length === 0) return t;
    // Most tables have no column the server would take a prefix of: they are left at once.
    const prefixed = new Set<string>();
    for (const c of t.columns) if (serverPicksPrefix(c.type)) prefixed.add(c.name);
    if (prefixed.size === 0) return t;
    const existing = reflectedTables.get(QualifiedName.key(t));
    if (!existing) return t;
    const implicit = (e: IndexElement) => e.column !== null && e.length === null && prefixed.has(e.column);
    const indexes = mapKeepingIdentity(t.indexes, (i) => {
      const held = existing.indexes.find((x) => x.name === i.name);
      if (!held || !i.elements.some(implicit) || !sameColumns(i, held)) return i;
      const elements = i.elements.map((e, k) =>
        implicit(e) && held.elements[k]!.length !== null
          ? IndexElement.column(e.column!, { ...e, length: held.elements[k]!.length })
          : e,
      );
      const using = i.unique && i.using === null && held.using === "hash" ? "hash" : i.using;
      if (using === i.using && elements.every((e, k) => e === i.elements[k])) return i;
      return Index.create(i.name, elements, { unique: i.unique, where: i.where, using, include: i.include });
    });
    return indexes === t.indexes ? t : Table.cloneWith(t, { indexes });
  });
}

function sameColumns(a: Index, b: Index): boolean {
  return (
    a.elements.length === b.elements.length &&
    a.elements.every((e, k) => e.column !== null && e.column === b.elements[k]!.column)
  );
}
