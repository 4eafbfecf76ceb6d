// Small field checkers for the pack validator. Each error names the place it found the problem
// (`stories[3].articles[0].url: not an http(s) URL`) so a publisher can fix a pack without guessing.
import { MAX_CATEGORY_DESCRIPTION } from './model';
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
  const date = new Date(Date.UTC(y, mo - 1, d));
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
 * The longest text each field of a pack may hold, in characters (docs/pack-format.md, "Limits";
 * schemas/pack.schema.json says the same). Ids travel in messages that refuse longer ones; the
 * others keep one field from filling the sidebar or the store. Fields not named here: SHORT_TEXT.
 */
export const PACK_TEXT_LIMITS: Readonly<Record<string, number>> = {
  id: 200, parent: 200, outlet: 200,
  title: 1_000, description: MAX_CATEGORY_DESCRIPTION,
  summary: 20_000, details: 20_000, excerpt: 20_000, body: 20_000,
  url: 2_048, email: 320,
};
/** Names, roles, publisher, version and the like. */
export const SHORT_TEXT = 300;

/** The number of code points: UTF-16 length less one per surrogate pair, without copying the text. */
function codePoints(text: string): number {
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

/** Collects errors while walking a pack; `path` arguments are the place of the value checked. */
export class Issues {
  readonly errors: string[] = [];

  /** `limits`: the longest text per field name (none when absent: reader-data files bound the whole file). */
  constructor(private readonly limits?: { byKey: Readonly<Record<string, number>>; otherwise: number }) {}

  add(path: string, message: string): void {
    this.errors.push(`${path}: ${message}`);
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
    const max = this.limits ? (Object.hasOwn(this.limits.byKey, key) ? this.limits.byKey[key]! : this.limits.otherwise) : Infinity;
    // Code points, as JSON Schema's maxLength counts them, so the schema and the validator agree.
    if (value.length > max && codePoints(value) > max) {
      this.add(at(path, key), `longer than ${max} characters`);
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
