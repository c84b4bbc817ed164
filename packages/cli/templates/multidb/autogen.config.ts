import { defineConfig } from "autogen";

export default defineConfig({
  // Used when no --name is given.
  scriptLocation: "{{scriptLocation}}/primary",
  url: process.env.PRIMARY_DATABASE_URL ?? "sqlite:///primary.db",
  postWriteHooks: ["prettier"],
  environments: {
    primary: {
      scriptLocation: "{{scriptLocation}}/primary",
      url: process.env.PRIMARY_DATABASE_URL ?? "sqlite:///primary.db",
      // dataSource: PrimaryDataSource,
    },
    secondary: {
      scriptLocation: "{{scriptLocation}}/secondary",
      url: process.env.SECONDARY_DATABASE_URL ?? "sqlite:///secondary.db",
      // dataSource: SecondaryDataSource,
    },
  },
});
