// The MariaDB/MySQL data of the autogenerate benchmark (the mechanism is autogenerate-bench.js):
// the model's columns as TypeORM options, DDL and SQLAlchemy columns, and how the other tools
// reach the database (TypeORM as a `mariadb` DataSource, SQLAlchemy through PyMySQL).
"use strict";

module.exports = {
  dialect: "mysql",
  label: "MariaDB",
  sizesEnv: "AUTOGEN_BENCH_MYSQL_SIZES",
  columns: [
    { name: "title", typeorm: { type: "varchar", length: 100 }, sqlalchemy: "String(100), nullable=False" },
    {
      name: "qty",
      typeorm: { type: "int", default: 0 },
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
      typeorm: { type: "datetime", precision: 6, default: () => "CURRENT_TIMESTAMP(6)" },
      sqlalchemy: 'DATETIME(fsp=6), nullable=False, server_default=text("CURRENT_TIMESTAMP(6)")',
    },
    { name: "data", typeorm: { type: "json", nullable: true }, sqlalchemy: "JSON" },
    { name: "code", typeorm: { type: "varchar", length: 20, unique: true }, sqlalchemy: "String(20), nullable=False" },
    { name: "notes", typeorm: { type: "text", nullable: true }, sqlalchemy: "Text" },
  ],
  /** One table as a person writes it for MariaDB: BOOLEAN, JSON, keys inside CREATE TABLE. */
  ddl: (t, names) => [
    `CREATE TABLE ${t.name} (
  id int NOT NULL AUTO_INCREMENT,
  title varchar(100) NOT NULL,
  qty int NOT NULL DEFAULT 0,
  price decimal(10,2) NULL,
  active boolean NOT NULL DEFAULT TRUE,
  created datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  data json NULL,
  code varchar(20) NOT NULL,
  notes text NULL,
${t.parent ? `  parentId int NULL,\n` : ""}  PRIMARY KEY (id),
  UNIQUE KEY ${names.uniqueIndex} (code),
  KEY idx_${t.name}_title (title),
  KEY idx_${t.name}_qty_created (qty, created)${
    t.parent
      ? `,
  CONSTRAINT ${names.foreignKey} FOREIGN KEY (parentId) REFERENCES ${t.parent} (id) ON DELETE SET NULL`
      : ""
  }
) ENGINE=InnoDB`,
  ],
  // The driver module autogen's connection loads for this URL (see workers/autogen-check.js).
  autogen: { driverModule: "mysql2" },
  typeorm: { options: (url) => ({ type: "mariadb", url: url.replace(/^mysql:/, "mariadb:") }) },
  alembic: {
    driverModule: "pymysql",
    installHint: "apt-get install python3-alembic python3-pymysql",
    url: (url) => url.replace(/^mysql:/, "mysql+pymysql:"),
    imports: "from sqlalchemy.dialects.mysql import DATETIME",
  },
};
