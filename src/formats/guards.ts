// Small runtime guards for data that crosses a trust boundary (messages, storage, files).
// Each returns the narrowed value or undefined, so parsers read as a list of fields.

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * A value of untrusted input as an error message may quote it: strings and numbers as they are,
 * anything else by its kind. String(value) throws on an object without a prototype, and a message
 * must never be what fails.
 */
export function quoted(value: unknown, max = 200): string {
  if (typeof value === 'string') return value.length > max ? `${value.slice(0, max)}…` : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return value === null ? 'null' : Array.isArray(value) ? 'a list' : `a ${typeof value}`;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A string of at most `max` characters (longer input is refused, not truncated). */
export function str(value: unknown, max = 10_000): string | undefined {
  return typeof value === 'string' && value.length <= max ? value : undefined;
}

/** A string, null, or absent; anything else is refused. */
export function optStr(value: unknown, max = 10_000): string | null | undefined {
  if (value === null || value === undefined) return null;
  return str(value, max);
}

export function int(value: unknown, min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max ? value : undefined;
}

export function bool(value: unknown): boolean | undefined {
  return typeof value === 'boolean' ? value : undefined;
}

export function oneOf<T extends string>(value: unknown, allowed: readonly T[]): T | undefined {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
}

/** An ISO 8601 date-time that parses; undefined otherwise. */
export function isoDate(value: unknown): string | undefined {
  const s = str(value, 64);
  return s !== undefined && !Number.isNaN(Date.parse(s)) ? s : undefined;
}
