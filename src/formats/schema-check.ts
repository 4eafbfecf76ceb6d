// Reads the errors of a validator generated from schemas/ (src/formats/generated/) as the extension
// reports them: one message per place, the place written as a reader finds it
// (`stories[3].articles[0].url`, not ajv's `/stories/3/articles/0/url`), in document order.

/** What the generated code reports (ajv's error object, without its English message or schemaPath). */
export interface SchemaError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
}

export interface SchemaValidator {
  (data: unknown): boolean;
  errors?: SchemaError[] | null;
}

/**
 * Per object schema (`#` is the root, defs by name, inline objects as `def.property`), its
 * properties in the schema's order: [name, what the value is (a def, `def.property` when inline,
 * `…[]` for an array of it), the message when it is absent]. Generated with the validator.
 */
export type SchemaLayout = Readonly<Record<string, readonly (readonly [string, string, string])[]>>;

/** A problem found at a place: `place` in the reader's notation, `order` its position in the document. */
export interface PlacedError {
  place: string;
  message: string;
  /** Array indices and property positions from the root: sorts errors as the document reads. */
  order: number[];
  /** The kind of value at the place (a def name, `def.property`), when the schema knows it. */
  kind?: string;
}

/** Where an error is: the reader's notation, its order and what the schema says is there. */
export function locate(layout: SchemaLayout, segments: readonly string[], rootName: string): Omit<PlacedError, 'message'> {
  let kind: string | undefined = '#';
  let place = '';
  const order: number[] = [];
  for (const segment of segments) {
    if (kind?.endsWith('[]')) {
      kind = kind.slice(0, -2);
      place += `[${segment}]`;
      order.push(Number(segment));
      continue;
    }
    const properties: readonly (readonly [string, string, string])[] = kind !== undefined ? (layout[kind] ?? []) : [];
    const at = properties.findIndex(([name]) => name === segment);
    kind = at >= 0 ? properties[at]![1] : undefined;
    place += place ? `.${segment}` : segment;
    order.push(at >= 0 ? at : properties.length);
  }
  return { place: place || rootName, order, ...(kind !== undefined ? { kind } : {}) };
}

/** ajv's instancePath (a JSON Pointer) as its segments. */
function segmentsOf(pointer: string): string[] {
  return pointer === '' ? [] : pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function valueAt(data: unknown, segments: readonly string[]): unknown {
  let value = data;
  for (const segment of segments) value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[segment] : undefined;
  return value;
}

const isBlank = (value: unknown): boolean => typeof value === 'string' && value.trim() === '';

/** Words by the kind of value (`httpUrl`, `template.body`). */
export type KindMessages = Readonly<Record<string, string>>;

/**
 * `always`: every error of that kind, absent included; `type`: a value of the wrong type; `invalid`:
 * a failed pattern, `not` or `anyOf`; `ignore`: `kind:keyword` (or `*:keyword`) errors that the
 * hand-written checks report better (they name the proxy, the other outlet).
 */
export interface SchemaMessages {
  always?: KindMessages;
  type?: KindMessages;
  invalid: KindMessages;
  ignore?: ReadonlySet<string>;
}

const NON_EMPTY = 'must be a non-empty string';

/** The message for one error and how much it says: a wrong type outranks a length, a length a pattern. */
function messageOf(error: SchemaError, kind: string | undefined, messages: SchemaMessages): [string, number] {
  const own = (table: KindMessages | undefined): string | undefined => (kind !== undefined && table && Object.hasOwn(table, kind) ? table[kind] : undefined);
  const always = own(messages.always);
  if (always !== undefined) return [always, 0];
  const p = error.params;
  switch (error.keyword) {
    case 'type':
      return [own(messages.type) ?? (p['type'] === 'object' ? 'must be an object' : p['type'] === 'array' ? 'must be an array' : NON_EMPTY), 0];
    case 'additionalProperties':
      return ['unknown field', 0];
    case 'const':
      return [`must be ${String(p['allowedValue'])}`, 0];
    case 'enum':
      return [`must be one of ${(p['allowedValues'] as unknown[]).join(', ')}`, 0];
    case 'maxLength':
      return [`longer than ${String(p['limit'])} characters`, 2];
    case 'pattern':
      // The one pattern every text carries: at least one non-space character.
      if (p['pattern'] === '\\S') return [NON_EMPTY, 1];
  }
  return [own(messages.invalid) ?? 'is not valid', 3];
}

/**
 * The generated validator's verdict on `data` as placed errors, one per place (the most telling).
 * `messages`: the words the generic ones would not say well, by kind of value.
 */
export function schemaErrors(
  validate: SchemaValidator,
  layout: SchemaLayout,
  data: unknown,
  rootName: string,
  messages: SchemaMessages,
): PlacedError[] {
  if (validate(data)) return [];
  const best = new Map<string, PlacedError & { rank: number }>();
  for (const error of validate.errors ?? []) {
    const segments = segmentsOf(error.instancePath);
    const kind = locate(layout, segments, rootName).kind;
    if (messages.ignore?.has(`*:${error.keyword}`) || messages.ignore?.has(`${kind}:${error.keyword}`)) continue;
    let message: string;
    let rank: number;
    let at: Omit<PlacedError, 'message'>;
    if (error.keyword === 'required') {
      const missing = String(error.params['missingProperty']);
      at = locate(layout, [...segments, missing], rootName);
      const entry = (kind !== undefined ? layout[kind] : undefined)?.find(([name]) => name === missing);
      const always = at.kind !== undefined && messages.always && Object.hasOwn(messages.always, at.kind) ? messages.always[at.kind] : undefined;
      [message, rank] = [always ?? entry?.[2] ?? NON_EMPTY, 0];
    } else if (error.keyword === 'additionalProperties') {
      at = locate(layout, [...segments, String(error.params['additionalProperty'])], rootName);
      [message, rank] = ['unknown field', 0];
    } else {
      at = locate(layout, segments, rootName);
      [message, rank] = messageOf(error, at.kind, messages);
      // A blank date, URL or address is told what every blank text is told (the patterns alone would say "not a date").
      if (rank === 3 && isBlank(valueAt(data, segments))) [message, rank] = [NON_EMPTY, 1];
    }
    const seen = best.get(at.place);
    if (!seen || rank < seen.rank) best.set(at.place, { ...at, message, rank });
  }
  return [...best.values()].map(({ rank: _rank, ...placed }) => placed);
}

function compareOrder(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

/**
 * The schema's errors and the checks it cannot express (references, unique ids, real dates) as
 * one list in document order; a place the schema already refused gets no second message, unless
 * the check says more (`override`: a feed URL with a password, rather than "not a URL").
 */
export function mergeErrors(fromSchema: readonly PlacedError[], beyond: readonly (PlacedError & { override?: boolean })[]): string[] {
  const byPlace = new Map(fromSchema.map((e) => [e.place, e]));
  const fromBeyond = new Set<string>();
  for (const error of beyond) {
    if (fromBeyond.has(error.place) || (byPlace.has(error.place) && !error.override)) continue;
    fromBeyond.add(error.place);
    byPlace.set(error.place, error);
  }
  return [...byPlace.values()]
    .map((error, i) => ({ error, i }))
    .sort((a, b) => compareOrder(a.error.order, b.error.order) || a.i - b.i)
    .map(({ error }) => `${error.place}: ${error.message}`);
}
