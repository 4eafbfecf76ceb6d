// Small field checkers for the hand-walked formats (reader data, officials) and the pack checks
// JSON Schema cannot express. Each error names the place it found the problem
// (`history[3].url: not an http(s) URL`) so whoever wrote the file can fix it without guessing.
import { parseHttpUrl } from './url';

export type Rec = Record<string, unknown>;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2}))$/;
// The domain's first dot is found once, without backtracking: `[^\s@]+\.` could try every dot.
const EMAIL = /^[^\s@]+@[^\s@][^\s@.]*\.[^\s@]+$/;
const HOSTNAME = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]*[a-z0-9]$/;

export function isRecord(value: unknown): value is Rec {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A real calendar date `YYYY-MM-DD` (2025-02-30 is not). */
export function isIsoDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0–99 as 1900–1999, so 0001-01-01 (the zero
  // date of Go and .NET, which pages state) would fail, and with it a file that carries one.
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** ISO 8601 date-time with `Z` or a numeric offset: a time without a zone is ambiguous. */
export function isIsoDateTime(value: string): boolean {
  const m = DATE_TIME.exec(value);
  if (!m || !isIsoDate(m[1] ?? '')) return false;
  const n = (i: number): number => Number(m[i] ?? 0);
  return n(2) < 24 && n(3) < 60 && n(4) < 60 && n(5) <= 14 && n(6) < 60;
}

export function isHttpUrl(value: string): boolean {
  return parseHttpUrl(value) !== null && !/\s/.test(value);
}

export function isEmail(value: string): boolean {
  return EMAIL.test(value);
}

export function isHostname(value: string): boolean {
  return HOSTNAME.test(value);
}

/** The place of `key` inside `path`; the pack's own fields have an empty path. */
export function at(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

/**
 * Collects errors while walking a file; `path` arguments are the place of the value checked. Only
 * the first KEPT_ERRORS are kept and all are counted: a 12 MB file of four million empty entries
 * made 16 million messages (3 GB, 25 s), of which a reader is shown five.
 */
export class Issues {
  static readonly KEPT_ERRORS = 100;
  readonly errors: string[] = [];
  /** Every error found, kept or not. */
  count = 0;

  add(path: string, message: string): void {
    if (this.count++ < Issues.KEPT_ERRORS) this.errors.push(`${path}: ${message}`);
  }

  /** The value as a record, or an error and undefined. */
  record(value: unknown, path: string): Rec | undefined {
    if (isRecord(value)) return value;
    this.add(path, 'must be an object');
    return undefined;
  }

  /** `obj[key]` as a non-empty string; absent is an error unless `optional`. */
  text(obj: Rec, key: string, path: string, optional = false): string | undefined {
    const value = obj[key];
    if (value === undefined && optional) return undefined;
    if (typeof value !== 'string' || value.trim() === '') {
      this.add(at(path, key), 'must be a non-empty string');
      return undefined;
    }
    return value;
  }

  /** `obj[key]` as a string that passes `test`, else `message`. */
  checked(obj: Rec, key: string, path: string, test: (v: string) => boolean, message: string, optional = false): string | undefined {
    const value = this.text(obj, key, path, optional);
    if (value === undefined) return undefined;
    if (test(value)) return value;
    this.add(at(path, key), message);
    return undefined;
  }

  /** `obj[key]` as one of `allowed`. */
  oneOf<T extends string>(obj: Rec, key: string, path: string, allowed: readonly T[]): T | undefined {
    const value = obj[key];
    if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
    this.add(at(path, key), `must be one of ${allowed.join(', ')}`);
    return undefined;
  }

  /** `obj[key]` as an array (absent is an error unless `optional`, then []). */
  list(obj: Rec, key: string, path: string, optional = false): unknown[] {
    const value = obj[key];
    if (Array.isArray(value)) return value;
    if (!(value === undefined && optional)) this.add(at(path, key), 'must be an array');
    return [];
  }

  /** Reports every id seen twice among `items` (records only; a missing id is reported elsewhere). */
  uniqueIds(items: unknown[], path: string): Set<string> {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      const id = isRecord(item) ? item['id'] : undefined;
      if (typeof id !== 'string') return;
      if (seen.has(id)) this.add(`${path}[${i}].id`, `duplicate id '${id}'`);
      seen.add(id);
    });
    return seen;
  }
}
