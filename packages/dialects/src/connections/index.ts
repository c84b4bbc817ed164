export { type DatabaseUrl, parseUrl, formatUrl, maskUrl } from "./database-url";
export { type ConnectOptions, connect } from "./connect";
export { wrapConnection } from "./wrap-connection";
export type { SqliteDriverName } from "./driver-modules";
export { SQLITE_BUSY_TIMEOUT_MS } from "./sqlite-statements";
export { explainPgliteFailure } from "./pglite-session";
export { MEMORY_FILENAME } from "./database-url";
