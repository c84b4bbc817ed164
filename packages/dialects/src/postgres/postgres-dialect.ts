import type { Dialect } from "../dialect";
import { postgresServerDatabases } from "./postgres-server-databases";
import { postgresAdapter } from "./postgres-adapter";
import { postgresCanonical } from "./postgres-canonical";
import { postgresRiskRules } from "./postgres-risks";
import { PostgresDdlCompiler } from "./postgres-ddl-compiler";
import { postgresRequiredExtensions } from "./postgres-extensions";
import { withoutUniquesRepeatingPrimaryKey } from "./postgres-redundant-uniques";
import { postgresSyntax } from "./postgres-syntax";
import { postgresArrayLiteral } from "./postgres-array-literal";

/** Everything autogen knows about PostgreSQL. */
export const postgresDialect: Dialect = Object.freeze({
  name: "postgres",
  adapter: postgresAdapter,
  canonical: postgresCanonical,
  risks: postgresRiskRules,
  createDdlCompiler: () => new PostgresDdlCompiler(),
  quote: postgresSyntax.quote,
  literal: postgresSyntax.literal,
  arrayLiteral: postgresArrayLiteral,
  serverDatabases: postgresServerDatabases,
  requiredExtensions: postgresRequiredExtensions,
  completeTable: withoutUniquesRepeatingPrimaryKey,
});
