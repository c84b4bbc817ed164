import { registerTsLoader } from "@autogen/runtime";
import { defineIndexedArgsSuite } from "./support/indexed-args-suite";

registerTsLoader();
defineIndexedArgsSuite("1", "typeorm");
