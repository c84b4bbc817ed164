import { adoptionSuite } from "./adoption-harness";

// TypeORM 0.3.x under the "typeorm" name: the fixtures import "typeorm", aliased here.
adoptionSuite("typeorm03");
