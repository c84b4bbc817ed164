/**
 * Text inside a revision file's `/** ... *\/` header. A message holding `*\/` would end the
 * comment early, so the renderer writes it as `*\\/` and the header parser reads it back; a
 * `*` already followed by backslashes and `/` gets one backslash more, so every text survives
 * the round trip unchanged.
 */
export function escapeDocCommentText(text: string): string {
  return text.replace(/\*(\\*)\//g, "*\\$1/");
}

/** The inverse of {@link escapeDocCommentText}: what the user wrote, as `history` shows it. */
export function unescapeDocCommentText(text: string): string {
  return text.replace(/\*\\(\\*)\//g, "*$1/");
}
