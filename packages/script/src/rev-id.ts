import { randomUUID } from "node:crypto";

/** A new revision id: the last 12 hex characters of a random UUID, like Alembic's `uuid4().hex[-12:]`. */
export function generateRevId(): string {
  return randomUUID().replace(/-/g, "").slice(-12);
}
