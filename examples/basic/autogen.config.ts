import "reflect-metadata";
import { defineConfig } from "autogen";
import { Account, Transfer } from "./src/account";

export default defineConfig({
  scriptLocation: "migrations",
  url: process.env.DATABASE_URL ?? "sqlite:///app.db",
  entities: [Account, Transfer],
});
