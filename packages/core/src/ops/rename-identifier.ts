/** One identifier token: double-quoted, backquoted, bracketed, or a bare word. */
const TOKEN = /'(?:[^']|'')*'|"((?:[^"]|"")*)"|`((?:[^`]|``)*)`|\[([^\]]*)\]|([A-Za-z_][\w$]*)/g;

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
    if (dq !== undefined) return dq.replaceAll('""', '"') === from ? `"${to.replaceAll('"', '""')}"` : token;
    if (bq !== undefined) return bq.replaceAll("``", "`") === from ? `\`${to.replaceAll("`", "``")}\`` : token;
    if (br !== undefined) return br === from ? `[${to}]` : token;
    if (bare !== undefined && bare === from)
      return bareOk ? to : `${quoteChar}${to.replaceAll(quoteChar, quoteChar + quoteChar)}${quoteChar}`;
    return token;
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
    const [, dq, bq, br, bare] = m;
    const id = dq?.replaceAll('""', '"') ?? bq?.replaceAll("``", "`") ?? br ?? bare;
    if (id !== undefined && id.toLowerCase() === wanted) return true;
  }
  return false;
}
