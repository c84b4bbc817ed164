/** One identifier token: double-quoted, backquoted, bracketed, or a bare word. */
const TOKEN = /'(?:[^']|'')*'|"((?:[^"]|"")*)"|`((?:[^`]|``)*)`|\[([^\]]*)\]|([A-Za-z_][\w$]*)/g;

/** The name a TOKEN match stands for, unquoted; undefined for a string literal. */
function identifierOf(dq?: string, bq?: string, br?: string, bare?: string): string | undefined {
  return dq?.replaceAll('""', '"') ?? bq?.replaceAll("``", "`") ?? br ?? bare;
}

/**
 * The SQL text `sql` with the column `from` named `to`, as a database rewrites a CHECK
 * expression when the column is renamed: every quoted or bare identifier token equal to `from`
 * (string literals are left alone) takes the new name, in the same quotes. A bare word is only
 * replaced by a bare word; a new name that needs quotes gets the expression's quote character.
 */
export function renameIdentifier(sql: string, from: string, to: string): string {
  const bareOk = /^[A-Za-z_][\w$]*$/.test(to);
  const quoteChar = sql.includes("`") ? "`" : '"';
  return sql.replace(TOKEN, (token: string, dq?: string, bq?: string, br?: string, bare?: string) => {
    if (identifierOf(dq, bq, br, bare) !== from) return token;
    if (dq !== undefined) return `"${to.replaceAll('"', '""')}"`;
    if (bq !== undefined) return `\`${to.replaceAll("`", "``")}\``;
    if (br !== undefined) return `[${to}]`;
    return bareOk ? to : `${quoteChar}${to.replaceAll(quoteChar, quoteChar + quoteChar)}${quoteChar}`;
  });
}

/**
 * Whether the SQL text `sql` names the column `name` as an identifier token (quoted or bare;
 * string literals do not count), compared case-insensitively as MySQL and SQLite compare column
 * names: the question "does this CHECK expression read the column", answered on the safe side.
 */
export function mentionsIdentifier(sql: string, name: string): boolean {
  const wanted = name.toLowerCase();
  for (const m of sql.matchAll(TOKEN)) {
    const id = identifierOf(m[1], m[2], m[3], m[4]);
    if (id !== undefined && id.toLowerCase() === wanted) return true;
  }
  return false;
}
