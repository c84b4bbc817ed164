import { registerTsLoader } from "@autogen/runtime";
import { defineFixturesSuite } from "./support/fixtures-suite";

registerTsLoader();
defineFixturesSuite("1");
