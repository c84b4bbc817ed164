import { CommandError } from "@autogen/core";
import type { RenameCandidate, RenameKind } from "./rename-candidate";

/** A parsed `--rename` hint: the candidate it confirms. */
export interface RenameHint extends RenameCandidate {
  /** The hint as given, for the error naming a hint that matched nothing. */
  readonly text: string;
}

const PREFIXES: Readonly<Record<string, RenameKind>> = {
  column: "column",
  table: "table",
  index: "index",
  unique: "unique",
  "foreign-key": "foreign-key",
  fk: "foreign-key",
  "enum-value": "enum-value",
};

const GRAMMAR =
  "TABLE.OLD=NEW (a column), table:OLD=NEW, index:TABLE.OLD=NEW, unique:TABLE.OLD=NEW, fk:TABLE.OLD=NEW or enum-value:ENUM.OLD=NEW";

/**
 * Parses a rename hint. The grammar, `[KIND:]WHERE=NEW`:
 * - `users.fullname=name` (or `column:users.fullname=name`): column `fullname` of `users` is now `name`;
 * - `table:coupons=promo_codes`: table `coupons` is now `promo_codes`;
 * - `index:users.IDX_old=IDX_new`, `unique:users.UQ_old=UQ_new`, `fk:orders.FK_old=FK_new`
 *   (or `foreign-key:`): an index, unique constraint or foreign key of `users` renamed;
 * - `enum-value:mood.sad=unhappy`: value `sad` of PostgreSQL enum type `mood` is now `unhappy`.
 * A table or enum outside the default schema is written `schema.table`. The old name is what
 * follows the last `.` before `=`; the new name is everything after the first `=`.
 *
 * @throws CommandError naming the hint when it does not fit the grammar.
 */
export function parseRenameHint(text: string): RenameHint {
  const bad = (why: string) => new CommandError(`Invalid --rename '${text}': ${why}; expected ${GRAMMAR}`);
  const prefix = /^([a-z-]+):/.exec(text);
  const kind = prefix ? PREFIXES[prefix[1]!] : "column";
  if (kind === undefined) throw bad(`unknown kind '${prefix![1]}'`);
  const body = prefix ? text.slice(prefix[0].length) : text;
  const eq = body.indexOf("=");
  if (eq < 0) throw bad("no '='");
  const where = body.slice(0, eq);
  const to = body.slice(eq + 1);
  if (to === "") throw bad("no new name");
  if (kind === "table") {
    if (where === "") throw bad("no old name");
    return { text, kind, table: where, from: where.slice(where.lastIndexOf(".") + 1), to };
  }
  const dot = where.lastIndexOf(".");
  if (dot <= 0 || dot === where.length - 1)
    throw bad(`'${where}' is not ${kind === "enum-value" ? "ENUM" : "TABLE"}.OLD`);
  return { text, kind, table: where.slice(0, dot), from: where.slice(dot + 1), to };
}

/** Whether the hint confirms the candidate. */
export function hintMatches(h: RenameCandidate, c: RenameCandidate): boolean {
  return h.kind === c.kind && h.table === c.table && h.from === c.from && h.to === c.to;
}
