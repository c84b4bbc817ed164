import { invariantSuite } from "./invariant-harness";

// TypeORM 0.3.x under the "typeorm" name: the fixtures import "typeorm", aliased here.
invariantSuite("typeorm03");
