import type { Dialect } from "../dialect";
import { mysqlServerDatabases } from "./mysql-server-databases";
import { mysqlAdapter } from "./mysql-adapter";
import { autoIncrementChangesTogether, withAutoIncrementKeys } from "./mysql-auto-increment-key";
import { mysqlEnforcesChecks } from "./mysql-checks";
import { mysqlCanonical } from "./mysql-canonical";
import { mysqlRiskRules } from "./mysql-risks";
import { MysqlDdlCompiler } from "./mysql-ddl-compiler";
import { mysqlSyntax } from "./mysql-syntax";

/** Everything autogen knows about MySQL and MariaDB. */
export const mysqlDialect: Dialect = Object.freeze({
  name: "mysql",
  adapter: mysqlAdapter,
  canonical: mysqlCanonical,
  risks: mysqlRiskRules,
  createDdlCompiler: () => new MysqlDdlCompiler(),
  quote: mysqlSyntax.quote,
  literal: mysqlSyntax.literal,
  completeTable: withAutoIncrementKeys,
  tableChanges: autoIncrementChangesTogether,
  enforcesChecks: mysqlEnforcesChecks,
  serverDatabases: mysqlServerDatabases,
});
