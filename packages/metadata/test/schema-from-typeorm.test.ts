import { registerTsLoader } from "@autogen/runtime";
import { defineMetadataSuite } from "./support/metadata-suite";

// TypeORM 1.x, the version the workspace installs as "typeorm".
registerTsLoader();
defineMetadataSuite("1");
