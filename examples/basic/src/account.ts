import { Column, CreateDateColumn, Entity, Index, ManyToOne, OneToMany, PrimaryGeneratedColumn } from "typeorm";

@Entity("account")
export class Account {
  @PrimaryGeneratedColumn()
  id!: number;

  @Index({ unique: true })
  @Column({ length: 200 })
  email!: string;

  @Column({ default: false })
  overdrawn!: boolean;

  @CreateDateColumn()
  createdAt!: Date;

  @OneToMany(() => Transfer, (t) => t.account)
  transfers!: Transfer[];
}

@Entity("transfer")
export class Transfer {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column("decimal", { precision: 12, scale: 2 })
  amount!: string;

  @ManyToOne(() => Account, (a) => a.transfers, { onDelete: "CASCADE", nullable: false })
  account!: Account;
}
