// The SQLite data of the autogenerate benchmark (the mechanism is autogenerate-bench.js): the
// model's columns as TypeORM options, DDL and SQLAlchemy columns, and how the other tools reach
// the database file (TypeORM through better-sqlite3, SQLAlchemy through Python's sqlite3).
"use strict";

/** The file path of a sqlite:///... URL (an absolute path: sqlite:////tmp/x.db). */
const filePath = (url) => url.replace(/^sqlite:\/\//, "");

module.exports = {
  dialect: "sqlite",
  label: "SQLite",
  sizesEnv: "AUTOGEN_BENCH_SQLITE_SIZES",
  columns: [
    { name: "title", typeorm: { type: "varchar", length: 100 }, sqlalchemy: "String(100), nullable=False" },
    {
      name: "qty",
      typeorm: { type: "integer", default: 0 },
      sqlalchemy: 'Integer, nullable=False, server_default=text("0")',
    },
    {
      name: "price",
      typeorm: { type: "decimal", precision: 10, scale: 2, nullable: true },
      sqlalchemy: "Numeric(10, 2)",
    },
    {
      name: "active",
      typeorm: { type: "boolean", default: true },
      sqlalchemy: 'Boolean(create_constraint=False), nullable=False, server_default=text("1")',
    },
    {
      name: "created",
      typeorm: { type: "datetime", default: () => "datetime('now')" },
      sqlalchemy: "DateTime, nullable=False, server_default=text(\"(datetime('now'))\")",
    },
    { name: "data", typeorm: { type: "simple-json", nullable: true }, sqlalchemy: "Text" },
    { name: "code", typeorm: { type: "varchar", length: 20, unique: true }, sqlalchemy: "String(20), nullable=False" },
    { name: "notes", typeorm: { type: "text", nullable: true }, sqlalchemy: "Text" },
  ],
  /** One table as a person writes it for SQLite: keys inside CREATE TABLE, indexes after. */
  ddl: (t, names) => [
    `CREATE TABLE ${t.name} (
  id integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  title varchar(100) NOT NULL,
  qty integer NOT NULL DEFAULT 0,
  price decimal(10,2),
  active boolean NOT NULL DEFAULT 1,
  created datetime NOT NULL DEFAULT (datetime('now')),
  data text,
  code varchar(20) NOT NULL,
  notes text,
${t.parent ? `  parentId integer,\n` : ""}  CONSTRAINT "${names.unique}" UNIQUE (code)${
      t.parent
        ? `,
  CONSTRAINT "${names.foreignKey}" FOREIGN KEY (parentId) REFERENCES ${t.parent} (id) ON DELETE SET NULL`
        : ""
    }
)`,
    `CREATE INDEX idx_${t.name}_title ON ${t.name} (title)`,
    `CREATE INDEX idx_${t.name}_qty_created ON ${t.name} (qty, created)`,
  ],
  loadBatch: 1000,
  // The driver module autogen's connection loads for this URL (see workers/autogen-check.js).
  autogen: { driverModule: "sqlite3" },
  typeorm: { options: (url) => ({ type: "better-sqlite3", database: filePath(url) }) },
  alembic: {
    driverModule: "sqlite3",
    installHint: "apt-get install python3-alembic",
    url: (url) => url.replace(/^sqlite:/, "sqlite:"),
    imports: "",
  },
};
