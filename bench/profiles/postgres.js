// The PostgreSQL data of the autogenerate benchmark (the mechanism is autogenerate-bench.js):
// the model's columns as TypeORM options, DDL and SQLAlchemy columns, and how the other tools
// reach the database.
"use strict";

module.exports = {
  dialect: "postgres",
  label: "PostgreSQL",
  sizesEnv: "AUTOGEN_BENCH_PG_SIZES",
  columns: [
    { name: "title", typeorm: { type: "varchar", length: 100 }, sqlalchemy: "String(100), nullable=False" },
    {
      name: "qty",
      typeorm: { type: "int", default: 0 },
      sqlalchemy: 'Integer, nullable=False, server_default=text("0")',
    },
    {
      name: "price",
      typeorm: { type: "numeric", precision: 10, scale: 2, nullable: true },
      sqlalchemy: "Numeric(10, 2)",
    },
    {
      name: "active",
      typeorm: { type: "boolean", default: true },
      sqlalchemy: 'Boolean, nullable=False, server_default=text("true")',
    },
    {
      name: "created",
      typeorm: { type: "timestamptz", default: () => "now()" },
      sqlalchemy: 'TIMESTAMP(timezone=True), nullable=False, server_default=text("now()")',
    },
    { name: "data", typeorm: { type: "jsonb", nullable: true }, sqlalchemy: "JSONB" },
    { name: "code", typeorm: { type: "varchar", length: 20, unique: true }, sqlalchemy: "String(20), nullable=False" },
    { name: "notes", typeorm: { type: "text", nullable: true }, sqlalchemy: "Text" },
  ],
  /** One table as a person writes it for PostgreSQL (unquoted names fold to lower case: parentId is quoted). */
  ddl: (t, names) => [
    `CREATE TABLE ${t.name} (
  id serial NOT NULL,
  title varchar(100) NOT NULL,
  qty integer NOT NULL DEFAULT 0,
  price numeric(10,2),
  active boolean NOT NULL DEFAULT true,
  created timestamptz NOT NULL DEFAULT now(),
  data jsonb,
  code varchar(20) NOT NULL,
  notes text,
${t.parent ? `  "parentId" integer,\n` : ""}  CONSTRAINT "${names.primaryKey}" PRIMARY KEY (id),
  CONSTRAINT "${names.unique}" UNIQUE (code)${
    t.parent
      ? `,
  CONSTRAINT "${names.foreignKey}" FOREIGN KEY ("parentId") REFERENCES ${t.parent} (id) ON DELETE SET NULL`
      : ""
  }
)`,
    `CREATE INDEX idx_${t.name}_title ON ${t.name} (title)`,
    `CREATE INDEX idx_${t.name}_qty_created ON ${t.name} (qty, created)`,
  ],
  /** Tables per transaction when loading: one transaction for thousands would exceed max_locks_per_transaction. */
  loadBatch: 200,
  // The driver module autogen's connection loads for this URL (see workers/autogen-check.js).
  autogen: { driverModule: "pg" },
  typeorm: { options: (url) => ({ type: "postgres", url }) },
  alembic: {
    driverModule: "psycopg2",
    installHint: "apt-get install python3-alembic python3-psycopg2",
    url: (url) => url.replace(/^postgres:/, "postgresql:"),
    imports: "from sqlalchemy.dialects.postgresql import JSONB, TIMESTAMP",
  },
};
