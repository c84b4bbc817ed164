import { adoptionSuite } from "./adoption-harness";

adoptionSuite("typeorm");
