import { registerTsLoader } from "@autogen/runtime";
import { defineIndexedArgsSuite } from "./support/indexed-args-suite";

// TypeORM 0.3.31 in its own process: the two lines share one global metadata storage.
registerTsLoader({ moduleAliases: { typeorm: "typeorm03" } });
defineIndexedArgsSuite("0.3", "typeorm03");
