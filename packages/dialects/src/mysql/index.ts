export { mysqlDialect } from "./mysql-dialect";
export { mysqlAdapter, mysqlLockName } from "./mysql-adapter";
export { mysqlCanonical, mysqlCharsetName } from "./mysql-canonical";
export { MysqlDdlCompiler } from "./mysql-ddl-compiler";
export { mysqlServerDatabases } from "./mysql-server-databases";
export { mysqlRiskRules } from "./mysql-risks";
export { mysqlEnforcesChecks } from "./mysql-checks";
