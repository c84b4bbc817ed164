import { invariantSuite } from "./invariant-harness";

invariantSuite("typeorm");
