/* Entity pairs that several dialects' change suites use as they are (v1 → v2 of one table). */
import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";

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
