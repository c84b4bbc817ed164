/** The version table's default name (docs/revision-files.md): one row per current head, like alembic_version. */
export const DEFAULT_VERSION_TABLE = "autogen_version";

/**
 * The table next to the version table that records each revision's run (started, applied), named
 * after it: `autogen_version_revisions`, or `<versionTable>_revisions` for a custom one, in the
 * same schema. It is bookkeeping like the version table: never part of a diff.
 */
export function revisionsTableName(versionTable: string = DEFAULT_VERSION_TABLE): string {
  return `${versionTable}_revisions`;
}
