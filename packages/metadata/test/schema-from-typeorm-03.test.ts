import { registerTsLoader } from "@autogen/runtime";
import { defineMetadataSuite } from "./support/metadata-suite";

// TypeORM 0.3.31: "typeorm" resolves to the typeorm03 package in this process (entities and
// this package's own require of typeorm alike), before anything loads typeorm.
registerTsLoader({ moduleAliases: { typeorm: "typeorm03" } });
defineMetadataSuite("0.3");
