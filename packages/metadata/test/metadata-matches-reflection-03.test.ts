import { registerTsLoader } from "@autogen/runtime";
import { defineReflectionSuite } from "./support/reflection-suite";

// TypeORM 0.3.31 in its own process: the two lines share one global metadata storage.
registerTsLoader({ moduleAliases: { typeorm: "typeorm03" } });
defineReflectionSuite("0.3");
