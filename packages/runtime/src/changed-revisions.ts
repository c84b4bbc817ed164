import type { RevisionMap } from "@autogen/script";
import { revisionFileHash } from "./revision-file-hash";
import type { RevisionsTable } from "./revisions-table";

/** An applied revision whose file no longer hashes as it did when it was applied or stamped. */
export interface ChangedRevision {
  revision: string;
  path: string;
  /** One line naming the revision and its file. */
  message: string;
}

/**
 * The applied revisions whose file changed since (their recorded checksum differs from the
 * file's hash now), sorted by id. Rows without a checksum (written by an older autogen) and
 * revisions no longer in the script directory are not reported. Online only.
 */
export async function changedRevisions(map: RevisionMap, revisions: RevisionsTable): Promise<ChangedRevision[]> {
  const recorded = await revisions.readChecksums();
  const out: ChangedRevision[] = [];
  for (const id of [...recorded.keys()].sort()) {
    const rev = map.byId(id);
    if (!rev || revisionFileHash(rev.path) === recorded.get(id)) continue;
    const name = rev.doc ? `${id} (${rev.doc})` : id;
    out.push({
      revision: id,
      path: rev.path,
      message:
        `Revision ${name} was changed after it was applied to this database: ${rev.path} no longer matches ` +
        "the checksum recorded when it ran, so the database holds what the old file did " +
        "(reformatting and comments do not count)",
    });
  }
  return out;
}
