/** Hand-built ops, one or more per op kind, shared by the renderer tests. */
import {
  RenameConstraintOp,
  RenameEnumValueOp,
  RenameIndexOp,
  AddColumnOp,
  AddEnumValueOp,
  RecreateEnumOp,
  CreateExtensionOp,
  DropExtensionOp,
  AlterColumnOp,
  BatchAlterTableOp,
  BulkInsertOp,
  CheckConstraint,
  Column,
  CreateCheckConstraintOp,
  CreateExclusionConstraintOp,
  ExclusionConstraint,
  CreateEnumOp,
  CreateForeignKeyOp,
  CreateIndexOp,
  CreatePrimaryKeyOp,
  CreateSchemaOp,
  CreateTableCommentOp,
  CreateTableOp,
  CreateUniqueConstraintOp,
  DropColumnOp,
  DropConstraintOp,
  DropEnumOp,
  DropIndexOp,
  DropSchemaOp,
  CreateViewOp,
  DropViewOp,
  ReplaceViewOp,
  DropTableCommentOp,
  DropTableOp,
  Enum,
  ExecuteSQLOp,
  ForeignKey,
  Index,
  IndexElement,
  ModifyTableOps,
  PrimaryKey,
  QualifiedName,
  RenameTableOp,
  Table,
  UniqueConstraint,
} from "@autogen/core";

export const accounts = QualifiedName.create("accounts");
export const billingAccounts = QualifiedName.create("accounts", "billing");

export const accountTable = Table.create(
  "account",
  [
    Column.create("id", "integer", { nullable: false, autoIncrement: true }),
    Column.create("name", "varchar(50)", { nullable: false, default: "'anon'" }),
    Column.create("owner_id", "integer"),
    Column.create("created_at", "timestamp", { nullable: false, default: "now()", comment: "row creation" }),
  ],
  {
    primaryKey: PrimaryKey.create(["id"]),
    uniques: [UniqueConstraint.create(["name"], "UQ_account_name")],
    foreignKeys: [
      ForeignKey.create({
        name: "FK_account_owner",
        columns: ["owner_id"],
        refTable: "user",
        refColumns: ["id"],
        onDelete: "CASCADE",
      }),
    ],
    checks: [CheckConstraint.create("length(name) > 0", "CK_account_name")],
    indexes: [
      Index.create("IDX_account_owner", [
        IndexElement.column("owner_id"),
        IndexElement.column("created_at", { descending: true }),
      ]),
    ],
    comment: "bank accounts",
  },
);

export const overdrawn = Column.create("overdrawn", "boolean");
export const nameIndex = Index.create("IDX_name", [IndexElement.column("name")], {
  unique: true,
  where: "name IS NOT NULL",
});
export const ownerFk = ForeignKey.create({
  name: "FK_x",
  columns: ["owner_id"],
  refTable: "user",
  refColumns: ["id"],
  onDelete: "SET NULL",
  deferrable: true,
  initially: "DEFERRED",
});
export const moodEnum = Enum.create("mood", ["sad", "ok", "happy"]);

export const narrowing = AlterColumnOp.create(
  accounts,
  "name",
  { type: "varchar(20)" },
  { type: "varchar(50)", nullable: false, default: null, comment: null, autoIncrement: false },
  {
    warning:
      "narrowing type change on accounts.name from varchar(50) to varchar(20): existing values may be truncated or rejected",
  },
);

/** One representative op per built-in kind, with the line(s) it must render to. */
export const GOLDEN: { name: string; op: import("@autogen/core").OpNode; expected: string[] }[] = [
  {
    name: "CreateTableOp",
    op: CreateTableOp.create(accountTable),
    expected: [
      "await op.createTable(",
      '  "account",',
      "  [",
      '    { name: "id", type: "integer", nullable: false, autoIncrement: true },',
      '    { name: "name", type: "varchar(50)", nullable: false, default: "\'anon\'" },',
      '    { name: "owner_id", type: "integer", nullable: true },',
      '    { name: "created_at", type: "timestamp", nullable: false, default: "now()", comment: "row creation" },',
      "  ],",
      "  {",
      '    primaryKey: { columns: ["id"] },',
      "    uniques: [",
      '      { name: "UQ_account_name", columns: ["name"] },',
      "    ],",
      "    foreignKeys: [",
      '      { name: "FK_account_owner", columns: ["owner_id"], refTable: "user", refColumns: ["id"], onDelete: "CASCADE" },',
      "    ],",
      "    checks: [",
      '      { name: "CK_account_name", expression: "length(name) > 0" },',
      "    ],",
      "    indexes: [",
      '      { name: "IDX_account_owner", columns: ["owner_id", { column: "created_at", descending: true }] },',
      "    ],",
      '    comment: "bank accounts",',
      "  },",
      ");",
    ],
  },
  { name: "DropTableOp", op: DropTableOp.create(accountTable), expected: ['await op.dropTable("account");'] },
  {
    name: "RenameTableOp",
    op: RenameTableOp.create(billingAccounts, "ledgers"),
    expected: ['await op.renameTable("accounts", "ledgers", { schema: "billing" });'],
  },
  {
    name: "AddColumnOp",
    op: AddColumnOp.create(accounts, overdrawn),
    expected: ['await op.addColumn("accounts", { name: "overdrawn", type: "boolean", nullable: true });'],
  },
  {
    name: "DropColumnOp",
    op: DropColumnOp.create(accounts, Column.create("pw", "varchar(50)", { nullable: false, default: "''" })),
    expected: [
      'await op.dropColumn("accounts", "pw", { existing: { name: "pw", type: "varchar(50)", nullable: false, default: "\'\'" } });',
    ],
  },
  {
    name: "AlterColumnOp",
    op: narrowing,
    expected: [
      "// WARNING: narrowing type change on accounts.name from varchar(50) to varchar(20): existing values may be truncated or rejected",
      'await op.alterColumn("accounts", "name", { type: "varchar(20)", existingType: "varchar(50)", existingNullable: false });',
    ],
  },
  {
    name: "CreateIndexOp",
    op: CreateIndexOp.create(billingAccounts, nameIndex, { concurrently: true }),
    expected: [
      'await op.createIndex("IDX_name", "accounts", ["name"], { unique: true, where: "name IS NOT NULL", concurrently: true, schema: "billing" });',
    ],
  },
  {
    name: "DropIndexOp",
    op: DropIndexOp.create(accounts, nameIndex),
    expected: ['await op.dropIndex("IDX_name", "accounts");'],
  },
  {
    name: "RenameIndexOp",
    op: RenameIndexOp.create(accounts, nameIndex, "IDX_account_name"),
    expected: [
      'await op.renameIndex("IDX_name", "IDX_account_name", "accounts", ["name"], { unique: true, where: "name IS NOT NULL" });',
    ],
  },
  {
    name: "RenameConstraintOp",
    op: RenameConstraintOp.create(accounts, ownerFk, "FK_owner"),
    expected: [
      'await op.renameForeignKey("FK_x", "FK_owner", "accounts", "user", ["owner_id"], ["id"], { onDelete: "SET NULL", deferrable: true, initially: "DEFERRED" });',
    ],
  },
  {
    name: "CreateUniqueConstraintOp",
    op: CreateUniqueConstraintOp.create(accounts, UniqueConstraint.create(["name", "owner_id"], "UQ_name_owner")),
    expected: ['await op.createUniqueConstraint("UQ_name_owner", "accounts", ["name", "owner_id"]);'],
  },
  {
    name: "CreateForeignKeyOp",
    op: CreateForeignKeyOp.create(accounts, ownerFk),
    expected: [
      'await op.createForeignKey("FK_x", "accounts", "user", ["owner_id"], ["id"], { onDelete: "SET NULL", deferrable: true, initially: "DEFERRED" });',
    ],
  },
  {
    name: "CreateCheckConstraintOp",
    op: CreateCheckConstraintOp.create(accounts, CheckConstraint.create("balance >= 0", "CK_balance")),
    expected: ['await op.createCheckConstraint("CK_balance", "accounts", "balance >= 0");'],
  },
  {
    name: "CreateExclusionConstraintOp",
    op: CreateExclusionConstraintOp.create(
      accounts,
      ExclusionConstraint.create('USING gist ("room" WITH =, "during" WITH &&)', "XCL_booking"),
    ),
    expected: [
      'await op.createExclusionConstraint("XCL_booking", "accounts", "USING gist (\\"room\\" WITH =, \\"during\\" WITH &&)");',
    ],
  },
  {
    name: "CreatePrimaryKeyOp",
    op: CreatePrimaryKeyOp.create(accounts, PrimaryKey.create(["id", "region"], "PK_accounts")),
    expected: ['await op.createPrimaryKey("PK_accounts", "accounts", ["id", "region"]);'],
  },
  {
    name: "DropConstraintOp",
    op: DropConstraintOp.create(accounts, ownerFk),
    expected: ['await op.dropConstraint("FK_x", "accounts", { type: "foreignkey" });'],
  },
  {
    name: "CreateTableCommentOp",
    op: CreateTableCommentOp.create(accounts, 'customer "accounts"', "old"),
    expected: ['await op.createTableComment("accounts", "customer \\"accounts\\"", { existingComment: "old" });'],
  },
  {
    name: "DropTableCommentOp",
    op: DropTableCommentOp.create(billingAccounts, "old"),
    expected: ['await op.dropTableComment("accounts", { existingComment: "old", schema: "billing" });'],
  },
  {
    name: "ExecuteSQLOp",
    op: ExecuteSQLOp.create("UPDATE accounts SET overdrawn = false\nWHERE overdrawn IS NULL"),
    expected: ['await op.execute("UPDATE accounts SET overdrawn = false\\nWHERE overdrawn IS NULL");'],
  },
  {
    name: "BulkInsertOp",
    op: BulkInsertOp.create(accounts, [
      { id: 1, name: "a" },
      { id: 2, name: null },
    ]),
    expected: ['await op.bulkInsert("accounts", [{ id: 1, name: "a" }, { id: 2, name: null }]);'],
  },
  {
    name: "CreateEnumOp",
    op: CreateEnumOp.create(moodEnum),
    expected: ['await op.createEnum("mood", ["sad", "ok", "happy"]);'],
  },
  {
    name: "DropEnumOp",
    op: DropEnumOp.create(Enum.create("mood", ["sad"], "app")),
    expected: ['await op.dropEnum("mood", { existingValues: ["sad"], schema: "app" });'],
  },
  {
    name: "AddEnumValueOp",
    op: AddEnumValueOp.create(QualifiedName.create("mood"), "meh", { after: "sad" }),
    expected: [
      "await op.autocommitBlock(async () => {",
      '  await op.addEnumValue("mood", "meh", { after: "sad" });',
      "});",
    ],
  },
  {
    name: "RenameEnumValueOp",
    op: RenameEnumValueOp.create(QualifiedName.create("mood", "app"), "sad", "unhappy"),
    expected: ['await op.renameEnumValue("mood", "sad", "unhappy", { schema: "app" });'],
  },
  {
    name: "RecreateEnumOp",
    op: RecreateEnumOp.create(
      Enum.create("mood", ["sad", "happy"], "app"),
      ["sad", "meh", "happy"],
      [
        {
          table: QualifiedName.create("person", "app"),
          column: "mood",
          array: false,
          default: "'sad'",
          existingDefault: "'meh'",
        },
        { table: QualifiedName.create("diary"), column: "moods", array: true, default: null, existingDefault: null },
      ],
    ),
    expected: [
      '// WARNING: enum mood is recreated without "meh": rows of person.mood, diary.moods holding',
      "// this value make the conversion fail; update them first.",
      'await op.recreateEnum("mood", ["sad", "happy"], { existingValues: ["sad", "meh", "happy"], columns: [{ table: "person", column: "mood", default: "\'sad\'", existingDefault: "\'meh\'", schema: "app" }, { table: "diary", column: "moods", array: true }], schema: "app" });',
    ],
  },
  {
    name: "CreateExtensionOp",
    op: CreateExtensionOp.create("uuid-ossp"),
    expected: ['await op.createExtension("uuid-ossp");'],
  },
  {
    name: "DropExtensionOp",
    op: DropExtensionOp.create("citext", "ext"),
    expected: ['await op.dropExtension("citext", { schema: "ext" });'],
  },
  { name: "CreateSchemaOp", op: CreateSchemaOp.create("billing"), expected: ['await op.createSchema("billing");'] },
  { name: "DropSchemaOp", op: DropSchemaOp.create("billing"), expected: ['await op.dropSchema("billing");'] },
  {
    name: "CreateViewOp",
    op: CreateViewOp.create(QualifiedName.create("active_users", "app"), "SELECT id FROM users WHERE active"),
    expected: ['await op.createView("active_users", "SELECT id FROM users WHERE active", { schema: "app" });'],
  },
  {
    name: "DropViewOp",
    op: DropViewOp.create(QualifiedName.create("v"), "SELECT 1"),
    expected: ['await op.dropView("v", { existingDefinition: "SELECT 1" });'],
  },
  {
    name: "ReplaceViewOp",
    op: ReplaceViewOp.create(QualifiedName.create("v"), "SELECT 2", "SELECT 1"),
    expected: ['await op.replaceView("v", "SELECT 2", { existingDefinition: "SELECT 1" });'],
  },
  {
    name: "BatchAlterTableOp",
    op: BatchAlterTableOp.create(
      billingAccounts,
      [AddColumnOp.create(billingAccounts, overdrawn), DropIndexOp.create(billingAccounts, nameIndex)],
      "always",
    ),
    expected: [
      'await op.batchAlterTable("accounts", async (batch) => {',
      '  await batch.addColumn({ name: "overdrawn", type: "boolean", nullable: true });',
      '  await batch.dropIndex("IDX_name");',
      '}, { schema: "billing", recreate: "always" });',
    ],
  },
  {
    name: "ModifyTableOps",
    op: ModifyTableOps.create(billingAccounts, [
      AddColumnOp.create(billingAccounts, overdrawn),
      DropConstraintOp.create(billingAccounts, ownerFk),
    ]),
    expected: [
      'await op.addColumn("accounts", { name: "overdrawn", type: "boolean", nullable: true }, { schema: "billing" });',
      'await op.dropConstraint("FK_x", "accounts", { type: "foreignkey", schema: "billing" });',
    ],
  },
];
