import type { Dialect } from "../dialect";
import { sqliteAdapter } from "./sqlite-adapter";
import { checkAutoIncrement } from "./sqlite-auto-increment";
import { sqliteCanonical } from "./sqlite-canonical";
import { sqliteRiskRules } from "./sqlite-risks";
import { SqliteDdlCompiler } from "./sqlite-ddl-compiler";
import { sqliteSyntax } from "./sqlite-syntax";

/** Everything autogen knows about SQLite. */
export const sqliteDialect: Dialect = Object.freeze({
  name: "sqlite",
  adapter: sqliteAdapter,
  canonical: sqliteCanonical,
  risks: sqliteRiskRules,
  createDdlCompiler: () => new SqliteDdlCompiler(),
  quote: sqliteSyntax.quote,
  literal: sqliteSyntax.literal,
  completeTable: checkAutoIncrement,
});
