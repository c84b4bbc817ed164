import assert from "node:assert/strict";
import { join } from "node:path";
import { describe, it } from "node:test";
import {
  CheckConstraint,
  Column,
  CommandError,
  Enum,
  ForeignKey,
  Index,
  PrimaryKey,
  Table,
  UniqueConstraint,
  View,
  toIndex,
  type ColumnProps,
  type Schema,
} from "@autogen/core";
import { getDialect, type DialectName } from "@autogen/dialects";
import { buildEntityMetadatas } from "../../src/entity-metadatas";
import { schemaFromTypeORM } from "../../src/index";
import { FIXTURES_DIR, loadFixture } from "./fixtures";
import { typeormNames, type TypeORMLine } from "./typeorm-names";

const col = (name: string, type: string, props: Partial<ColumnProps> = {}): Column =>
  Column.create(name, type, { nullable: false, ...props });
const id = (type = "integer"): Column => col("id", type, { autoIncrement: true });
const idx = (name: string, columns: string[], o: { unique?: boolean; where?: string; using?: string } = {}) =>
  toIndex({ name, columns, ...o });

/** Loads a fixture and converts it for one dialect. */
async function convert(fixture: string, dialect: DialectName): Promise<Schema> {
  const fx = await loadFixture(fixture);
  return schemaFromTypeORM({ entities: fx.entities, dataSourceOptions: fx.dataSourceOptions }, getDialect(dialect));
}

function table(schema: Schema, name: string): Table {
  const t = schema.tables.find((x) => x.name === name);
  assert.ok(t, `table ${name} in ${schema.tables.map((x) => x.name).join(", ")}`);
  return t;
}

/**
 * The exact Tables produced for representative fixtures, for one TypeORM line. The caller has
 * registered the TypeScript loader (with `typeorm → typeorm03` for the 0.3 line) before any
 * module loads typeorm: the two lines share one global metadata storage, so a process uses one.
 */
export function defineMetadataSuite(line: TypeORMLine): void {
  const n = typeormNames(line);
  /** The foreign key TypeORM names for `columns` of `table`, to `refTable`'s id. */
  const fk = (table: string, columns: string[], refTable: string, o: Partial<ForeignKey> = {}): ForeignKey =>
    ForeignKey.create({ name: n.fk(table, columns), columns, refTable, refColumns: ["id"], ...o });

  describe(`schemaFromTypeORM (TypeORM ${line})`, () => {
    it("uses the TypeORM line under test", () => {
      // The alias makes "typeorm" resolve into the typeorm03 package for the 0.3 line.
      assert.equal(/[\\/]typeorm03[\\/]/.test(require.resolve("typeorm")) ? "0.3" : "1", line);
    });

    it("lets the event loop turn between the steps of the build, so that queries sent before it move on", async () => {
      // Counts event-loop turns while the model is built: each turn runs one step of the chain.
      const fx = await loadFixture("one-to-one");
      let turns = 0;
      let building = true;
      const count = () => {
        turns++;
        if (building) setImmediate(count);
      };
      setImmediate(count);
      await schemaFromTypeORM({ entities: fx.entities, dataSourceOptions: fx.dataSourceOptions }, getDialect("sqlite"));
      building = false;
      // Five turns in the metadata build, one before the tables are converted.
      assert.ok(turns >= 6, `${turns} turns`);
    });

    it("one-to-one: REL_ unique constraint, FK and PK named by TypeORM (postgres)", async () => {
      const s = await convert("one-to-one", "postgres");
      assert.deepEqual(
        s.tables.map((t) => t.name),
        ["desk", "passport", "person"],
      );
      assert.deepEqual(
        table(s, "passport"),
        Table.create("passport", [id(), col("number", "varchar(20)"), col("holderId", "integer", { nullable: true })], {
          primaryKey: PrimaryKey.create(["id"], n.pk("passport", ["id"])),
          uniques: [UniqueConstraint.create(["holderId"], n.rel("passport", ["holderId"]))],
          foreignKeys: [fk("passport", ["holderId"], "person", { onDelete: "CASCADE" })],
        }),
      );
      assert.equal(table(s, "passport").primaryKey!.name, "PK_48da3babc4ea0bcbb594251d892");
      assert.deepEqual(
        table(s, "desk"),
        Table.create("desk", [id(), col("occupant_id", "integer", { nullable: true })], {
          primaryKey: PrimaryKey.create(["id"], n.pk("desk", ["id"])),
          uniques: [UniqueConstraint.create(["occupant_id"], n.rel("desk", ["occupant_id"]))],
          foreignKeys: [fk("desk", ["occupant_id"], "person")],
        }),
      );
    });

    it("one-to-one: MySQL gets a REL_ unique index and an unnamed PRIMARY key", async () => {
      const s = await convert("one-to-one", "mysql");
      assert.deepEqual(
        table(s, "passport"),
        Table.create(
          "passport",
          [id("int"), col("number", "varchar(20)"), col("holderId", "int", { nullable: true })],
          {
            primaryKey: PrimaryKey.create(["id"]),
            indexes: [idx(n.rel("passport", ["holderId"]), ["holderId"], { unique: true })],
            foreignKeys: [fk("passport", ["holderId"], "person", { onDelete: "CASCADE" })],
          },
        ),
      );
    });

    it("literal defaults on SQLite: quoted strings escaped, numbers, booleans as 1/0", async () => {
      const t = table(await convert("defaults-literals", "sqlite"), "setting");
      assert.deepEqual(
        t,
        Table.create(
          "setting",
          [
            id(),
            col("status", "varchar", { default: "'active'" }),
            col("motto", "varchar(40)", { default: "'it''s'" }),
            col("empty", "varchar", { default: "''" }),
            col("zero", "integer", { default: "0" }),
            col("answer", "integer", { default: "42" }),
            col("negative", "integer", { default: "-1" }),
            col("ratio", "decimal(6,2)", { default: "9.5" }),
            col("delta", "decimal(6,2)", { default: "-0.25" }),
            col("factor", "float", { default: "1.5" }),
            col("enabled", "boolean", { default: "1" }),
            col("hidden", "boolean", { default: "0" }),
            col("nothing", "varchar", { nullable: true }),
            col("maybe", "integer", { nullable: true, default: "7" }),
          ],
          { primaryKey: PrimaryKey.create(["id"]) },
        ),
      );
    });

    it("literal defaults on PostgreSQL and MySQL: canonical types and values", async () => {
      const pg = table(await convert("defaults-literals", "postgres"), "setting");
      const pgCols = Object.fromEntries(pg.columns.map((c) => [c.name, [c.type, c.default]]));
      assert.deepEqual(pgCols, {
        id: ["integer", null],
        status: ["varchar", "'active'"],
        motto: ["varchar(40)", "'it''s'"],
        empty: ["varchar", "''"],
        zero: ["integer", "0"],
        answer: ["integer", "42"],
        negative: ["integer", "-1"],
        ratio: ["numeric(6,2)", "9.50"],
        delta: ["numeric(6,2)", "-0.25"],
        factor: ["double precision", "1.5"],
        enabled: ["boolean", "true"],
        hidden: ["boolean", "false"],
        nothing: ["varchar", null],
        maybe: ["integer", "7"],
      });
      assert.equal(pg.primaryKey!.name, n.pk("setting", ["id"]));
      const my = table(await convert("defaults-literals", "mysql"), "setting");
      const myCols = Object.fromEntries(my.columns.map((c) => [c.name, [c.type, c.default]]));
      assert.deepEqual(myCols, {
        id: ["int", null],
        status: ["varchar(255)", "'active'"],
        motto: ["varchar(40)", "'it''s'"],
        empty: ["varchar(255)", "''"],
        zero: ["int", "0"],
        answer: ["int", "42"],
        negative: ["int", "-1"],
        ratio: ["decimal(6,2)", "9.50"],
        delta: ["decimal(6,2)", "-0.25"],
        // TypeORM's MysqlDriver would render '2' (toFixed of an unset scale); the entity says 1.5.
        factor: ["float", "1.5"],
        enabled: ["tinyint", "1"],
        hidden: ["tinyint", "0"],
        nothing: ["varchar(255)", null],
        maybe: ["int", "7"],
      });
      assert.equal(my.primaryKey!.name, null);
    });

    it("PostgreSQL defaults that loop in TypeORM's own generate: string booleans, jsonb objects, arrays", async () => {
      const t = table(await convert("defaults-phantom-traps", "postgres"), "preference");
      assert.deepEqual(Object.fromEntries(t.columns.map((c) => [c.name, c.default])), {
        id: null,
        muted: "false",
        count: "0",
        offset: "-1.50",
        // jsonb keeps parsed values: keys shorter-first, as PostgreSQL prints the stored default.
        settings: `'{"size": 2, "theme": "dark"}'`,
        history: "'[]'",
        aliases: "'{}'",
        path: String.raw`'a\b'`,
        at: "CURRENT_TIMESTAMP",
      });
    });

    it("date, update-date and delete-date columns per dialect", async () => {
      const cols = async (d: DialectName) =>
        table(await convert("date-columns", d), "document").columns.filter((c) => c.name.endsWith("At"));
      assert.deepEqual(await cols("sqlite"), [
        col("createdAt", "datetime", { default: "datetime('now')" }),
        col("updatedAt", "datetime", { default: "datetime('now')" }),
        col("deletedAt", "datetime", { nullable: true }),
      ]);
      assert.deepEqual(await cols("postgres"), [
        col("createdAt", "timestamp", { default: "CURRENT_TIMESTAMP" }),
        col("updatedAt", "timestamp", { default: "CURRENT_TIMESTAMP" }),
        col("deletedAt", "timestamp", { nullable: true }),
      ]);
      assert.deepEqual(await cols("mysql"), [
        col("createdAt", "datetime(6)", { default: "CURRENT_TIMESTAMP(6)" }),
        col("updatedAt", "datetime(6)", { default: "CURRENT_TIMESTAMP(6)", onUpdate: "CURRENT_TIMESTAMP(6)" }),
        col("deletedAt", "datetime(6)", { nullable: true }),
      ]);
    });

    it("many-to-many: the junction table with its PK, indexes and FKs", async () => {
      const s = await convert("many-to-many-default", "postgres");
      assert.deepEqual(
        s.tables.map((t) => t.name),
        ["course", "student", "student_courses_course"],
      );
      const j = "student_courses_course";
      // 1.x (typeorm a68612e) also cascades the inverse side's FK; 0.3 leaves it NO ACTION.
      const inverse = line === "1" ? ({ onDelete: "CASCADE", onUpdate: "CASCADE" } as const) : {};
      assert.deepEqual(
        table(s, j),
        Table.create(j, [col("studentId", "integer"), col("courseId", "integer")], {
          primaryKey: PrimaryKey.create(["studentId", "courseId"], n.pk(j, ["studentId", "courseId"])),
          indexes: [idx(n.idx(j, ["studentId"]), ["studentId"]), idx(n.idx(j, ["courseId"]), ["courseId"])].sort(
            (a, b) => (a.name < b.name ? -1 : 1),
          ),
          foreignKeys: [
            fk(j, ["studentId"], "student", { onDelete: "CASCADE", onUpdate: "CASCADE" }),
            fk(j, ["courseId"], "course", inverse),
          ].sort((a, b) => (a.name! < b.name! ? -1 : 1)),
        }),
      );
    });

    it("custom join table names and FK names", async () => {
      const s = await convert("many-to-many-custom-join", "sqlite");
      const t = table(s, "article_tags");
      assert.deepEqual(t.columns, [col("article_id", "integer"), col("tag_id", "integer")]);
      assert.deepEqual(
        t.foreignKeys.map((f) => [f.name, f.columns, f.refTable, f.onDelete]),
        [
          ["fk_article_tags_article", ["article_id"], "article", "CASCADE"],
          ["fk_article_tags_tag", ["tag_id"], "tag", "CASCADE"],
        ],
      );
      assert.deepEqual(t.primaryKey, PrimaryKey.create(["article_id", "tag_id"]));
    });

    it("partial indexes: predicate kept, name hashed as this TypeORM line hashes it", async () => {
      const t = table(await convert("index-partial", "sqlite"), "subscriber");
      const email = n.idx("subscriber", ["email"], `"deletedAt" IS NULL`);
      assert.deepEqual(
        t.indexes,
        [
          idx(email, ["email"], { unique: true, where: `"deletedAt" is null` }),
          idx("idx_subscriber_active_score", ["score"], { where: `"active" = true` }),
        ].sort((a, b) => (a.name < b.name ? -1 : 1)),
      );
      assert.equal(email, line === "1" ? "IDX_b40acae2673c5dc7b81f1c4175" : "IDX_dfd87dbeaaebbd234a2ca2d4ff");
    });

    it("non-ASCII names: hashed as this TypeORM line hashes them", async () => {
      const s = await convert("unicode-names", "postgres");
      const cafe = table(s, "café");
      assert.equal(cafe.primaryKey!.name, n.pk("café", ["id"]));
      assert.deepEqual(cafe.indexes, [idx(n.idx("café", ["prénom"]), ["prénom"])]);
      assert.deepEqual(
        table(s, "commande").foreignKeys.map((f) => [f.name, f.columns, f.refTable]),
        [[n.fk("commande", ["caféId"]), ["caféId"], "café"]],
      );
      // The percent-encoded key of 0.3 and the UTF-8 key of 1.x give different names.
      assert.equal(
        cafe.primaryKey!.name,
        line === "1" ? "PK_ad180def1a5c773a4e7af26e486" : "PK_d1158c627255837cc50453562d9",
      );
    });

    it("partial indexes on MySQL: TypeORM writes no WHERE there", async () => {
      const t = table(await convert("index-partial", "mysql"), "subscriber");
      const byColumn = Object.fromEntries(
        t.indexes.map((i) => [Index.columnNames(i).join(","), [i.name, i.unique, i.where]]),
      );
      // The default name still hashes the predicate: TypeORM's metadata computes it before the driver drops it.
      assert.deepEqual(byColumn, {
        email: [n.idx("subscriber", ["email"], `"deletedAt" IS NULL`), true, null],
        score: ["idx_subscriber_active_score", false, null],
      });
    });

    it("@Check: named and hashed checks on PostgreSQL; on MySQL/MariaDB where the server enforces CHECK", async () => {
      const t = table(await convert("check-constraints", "postgres"), "item");
      // The name hashes the expression as written; the expression is canonical (identifiers
      // unquoted where PostgreSQL would not quote them, as pg_get_constraintdef prints them).
      assert.deepEqual(
        t.checks,
        [
          CheckConstraint.create("price >= 0", n.chk("item", `"price" >= 0`)),
          CheckConstraint.create("quantity > 0 and quantity < 1000", "chk_item_quantity"),
        ].sort((a, b) => (a.name! < b.name! ? -1 : 1)),
      );
      const fx = await loadFixture("mysql-checks-comments");
      const checks = async (serverVersion?: string) =>
        table(
          await schemaFromTypeORM(
            { entities: fx.entities },
            getDialect("mysql"),
            serverVersion ? { serverVersion } : {},
          ),
          "item",
        ).checks.map((c) => c.name);
      assert.deepEqual(await checks("10.11.6-MariaDB"), ["CHK_item_qty", "CHK_item_range"]);
      assert.deepEqual(await checks("8.0.16"), ["CHK_item_qty", "CHK_item_range"]);
      assert.deepEqual(await checks(), ["CHK_item_qty", "CHK_item_range"]);
      // Servers that parse CHECK and ignore it keep nothing to compare with.
      assert.deepEqual(await checks("10.1.48-MariaDB"), []);
      assert.deepEqual(await checks("8.0.15"), []);
      assert.deepEqual(await checks("5.7.44"), []);
    });

    it("simple-enum: PostgreSQL enum type, MySQL inline enum, SQLite varchar + CHECK", async () => {
      const pg = await convert("simple-enum", "postgres");
      assert.deepEqual(pg.enums, [
        Enum.create("ticket_status_enum", ["open", "closed"]),
        Enum.create("ticket_urgency_enum", ["low", "high"]),
      ]);
      assert.deepEqual(table(pg, "ticket").columns.slice(1), [
        col("status", "ticket_status_enum", { default: "'open'" }),
        col("urgency", "ticket_urgency_enum", { nullable: true }),
      ]);
      const my = await convert("simple-enum", "mysql");
      assert.deepEqual(my.enums, []);
      assert.deepEqual(table(my, "ticket").columns.slice(1), [
        col("status", "enum('open','closed')", { default: "'open'" }),
        col("urgency", "enum('low','high')", { nullable: true }),
      ]);
      const lite = table(await convert("simple-enum", "sqlite"), "ticket");
      assert.deepEqual(lite.columns.slice(1), [
        col("status", "varchar", { default: "'open'" }),
        col("urgency", "varchar", { nullable: true }),
      ]);
      assert.deepEqual(lite.checks, [
        CheckConstraint.create(`"status" in ('open', 'closed')`),
        CheckConstraint.create(`"urgency" in ('low', 'high')`),
      ]);
    });

    it("PostgreSQL enums: default names, a shared enumName, numeric enums, enum arrays, names that need quotes", async () => {
      const s = await convert("postgres-enums", "postgres");
      assert.deepEqual(s.enums, [
        Enum.create("SalesRegion", ["eu", "us"]),
        Enum.create("position", ["first", "last"]),
        Enum.create("publication_state", ["draft", "live"]),
        Enum.create("staff_extraroles_enum", ["admin", "editor", "viewer"]),
        Enum.create("staff_priority_enum", ["1", "2"]),
        Enum.create("staff_role_enum", ["admin", "editor", "viewer"]),
      ]);
      assert.deepEqual(table(s, "staff").columns.slice(1), [
        col("role", "staff_role_enum", { default: "'viewer'" }),
        col("state", "publication_state"),
        col("priority", "staff_priority_enum", { default: "'1'" }),
        col("extraRoles", "staff_extraroles_enum[]", { default: "'{}'" }),
      ]);
      assert.deepEqual(table(s, "page").columns[1], col("state", "publication_state", { default: "'draft'" }));
      // Quoted where PostgreSQL's format_type quotes them: a keyword, mixed case.
      assert.deepEqual(table(s, "order").columns.slice(1), [
        col("place", `"position"`),
        col("region", `"SalesRegion"`, { nullable: true }),
      ]);
    });

    it("custom naming strategy: its names, never re-hashed", async () => {
      const s = await convert("custom-naming-strategy", "postgres");
      assert.deepEqual(
        table(s, "blog_post"),
        Table.create(
          "blog_post",
          [
            col("post_id", "integer", { autoIncrement: true }),
            col("post_title", "varchar"),
            col("written_by_id", "integer", { nullable: true }),
          ],
          {
            primaryKey: PrimaryKey.create(["post_id"], "pk_blog_post_post_id"),
            foreignKeys: [
              ForeignKey.create({
                name: "fk_blog_post_written_by_id",
                columns: ["written_by_id"],
                refTable: "blog_user",
                refColumns: ["id"],
                onDelete: "CASCADE",
              }),
            ],
          },
        ),
      );
      const user = table(s, "blog_user");
      assert.deepEqual(user.uniques, [UniqueConstraint.create(["email_address"], "uq_blog_user_email_address")]);
      assert.deepEqual(user.indexes, [idx("ix_blog_user_display_name", ["display_name"])]);
    });

    it("entity prefix: table names and hashed names include it", async () => {
      const s = await convert("entity-prefix", "sqlite");
      assert.deepEqual(
        s.tables.map((t) => t.name),
        ["app_player", "app_player_former_teams_team", "app_team"],
      );
      assert.deepEqual(table(s, "app_team").indexes, [idx(n.idx("app_team", ["name"]), ["name"], { unique: true })]);
      assert.deepEqual(table(s, "app_player").foreignKeys, [fk("app_player", ["teamId"], "app_team")]);
    });

    it("single-table inheritance: one table with every child's columns and the discriminator", async () => {
      const s = await convert("single-table-inheritance", "mysql");
      assert.deepEqual(
        s.tables.map((t) => t.name),
        ["content", "owner"],
      );
      assert.deepEqual(
        table(s, "content"),
        Table.create(
          "content",
          [
            id("int"),
            col("title", "varchar(255)"),
            col("size", "varchar(255)", { nullable: true }),
            col("duration", "int", { nullable: true }),
            col("type", "varchar(20)"),
            col("ownerId", "int", { nullable: true }),
          ],
          {
            primaryKey: PrimaryKey.create(["id"]),
            indexes: [idx(n.idx("content", ["type"]), ["type"]), idx(n.idx("content", ["size"]), ["size"])].sort(
              (a, b) => (a.name < b.name ? -1 : 1),
            ),
            foreignKeys: [fk("content", ["ownerId"], "owner", { onDelete: "SET NULL" })],
          },
        ),
      );
    });

    it("closure-table tree: the closure junction table", async () => {
      const s = await convert("tree-closure-table", "postgres");
      const c = "category_closure";
      assert.deepEqual(
        table(s, c),
        Table.create(c, [col("id_ancestor", "integer"), col("id_descendant", "integer")], {
          primaryKey: PrimaryKey.create(["id_ancestor", "id_descendant"], n.pk(c, ["id_ancestor", "id_descendant"])),
          indexes: [
            idx(n.idx(c, ["id_ancestor"]), ["id_ancestor"]),
            idx(n.idx(c, ["id_descendant"]), ["id_descendant"]),
          ].sort((a, b) => (a.name < b.name ? -1 : 1)),
          foreignKeys: [
            fk(c, ["id_ancestor"], "category", { onDelete: "CASCADE" }),
            fk(c, ["id_descendant"], "category", { onDelete: "CASCADE" }),
          ].sort((a, b) => (a.name! < b.name! ? -1 : 1)),
        }),
      );
      assert.deepEqual(
        table(s, "category").foreignKeys.map((f) => [f.name, f.columns]),
        [[n.fk("category", ["parentId"]), ["parentId"]]],
      );
    });

    it("nested-set and materialized-path trees: their bookkeeping columns", async () => {
      const ns = table(await convert("tree-nested-set", "sqlite"), "menu_item");
      assert.deepEqual(
        ns.columns.map((c) => [c.name, c.type, c.default]),
        [
          ["id", "integer", null],
          ["label", "varchar", null],
          ["nsleft", "integer", "1"],
          ["nsright", "integer", "2"],
          ["parentId", "integer", null],
        ],
      );
      const mp = table(await convert("tree-materialized-path", "mysql"), "folder");
      assert.deepEqual(Table.column(mp, "mpath"), col("mpath", "varchar(255)", { nullable: true, default: "''" }));
    });

    it("embedded entities: prefixed, custom-prefixed, unprefixed and nested columns", async () => {
      const t = table(await convert("embedded-entities", "postgres"), "venue");
      assert.deepEqual(
        t.columns.map((c) => c.name),
        [
          "id",
          "nameFirst",
          "nameLast",
          "billingStreet",
          "billingCity",
          "billingGeoLat",
          "billingGeoLng",
          "street",
          "city",
          "geoLat",
          "geoLng",
        ],
      );
    });

    it("column types on SQLite, including inferred design types", async () => {
      const s = await convert("column-types-sqlite", "sqlite");
      assert.deepEqual(
        table(s, "inferred_types").columns.map((c) => [c.name, c.type]),
        [
          ["id", "integer"],
          ["name", "varchar"],
          ["count", "integer"],
          ["active", "boolean"],
          ["at", "datetime"],
        ],
      );
      const types = Object.fromEntries(table(s, "lite_types").columns.map((c) => [c.name, c.type]));
      assert.deepEqual(
        {
          money: types["money"],
          numericPrecision: types["numericPrecision"],
          varchar50: types["varchar50"],
          nchar: types["nchar"],
          simpleJson: types["simpleJson"],
          simpleArray: types["simpleArray"],
          color: types["color"],
          uuid: types["uuid"],
          json: types["json"],
          unsignedBigInt: types["unsignedBigInt"],
        },
        {
          money: "decimal(10,2)",
          numericPrecision: "decimal(7)",
          varchar50: "varchar(50)",
          nchar: "nchar(2)",
          simpleJson: "text",
          simpleArray: "text",
          color: "varchar",
          uuid: "varchar",
          json: "json",
          unsignedBigInt: "unsigned big int",
        },
      );
    });

    it("MySQL: unsigned, enum and set types with defaults", async () => {
      const t = table(await convert("mysql-enum-set-unsigned", "mysql"), "shirt");
      assert.deepEqual(t.columns, [
        col("id", "bigint unsigned", { autoIncrement: true }),
        col("size", "enum('s','m','l')", { default: "'m'" }),
        col("fabric", "set('cotton','linen','wool')", { default: "'cotton'" }),
        col("stock", "smallint unsigned", { default: "0" }),
        col("price", "decimal(8,2) unsigned"),
      ]);
    });

    it("MySQL width and zerofill: 0.3 options that 1.x removed", async () => {
      const t = table(await convert("mysql-width-zerofill", "mysql"), "badge");
      assert.deepEqual(
        t.columns.map((c) => c.type),
        ["int", line === "0.3" ? "int unsigned zerofill" : "int", "smallint"],
      );
    });

    it("uuid keys: gen_random_uuid() on PostgreSQL, plain strings elsewhere", async () => {
      const pg = table(await convert("primary-uuid", "postgres"), "session");
      assert.deepEqual(pg.columns.slice(0, 2), [
        col("id", "uuid", { default: "gen_random_uuid()" }),
        col("publicId", "uuid", { default: "gen_random_uuid()" }),
      ]);
      const my = table(await convert("primary-uuid", "mysql"), "session");
      assert.deepEqual(my.columns[0], col("id", "varchar(36)"));
      const lite = table(await convert("primary-uuid", "sqlite"), "session");
      assert.deepEqual(lite.columns[0], col("id", "varchar"));
    });

    it("identity and rowid strategies", async () => {
      const s = await convert("primary-identity", "postgres");
      assert.deepEqual(
        table(s, "invoice").columns[0],
        col("id", "integer", { identity: { always: false, start: null, increment: null } }),
      );
      assert.deepEqual(
        table(s, "receipt").columns[0],
        col("id", "bigint", { identity: { always: true, start: null, increment: null } }),
      );
      const rowid = table(await convert("primary-rowid", "sqlite"), "log_line");
      assert.deepEqual(rowid.columns[0], col("id", "integer"));
    });

    it("comments: kept on PostgreSQL and MySQL, dropped on SQLite", async () => {
      const pg = table(await convert("comments", "postgres"), "member");
      assert.equal(pg.comment, "People who can sign in");
      assert.deepEqual(
        pg.columns.map((c) => c.comment),
        ["surrogate key", "display name", "it's the member's e-mail", null],
      );
      const lite = table(await convert("comments", "sqlite"), "member");
      assert.equal(lite.comment, null);
      assert.deepEqual(
        lite.columns.map((c) => c.comment),
        [null, null, null, null],
      );
    });

    it("synchronize: false entities and indexes, and virtual columns, are left out", async () => {
      const s = await convert("no-synchronize", "postgres");
      assert.deepEqual(
        s.tables.map((t) => t.name),
        ["managed"],
      );
      assert.deepEqual(table(s, "managed").indexes, []);
      const v = table(await convert("virtual-column", "sqlite"), "playlist");
      assert.deepEqual(
        v.columns.map((c) => c.name),
        ["id", "name"],
      );
    });

    it("EntitySchema entities: columns, relation, named index and unique", async () => {
      const s = await convert("entity-schema", "postgres");
      const post = table(s, "post");
      assert.deepEqual(post.columns, [
        id(),
        col("title", "varchar", { default: "'untitled'" }),
        col("text", "text", { nullable: true }),
        col("categoryId", "integer", { nullable: true }),
      ]);
      assert.deepEqual(post.indexes, [idx("idx_post_title", ["title"])]);
      assert.deepEqual(post.uniques, [UniqueConstraint.create(["title", "categoryId"], "uq_post_title_category")]);
      assert.deepEqual(post.foreignKeys, [fk("post", ["categoryId"], "category", { onDelete: "SET NULL" })]);
      assert.deepEqual(table(s, "category").uniques, [UniqueConstraint.create(["name"], n.uq("category", ["name"]))]);
    });

    it("explicit constraint names: PK, FK, index and unique", async () => {
      const s = await convert("explicit-constraint-names", "postgres");
      const store = table(s, "store");
      assert.equal(store.primaryKey!.name, "pk_store");
      assert.equal(table(s, "region").primaryKey!.name, "pk_region");
      assert.deepEqual(
        store.foreignKeys.map((f) => [f.name, f.columns, f.refTable, f.refColumns]),
        [["fk_store_region", ["region_code"], "region", ["code"]]],
      );
      assert.deepEqual(store.uniques, [UniqueConstraint.create(["name", "region_code"], "uq_store_name_region")]);
    });

    it("deferrable unique and foreign-key constraints (PostgreSQL; SQLite: foreign keys only)", async () => {
      const t = table(await convert("deferrable-constraints", "postgres"), "slot");
      assert.deepEqual(t.uniques, [
        UniqueConstraint.create(["position"], "uq_slot_position", { deferrable: true, initially: "DEFERRED" }),
      ]);
      assert.deepEqual(t.foreignKeys[0]!.deferrable, true);
      assert.deepEqual(t.foreignKeys[0]!.initially, "IMMEDIATE");
      const lite = table(await convert("deferrable-constraints", "sqlite"), "slot");
      assert.deepEqual(lite.uniques, [UniqueConstraint.create(["position"], "uq_slot_position")]);
      assert.deepEqual([lite.foreignKeys[0]!.deferrable, lite.foreignKeys[0]!.initially], [true, "IMMEDIATE"]);
    });

    it("a DataSource instance: read, never initialised or modified", async () => {
      const fx = await loadFixture("blog-app");
      const { DataSource } = require("typeorm") as {
        DataSource: new (o: object) => {
          isInitialized: boolean;
          entityMetadatas: unknown[];
          options: Record<string, unknown>;
        };
      };
      const ds = new DataSource({ type: "postgres", host: "db.invalid", entities: fx.entities });
      const s = await schemaFromTypeORM({ dataSource: ds }, getDialect("postgres"));
      assert.deepEqual(
        s.tables.map((t) => t.name),
        ["labels", "posts", "posts_labels_labels", "profiles", "remarks", "users"],
      );
      assert.equal(ds.isInitialized, false);
      assert.deepEqual(ds.entityMetadatas, []);
      // The same DataSource converts for another dialect too: metadata is rebuilt per dialect.
      const lite = await schemaFromTypeORM({ dataSource: ds }, getDialect("sqlite"));
      assert.equal(table(lite, "users").columns[0]!.type, "integer");
      assert.equal(table(lite, "users").primaryKey!.name, null);
    });

    it("an initialized DataSource of the dialect's driver: its own metadata, the schema the offline build gives", async () => {
      const fx = await loadFixture("blog-app");
      const { DataSource } = require("typeorm") as {
        DataSource: new (o: object) => {
          options: Record<string, unknown>;
          entityMetadatas: unknown[];
          initialize(): Promise<unknown>;
          destroy(): Promise<void>;
        };
      };
      const ds = new DataSource({ type: "better-sqlite3", database: ":memory:", entities: fx.entities });
      await ds.initialize();
      try {
        const built = await buildEntityMetadatas({ dataSource: ds }, "sqlite");
        assert.equal(built.metadatas, ds.entityMetadatas, "TypeORM's metadata is used, not built again");
        assert.deepEqual(
          await schemaFromTypeORM({ dataSource: ds }, getDialect("sqlite")),
          await schemaFromTypeORM({ entities: fx.entities }, getDialect("sqlite")),
        );
        // Another dialect's metadata differs: built offline, as for any DataSource.
        const pg = await buildEntityMetadatas({ dataSource: ds }, "postgres");
        assert.notEqual(pg.metadatas, ds.entityMetadatas);
        assert.equal(pg.metadatas.length, ds.entityMetadatas.length);
      } finally {
        await ds.destroy();
      }
    });

    it("PostgreSQL schemas: a named schema, its enum type, an explicit public as the default", async () => {
      const s = await convert("postgres-named-schema", "postgres");
      assert.deepEqual(s.schemas, ["audit"]);
      assert.deepEqual(
        s.tables.map((t) => [t.schema, t.name]),
        [
          [null, "tenant"],
          ["audit", "audit_log"],
        ],
      );
      assert.deepEqual(s.enums, [Enum.create("audit_log_level_enum", ["info", "error"], "audit")]);
      const log = s.tables[1]!;
      assert.deepEqual(Table.column(log, "level"), col("level", "audit.audit_log_level_enum", { default: "'info'" }));
      // TypeORM names the PK from "audit.audit_log" minus the schema, the FK from the table name.
      assert.equal(log.primaryKey!.name, n.pk("audit_log", ["id"]));
      assert.deepEqual(log.foreignKeys, [
        fk("audit_log", ["tenantId"], "tenant", { refSchema: null, onDelete: "CASCADE" }),
      ]);
    });

    it("view entities: SQL text and query-builder expressions rendered offline", async () => {
      const s = await convert("view-entity", "sqlite");
      assert.deepEqual(
        s.tables.map((t) => t.name),
        ["sale"],
      );
      assert.deepEqual(s.views, [
        View.create(
          "big_sales",
          `select "s"."id" as "id", "s"."amount" as "amount" from "sale" "s" where "s"."amount" > 1000`,
        ),
        View.create("sales_by_region", `select "region", sum("amount") as "total" from "sale" group by "region"`),
      ]);
    });

    it("glob strings in entities, as DataSource options allow", async () => {
      const s = await schemaFromTypeORM(
        { entities: [join(FIXTURES_DIR, "one-to-many", "*.ts")] },
        getDialect("sqlite"),
      );
      assert.deepEqual(
        s.tables.map((t) => t.name),
        ["author", "book"],
      );
    });

    it("a subclass of DataSource", async () => {
      const fx = await loadFixture("one-to-many");
      const { DataSource } = require("typeorm") as { DataSource: new (o: object) => object };
      class AppDataSource extends DataSource {}
      const s = await schemaFromTypeORM(
        {
          dataSource: new AppDataSource({
            type: "better-sqlite3",
            database: ":memory:",
            entities: fx.entities,
          }) as never,
        },
        getDialect("mysql"),
      );
      assert.deepEqual(
        table(s, "book").columns.map((c) => c.type),
        ["int", "varchar(255)", "int"],
      );
    });

    it("an explicit typeorm module option", async () => {
      const fx = await loadFixture("one-to-many");
      const s = await schemaFromTypeORM({ entities: fx.entities }, getDialect("sqlite"), {
        typeorm: require("typeorm"),
      });
      assert.deepEqual(
        s.tables.map((t) => t.name),
        ["author", "book"],
      );
    });

    it("serverVersion: MariaDB 10.7+ has a native uuid type", async () => {
      const fx = await loadFixture("primary-uuid");
      const source = { entities: fx.entities, dataSourceOptions: { type: "mariadb" } };
      const old = await schemaFromTypeORM(source, getDialect("mysql"));
      // TypeORM sizes a uuid column 36 only when it generates it; a plain uuid column gets varchar's 255.
      assert.equal(table(old, "session").columns[0]!.type, "varchar(36)");
      assert.equal(table(old, "api_key").columns[0]!.type, "varchar(255)");
      const modern = await schemaFromTypeORM(source, getDialect("mysql"), { serverVersion: "10.11.6-MariaDB" });
      assert.equal(table(modern, "session").columns[0]!.type, "uuid");
      assert.equal(table(modern, "api_key").columns[0]!.type, "uuid");
    });

    it("@Entity({ schema }) is ignored with a warning where TypeORM ignores it (SQLite, MySQL)", async () => {
      const fx = await loadFixture("entity-schema-ignored");
      for (const dialect of ["sqlite", "mysql"] as const) {
        const warnings: string[] = [];
        const s = await schemaFromTypeORM({ entities: fx.entities }, getDialect(dialect), {
          warn: (l) => warnings.push(l),
        });
        assert.equal(table(s, "audit_entry").schema, null);
        assert.deepEqual(s.schemas, []);
        assert.equal(warnings.length, 1);
        assert.match(warnings[0]!, /^Entity AuditEntry: schema "audit" is ignored on \S+, as TypeORM ignores it there/);
      }
      const warnings: string[] = [];
      const pg = await schemaFromTypeORM({ entities: fx.entities }, getDialect("postgres"), {
        warn: (l) => warnings.push(l),
      });
      assert.equal(table(pg, "audit_entry").schema, "audit");
      assert.deepEqual(warnings, []);
    });

    it("auto-increment off the key: MySQL gets the index it requires, SQLite refuses it; bigint keys are INTEGER on SQLite", async () => {
      const fx = await loadFixture("generated-increment-column");
      const my = table(await schemaFromTypeORM({ entities: fx.entities }, getDialect("mysql")), "ticket");
      assert.deepEqual(my.indexes, [idx("seq", ["seq"])]);
      await assert.rejects(
        schemaFromTypeORM({ entities: fx.entities }, getDialect("sqlite")),
        (e: unknown) =>
          e instanceof CommandError &&
          e.message ===
            "Table ticket, column seq: SQLite can auto-increment only a table's single-column INTEGER PRIMARY KEY",
      );
      const big = await loadFixture("sqlite-bigint-increment");
      const lite = table(await schemaFromTypeORM({ entities: big.entities }, getDialect("sqlite")), "event");
      assert.deepEqual(lite.columns[0], col("id", "integer", { autoIncrement: true }));
    });

    it("comments: NUL characters dropped, as TypeORM drops them", async () => {
      const fx = await loadFixture("comments-control-characters");
      for (const dialect of ["postgres", "mysql"] as const) {
        const t = table(await schemaFromTypeORM({ entities: fx.entities }, getDialect(dialect)), "note");
        assert.equal(t.comment, "line one\nline two");
        assert.equal(t.columns[1]!.comment, "tab\there, NULthere");
      }
    });

    it("two columns, one enumName, different values: one error naming both, on every dialect", async () => {
      const { EntitySchema } = require("typeorm") as { EntitySchema: new (o: unknown) => unknown };
      const entity = (name: string, values: string[]) =>
        new EntitySchema({
          name,
          columns: {
            id: { type: Number, primary: true, generated: true },
            status: { type: "simple-enum", enum: values, enumName: "status" },
          },
        });
      const entities = [entity("Ticket", ["open", "closed"]), entity("Order", ["new", "paid"])];
      for (const dialect of ["postgres", "mysql", "sqlite"] as const) {
        await assert.rejects(
          schemaFromTypeORM({ entities }, getDialect(dialect)),
          (e: unknown) =>
            e instanceof CommandError &&
            e.message ===
              "Enum status has different values in Ticket.status (open, closed) and Order.status (new, paid): give one of them another enumName",
        );
      }
    });

    it("errors are CommandErrors naming the problem", async () => {
      await assert.rejects(
        schemaFromTypeORM({}, getDialect("sqlite")),
        (e: unknown) => e instanceof CommandError && /dataSource or entities/.test(e.message),
      );
      const fx = await loadFixture("column-types-postgres");
      await assert.rejects(
        schemaFromTypeORM({ entities: fx.entities }, getDialect("sqlite")),
        (e: unknown) => e instanceof CommandError && /not supported by "better-sqlite3"/.test(e.message),
      );
    });
  });
}
