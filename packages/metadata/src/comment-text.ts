/**
 * A table or column comment as TypeORM writes it: its query runners drop NUL characters
 * ("Null bytes aren't allowed in comments"; PostgreSQL text cannot hold one at all). An empty
 * or missing comment is no comment.
 */
export function commentText(comment: string | undefined | null): string | null {
  const text = comment?.replaceAll("\u0000", "") ?? "";
  return text === "" ? null : text;
}
