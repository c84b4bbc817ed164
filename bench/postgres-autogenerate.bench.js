// Autogenerate on PostgreSQL (no change) on 100, 500 and 1,000 synthetic tables, against
// TypeORM's log() and Alembic's compare_metadata: the data of the PostgreSQL run; the mechanism
// is autogenerate-bench.js. Env: AUTOGEN_BENCH_PG_SIZES (default "100,500,1000").
"use strict";
const { autogenerateBench } = require("./autogenerate-bench");

module.exports = autogenerateBench({
  dialect: "postgres",
  label: "PostgreSQL",
  sizesEnv: "AUTOGEN_BENCH_PG_SIZES",
  // One transaction creating 1,000 tables with their indexes and keys would need more locks
  // than max_locks_per_transaction allows by default: 200 tables per revision.
  loadChunk: 200,
  columns: {
    id: { type: Number, primary: true, generated: "increment" },
    title: { type: "varchar", length: 100 },
    qty: { type: "int", default: 0 },
    price: { type: "numeric", precision: 10, scale: 2, nullable: true },
    active: { type: "boolean", default: true },
    created: { type: "timestamptz", default: () => "now()" },
    data: { type: "jsonb", nullable: true },
    code: { type: "varchar", length: 20, unique: true },
    notes: { type: "text", nullable: true },
  },
  typeormType: "postgres",
  typeormUrl: (url) => url,
  alembic: {
    driverModule: "psycopg2",
    installHint: "apt-get install python3-alembic python3-sqlalchemy python3-psycopg2",
    url: (url) => url.replace(/^postgres:/, "postgresql:"),
    imports: "from sqlalchemy.dialects.postgresql import JSONB, TIMESTAMP",
    columns: [
      `Column("id", Integer, primary_key=True)`,
      `Column("title", String(100), nullable=False)`,
      `Column("qty", Integer, nullable=False, server_default=text("0"))`,
      `Column("price", Numeric(10, 2), nullable=True)`,
      `Column("active", Boolean, nullable=False, server_default=text("true"))`,
      `Column("created", TIMESTAMP(timezone=True), nullable=False, server_default=text("now()"))`,
      `Column("data", JSONB, nullable=True)`,
      `Column("code", String(20), nullable=False)`,
      `Column("notes", Text, nullable=True)`,
    ],
  },
});
