/*
 * Schemas written as plain DDL (by hand, or by another tool), not by autogen nor TypeORM, are
 * checked empty against entities that describe them: BOOLEAN, int(11), float defaults, views,
 * generated columns and CHECK constraints, each in the spelling people write and the server
 * then reports in its own.
 */
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { test, type TestContext } from "node:test";
import { Check, Column, DataSource, Entity, PrimaryGeneratedColumn, ViewColumn, ViewEntity } from "typeorm";
import { command, defineConfig } from "autogen";
import type { DialectName } from "@autogen/dialects";
import { tempDir, useDatabase, type FreshDatabase } from "@autogen/dialects/testing";

@Entity("account")
@Check("CHK_account_balance", "balance >= 0")
class MysqlAccount {
  @PrimaryGeneratedColumn({ type: "int" }) id!: number;
  @Column({ type: "boolean", default: true }) active!: boolean;
  @Column({ type: "float", default: 3.5 }) score!: number;
  @Column({ type: "double", default: 0.25 }) ratio!: number;
  @Column({ type: "double", default: 1e21 }) huge!: number;
  @Column({ name: "first_name", length: 50 }) firstName!: string;
  @Column({ name: "last_name", length: 50 }) lastName!: string;
  @Column({
    name: "full_name",
    type: "varchar",
    length: 101,
    asExpression: "concat(`first_name`,' ',`last_name`)",
    generatedType: "VIRTUAL",
    nullable: true,
  })
  fullName!: string;
  @Column({ type: "int", default: 0 }) balance!: number;
  @Column({ type: "smallint", unsigned: true, default: 1 }) level!: number;
}

@ViewEntity({ name: "active_account", expression: "SELECT id, first_name FROM account WHERE active = 1" })
class MysqlActiveAccount {
  @ViewColumn() id!: number;
  @ViewColumn({ name: "first_name" }) firstName!: string;
}

const MYSQL_DDL = [
  `CREATE TABLE account (
    id int(11) NOT NULL AUTO_INCREMENT,
    active BOOLEAN NOT NULL DEFAULT 1,
    score float NOT NULL DEFAULT 3.5,
    ratio double NOT NULL DEFAULT 0.25,
    huge double NOT NULL DEFAULT 1e21,
    first_name varchar(50) NOT NULL,
    last_name varchar(50) NOT NULL,
    full_name varchar(101) AS (CONCAT(first_name, ' ', last_name)) VIRTUAL,
    balance int(11) NOT NULL DEFAULT 0,
    level smallint(5) unsigned NOT NULL DEFAULT 1,
    PRIMARY KEY (id),
    CONSTRAINT CHK_account_balance CHECK (balance >= 0)
  ) ENGINE=InnoDB`,
  "CREATE VIEW active_account AS SELECT id, first_name FROM account WHERE active = 1",
];

@Entity("account")
@Check("CHK_account_balance", `"balance" >= 0`)
class PostgresAccount {
  @PrimaryGeneratedColumn({ primaryKeyConstraintName: "account_pkey" }) id!: number;
  @Column({ type: "boolean", default: true }) active!: boolean;
  @Column({ type: "real", default: 3.5 }) score!: number;
  @Column({ name: "first_name", length: 50 }) firstName!: string;
  @Column({ name: "last_name", length: 50 }) lastName!: string;
  @Column({
    name: "full_name",
    type: "varchar",
    length: 101,
    asExpression: `"first_name" || ' ' || "last_name"`,
    generatedType: "STORED",
    nullable: true,
  })
  fullName!: string;
  @Column({ type: "int", default: 0 }) balance!: number;
}

@ViewEntity({ name: "active_account", expression: "SELECT id, first_name FROM account WHERE active" })
class PostgresActiveAccount {
  @ViewColumn() id!: number;
  @ViewColumn({ name: "first_name" }) firstName!: string;
}

const POSTGRES_DDL = [
  `CREATE TABLE account (
    id SERIAL PRIMARY KEY,
    active BOOLEAN NOT NULL DEFAULT TRUE,
    score REAL NOT NULL DEFAULT 3.5,
    first_name VARCHAR(50) NOT NULL,
    last_name VARCHAR(50) NOT NULL,
    full_name VARCHAR(101) GENERATED ALWAYS AS (first_name || ' ' || last_name) STORED,
    balance INT NOT NULL DEFAULT 0,
    CONSTRAINT "CHK_account_balance" CHECK (balance >= 0)
  )`,
  "CREATE VIEW active_account AS SELECT id, first_name FROM account WHERE active",
];

const CASES: { dialect: DialectName; type: string; entities: Function[]; ddl: string[] }[] = [
  { dialect: "mysql", type: "mariadb", entities: [MysqlAccount, MysqlActiveAccount], ddl: MYSQL_DDL },
  { dialect: "postgres", type: "postgres", entities: [PostgresAccount, PostgresActiveAccount], ddl: POSTGRES_DDL },
];

async function checkAgainst(t: TestContext, db: FreshDatabase, type: string, entities: Function[]) {
  const scriptLocation = tempDir("plain-ddl");
  fs.mkdirSync(path.join(scriptLocation, "versions"));
  t.after(() => fs.rmSync(scriptLocation, { recursive: true, force: true }));
  const dataSource = new DataSource({ type: type as "postgres", entities });
  return command.check(defineConfig({ scriptLocation, url: db.url, dataSource }));
}

for (const c of CASES) {
  test(`${c.dialect}: a schema written as plain DDL checks empty against its entities`, async (t) => {
    const db = await useDatabase(t, c.dialect);
    if (!db) return;
    const conn = await db.connect();
    try {
      for (const sql of c.ddl) await conn.query(sql);
    } finally {
      await conn.close();
    }
    const result = await checkAgainst(t, db, c.type, c.entities);
    assert.deepEqual(result.ops.upgradeOps.ops, [], "no phantom ops on a hand-written schema");
    assert.equal(result.upToDate, true);
  });
}
