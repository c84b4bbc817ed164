import { defineConfig } from "autogen";

export default defineConfig({
  // The folder holding versions/ (relative to this file).
  scriptLocation: "{{scriptLocation}}",
  // postgres://user:password@host/db, mysql://..., sqlite:///relative.db (relative to this file)
  url: process.env.DATABASE_URL ?? "sqlite:///app.db",
  // What autogenerate compares the database with: a TypeORM DataSource, or entity classes.
  // dataSource: AppDataSource,
  // entities: [Account],
  // Formats each new revision file; [] to leave files as rendered.
  postWriteHooks: ["prettier"],
});
