import { registerTsLoader } from "@autogen/runtime";
import { defineReflectionSuite } from "./support/reflection-suite";

registerTsLoader();
defineReflectionSuite("1");
