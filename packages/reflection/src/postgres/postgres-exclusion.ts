import { ExclusionConstraint } from "@autogen/core";

/**
 * An exclusion constraint from its `pg_get_constraintdef` text (`EXCLUDE USING gist (room WITH =)`):
 * the model keeps what follows EXCLUDE, as TypeORM's `@Exclusion` takes it.
 */
export function exclusionFromDefinition(definition: string, name: string): ExclusionConstraint {
  return ExclusionConstraint.create(exclusionExpression(definition), name);
}

/** The text after EXCLUDE of a `pg_get_constraintdef` result. */
export const exclusionExpression = (definition: string): string => definition.replace(/^EXCLUDE\s+/i, "");
