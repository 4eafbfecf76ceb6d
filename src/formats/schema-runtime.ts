// The helpers the validators generated from schemas/ call (scripts/lib/schema-codegen.ts puts
// them in place of ajv's own, so ajv itself never ships in the extension).

/** The number of code points, as JSON Schema's maxLength counts: a surrogate pair is one. */
export function codePoints(text: string): number {
  let pairs = 0;
  for (let i = 0; i < text.length - 1; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        pairs++;
        i++;
      }
    }
  }
  return text.length - pairs;
}

/**
 * Appends a nested validator's errors to `errors` in place and returns it. ajv's `concat` copied the
 * errors so far for every failing nested object: quadratic in the number of errors.
 */
export function appendErrors<T>(errors: T[], more: readonly T[] | null | undefined): T[] {
  if (more) for (const error of more) errors.push(error);
  return errors;
}

/** Adds one error to the list so far (null while there is none). */
export function addError<T>(errors: T[] | null, error: T): T[] {
  if (errors === null) return [error];
  errors.push(error);
  return errors;
}

/**
 * ajv's deep equality, where the generator proved one side is always a scalar (an enum of
 * strings): then strict equality is the same test, without shipping a deep comparison.
 */
export function sameScalar(a: unknown, b: unknown): boolean {
  return a === b;
}
