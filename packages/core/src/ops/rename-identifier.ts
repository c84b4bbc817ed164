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
