/* Entity pairs that several dialects' change suites use as they are (v1 → v2 of one table). */
import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from "typeorm";
import type { ChangeScenario } from "./change-scenario";

@Entity("account")
export class LenV1 {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ length: 50 }) name!: string;
}

@Entity("account")
export class LenV2 {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ length: 200 }) name!: string;
}

@Entity("account")
export class NotNullV1 {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: "varchar", nullable: true }) nick!: string | null;
}

@Entity("account")
export class NotNullV2 {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: "varchar", default: "anon" }) nick!: string;
}

@Entity("account")
export class DefV1 {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ default: 1 }) level!: number;
}

@Entity("account")
export class DefV2 {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ default: 2 }) level!: number;
}

@Entity("counter")
export class WidenV1 {
  @PrimaryGeneratedColumn() id!: number;
  @Column("int") hits!: number;
}

@Entity("counter")
export class WidenV2 {
  @PrimaryGeneratedColumn() id!: number;
  @Column("bigint") hits!: string;
}

@Entity("account")
export class NullableV1 {
  @PrimaryGeneratedColumn() id!: number;
  @Column() name!: string;
}

@Entity("account")
export class NullableV2 {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: "varchar", nullable: true }) name!: string | null;
}

@Entity("account")
export class NarrowV1 {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ length: 200 }) name!: string;
}

@Entity("account")
export class NarrowV2 {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ length: 50 }) name!: string;
}

/** A table keyed by a natural column that gets a generated primary key: the rows must be numbered. */
@Entity("visit")
class NewIdV1 {
  @Column({ length: 20 }) code!: string;
  @PrimaryColumn({ length: 20 }) place!: string;
}

@Entity("visit")
class NewIdV2 {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ length: 20 }) code!: string;
  @Column({ length: 20 }) place!: string;
}

/** The generated key scenario without its dialect's ops and SQL. */
export const NEW_ID = {
  name: "a generated primary key added to a table with rows numbers the rows",
  before: [NewIdV1],
  after: [NewIdV2],
  rows: [
    [
      "visit",
      [
        { code: "a", place: "x" },
        { code: "b", place: "y" },
      ],
    ],
  ],
  expect: {
    visit: {
      columns: ["id", "code"],
      rows: [
        { id: 1, code: "a" },
        { id: 2, code: "b" },
      ],
    },
  },
} satisfies Omit<ChangeScenario, "ops">;
