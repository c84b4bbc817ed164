import { registerTsLoader } from "@autogen/runtime";
import { defineFixturesSuite } from "./support/fixtures-suite";

// TypeORM 0.3.31 in its own process: the two lines share one global metadata storage.
registerTsLoader({ moduleAliases: { typeorm: "typeorm03" } });
defineFixturesSuite("0.3");
