/* The tests' many small TypeORM models, one line a class: the real decorators, applied from data. */
import "reflect-metadata";
import { PrimaryGeneratedColumn } from "typeorm";

/** A member: the type TypeScript records for it (`design:type`), then its decorators as written on it. */
export type Member = readonly [design: Function, ...decorators: PropertyDecorator[]];

/** A class: its decorators as written on it, then its members in declaration order. */
export type ClassSpec = readonly [...decorators: ClassDecorator[], members: Record<string, Member>];

/** An entity class as TypeORM takes it. */
export type EntityClass = new () => any;

/** `@PrimaryGeneratedColumn() id!: number`, the key most of the models have. */
export const pk = (): Member => [Number, PrimaryGeneratedColumn()];

/**
 * Entity classes named by the keys. Each is decorated as TypeScript decorates a class written
 * out: member by member in order, `design:type` recorded before a member's decorators run, a
 * member's and then the class's decorators applied from the last up, so TypeORM's metadata (and
 * the column, index and constraint order it keeps) is that of the written-out class. The result
 * is not typed by the keys: a relation's `() => Other` may name a class of the same call.
 */
export function entities(specs: Record<string, ClassSpec>): Record<string, EntityClass> {
  const out: Record<string, EntityClass> = {};
  for (const name of Object.keys(specs)) {
    const spec = specs[name];
    const members = spec[spec.length - 1] as Record<string, Member>;
    const decorators = spec.slice(0, -1) as ClassDecorator[];
    // A computed key names the class as `class Name {}` would (a name TypeORM shows and keeps).
    let cls: EntityClass = { [name]: class {} }[name];
    for (const [key, [design, ...onMember]] of Object.entries(members)) {
      Reflect.defineMetadata("design:type", design, cls.prototype, key);
      for (const d of [...onMember].reverse()) d(cls.prototype, key);
    }
    for (const d of [...decorators].reverse()) cls = (d(cls) as EntityClass | void) ?? cls;
    out[name] = cls;
  }
  return out;
}
