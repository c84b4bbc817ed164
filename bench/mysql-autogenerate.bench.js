// Autogenerate on MariaDB/MySQL (no change) on 100, 500 and 1,000 synthetic tables, against
// TypeORM's log() (a DataSource of type mariadb) and Alembic's compare_metadata (SQLAlchemy +
// PyMySQL): the data of the MySQL run; the mechanism is autogenerate-bench.js.
// Env: AUTOGEN_BENCH_MYSQL_SIZES (default "100,500,1000"), AUTOGEN_TEST_MYSQL_URL (the server).
"use strict";
const { autogenerateBench } = require("./autogenerate-bench");

module.exports = autogenerateBench({
  dialect: "mysql",
  label: "MariaDB/MySQL",
  sizesEnv: "AUTOGEN_BENCH_MYSQL_SIZES",
  columns: {
    id: { type: Number, primary: true, generated: "increment" },
    title: { type: "varchar", length: 100 },
    qty: { type: "int", default: 0 },
    price: { type: "decimal", precision: 10, scale: 2, nullable: true },
    active: { type: "boolean", default: true },
    created: { type: "datetime", precision: 6, default: () => "CURRENT_TIMESTAMP(6)" },
    data: { type: "json", nullable: true },
    code: { type: "varchar", length: 20, unique: true },
    notes: { type: "text", nullable: true },
  },
  typeormType: "mariadb",
  typeormUrl: (url) => url.replace(/^mysql:/, "mariadb:"),
  alembic: {
    driverModule: "pymysql",
    installHint: "apt-get install python3-alembic python3-sqlalchemy python3-pymysql",
    url: (url) => url.replace(/^mysql:/, "mysql+pymysql:"),
    imports: "from sqlalchemy.dialects.mysql import DATETIME",
    columns: [
      `Column("id", Integer, primary_key=True, autoincrement=True)`,
      `Column("title", String(100), nullable=False)`,
      `Column("qty", Integer, nullable=False, server_default=text("0"))`,
      `Column("price", Numeric(10, 2), nullable=True)`,
      `Column("active", Boolean(create_constraint=False), nullable=False, server_default=text("1"))`,
      `Column("created", DATETIME(fsp=6), nullable=False, server_default=text("CURRENT_TIMESTAMP(6)"))`,
      `Column("data", JSON, nullable=True)`,
      `Column("code", String(20), nullable=False)`,
      `Column("notes", Text, nullable=True)`,
    ],
  },
});
