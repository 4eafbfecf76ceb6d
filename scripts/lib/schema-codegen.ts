// Turns a JSON Schema of schemas/ into the module the extension validates with: ajv's standalone
// code (plain functions and RegExps: no eval or new Function, which the extension's CSP forbids)
// plus a layout of the schema's objects that src/formats/schema-check.ts reads to name each error's
// place and order the errors as the document reads. The output is committed
// (src/formats/generated/); test/unit/packs/generated-validators.test.ts fails when it is stale.
import Ajv2020 from 'ajv/dist/2020';
import standaloneCode from 'ajv/dist/standalone';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

type Schema = Record<string, unknown>;
/** Per object schema, its properties in order: [name, what the value is, message when it is missing]. */
export type Layout = Record<string, [string, string, string][]>;

const isSchema = (value: unknown): value is Schema => typeof value === 'object' && value !== null && !Array.isArray(value);

function defs(schema: Schema): Record<string, Schema> {
  return isSchema(schema['$defs']) ? (schema['$defs'] as Record<string, Schema>) : {};
}

/** The def a `$ref: '#/$defs/name'` names, or undefined for an inline schema. */
function refName(schema: Schema): string | undefined {
  const ref = schema['$ref'];
  if (typeof ref !== 'string') return undefined;
  if (!ref.startsWith('#/$defs/')) throw new Error(`only local $defs refs are supported: ${ref}`);
  return ref.slice('#/$defs/'.length);
}

/** What an absent required property is told: the same words as a wrong value of its kind. */
function missingMessage(root: Schema, schema: Schema): string {
  const name = refName(schema);
  const resolved = name !== undefined ? { ...defs(root)[name], ...schema } : schema;
  if (resolved['type'] === 'array') return 'must be an array';
  if (resolved['type'] === 'object' || isSchema(resolved['properties'])) return 'must be an object';
  if (Array.isArray(resolved['enum'])) return `must be one of ${resolved['enum'].join(', ')}`;
  if ('const' in resolved) return `must be ${String(resolved['const'])}`;
  return 'must be a non-empty string';
}

/** Every object schema's properties, named by def (`#` for the root, `def.property` when inline). */
export function layoutOf(root: Schema): Layout {
  const layout: Layout = {};
  const visit = (schema: Schema, name: string): void => {
    const properties = isSchema(schema['properties']) ? (schema['properties'] as Record<string, Schema>) : {};
    layout[name] = Object.entries(properties).map(([key, value]) => {
      const inline = `${name === '#' ? '' : `${name}.`}${key}`;
      let kind = refName(value) ?? inline;
      if (value['type'] === 'array' && isSchema(value['items'])) {
        const items = value['items'];
        kind = `${refName(items) ?? inline}[]`;
        if (refName(items) === undefined && isSchema(items['properties'])) visit(items, inline);
      } else if (refName(value) === undefined && isSchema(value['properties'])) visit(value, inline);
      return [key, kind, missingMessage(root, value)];
    });
  };
  visit(root, '#');
  for (const [name, def] of Object.entries(defs(root))) if (isSchema(def['properties'])) visit(def, name);
  return layout;
}

/** The longest text of each def that has a maxLength: the limits publishers read in the docs. */
export function maxLengthsOf(root: Schema): Record<string, number> {
  return Object.fromEntries(Object.entries(defs(root)).flatMap(([name, def]) => (typeof def['maxLength'] === 'number' ? [[name, def['maxLength']]] : [])));
}

const RUNTIME_IMPORT = /const (\w+) = require\("ajv\/dist\/runtime\/ucs2length"\)\.default;/g;
const CONCAT = /vErrors\.concat\((\w+)\.errors\)/g;
const EQUAL_IMPORT = /const (\w+) = require\("ajv\/dist\/runtime\/equal"\)\.default;/g;

/** Every enum and const value is a scalar, and every uniqueItems array has items of a scalar type. */
function onlyScalarComparisons(schema: unknown): boolean {
  if (Array.isArray(schema)) return schema.every(onlyScalarComparisons);
  if (!isSchema(schema)) return true;
  const scalar = (v: unknown): boolean => v === null || typeof v !== 'object';
  if (Array.isArray(schema['enum']) && !schema['enum'].every(scalar)) return false;
  if ('const' in schema && !scalar(schema['const'])) return false;
  if (schema['uniqueItems'] === true) {
    const type = isSchema(schema['items']) ? schema['items']['type'] : undefined;
    if (!(typeof type === 'string' && ['string', 'number', 'integer', 'boolean'].includes(type))) return false;
  }
  return Object.values(schema).every(onlyScalarComparisons);
}

/** Keywords whose code would read what the trimming below removes. */
const UNSUPPORTED = /"\$data"|"unevaluated(?:Properties|Items)"|"\$dynamic(?:Ref|Anchor)"|"\$recursive(?:Ref|Anchor)"/;
/**
 * Size: ajv's code carries, for keywords this schema does not use, each caller's parent data,
 * root data and dynamic anchors, and each function's evaluated-properties record; each error
 * carries its schemaPath, which nothing reads. Dropping them takes about a third off the bundle.
 */
const TRIMS: [RegExp, string][] = [
  [/, parentData, parentDataProperty, rootData=data, dynamicAnchors=\{\}\}=\{\}\)\{/g, '}={}){'],
  [/,parentData(?::[\w.]+)?,parentDataProperty(?::(?:"[^"]*"|\w+))?,rootData,dynamicAnchors\}/g, '}'],
  [/^const evaluated\d+ = \w+\.evaluated;\nif\(evaluated\d+\.dynamicProps\)\{\nevaluated\d+\.props = undefined;\n\}\nif\(evaluated\d+\.dynamicItems\)\{\nevaluated\d+\.items = undefined;\n\}\n/gm, ''],
  [/^\w+\.evaluated = \{.*\};\n/gm, ''],
  [/schemaPath:"[^"]*",/g, ''],
  [/if\(vErrors === null\)\{\nvErrors = \[(\w+)\];\n\}\nelse \{\nvErrors\.push\(\1\);\n\}/g, 'vErrors = addError(vErrors, $1);'],
];

/**
 * ajv's standalone code for `schema`, made to run without ajv: its one runtime helper (a string's
 * length in code points) and the appending of a nested validator's errors come from
 * ../schema-runtime. ajv appends with `concat`, which copies the errors so far for each nested
 * object that fails: quadratic in the number of errors, so a pack of a million broken stories
 * would hang the background. `appendErrors` pushes instead.
 */
export function validatorModule(schema: Schema, source: string): string {
  if (UNSUPPORTED.test(JSON.stringify(schema))) throw new Error(`${source}: uses a keyword the trimmed code cannot serve`);
  const ajv = new Ajv2020({ allErrors: true, strict: true, messages: false, inlineRefs: false, code: { source: true, esm: true, optimize: 3, lines: true } });
  let code = standaloneCode(ajv, ajv.compile(schema));
  const helpers = new Set<string>();
  code = code.replace(RUNTIME_IMPORT, (_, name: string) => {
    helpers.add('codePoints');
    return `const ${name} = codePoints;`;
  });
  code = code.replace(EQUAL_IMPORT, (_, name: string) => {
    // ajv compares with a deep equality (fast-deep-equal) in long enums, object consts and
    // uniqueItems over untyped items. With only scalar enum/const values (checked below) and
    // typed items, every comparison it makes has a scalar on one side: === says the same.
    if (!onlyScalarComparisons(schema)) throw new Error(`${source}: deep equality needed (an object or array in enum/const, or untyped uniqueItems)`);
    helpers.add('sameScalar');
    return `const ${name} = sameScalar;`;
  });
  code = code.replace(CONCAT, (_, name: string) => {
    helpers.add('appendErrors');
    return `appendErrors(vErrors, ${name}.errors)`;
  });
  for (const [pattern, replacement] of TRIMS) {
    const before = code;
    code = code.replace(pattern, replacement);
    if (code === before) throw new Error(`${source}: ajv's output changed shape (${pattern.source} no longer matches)`);
  }
  if (code.includes('addError(')) helpers.add('addError');
  const left = /\b(?:parentData|rootData|dynamicAnchors|evaluated\d*|schemaPath)\b/.exec(code);
  if (left) throw new Error(`${source}: ajv's output still reads what was trimmed: ${code.slice(left.index - 80, left.index + 80)}`);
  if (/\brequire\(|\.concat\(|\beval\b|\bFunction\(/.test(code)) throw new Error(`${source}: the generated code still needs ajv at run time, copies arrays or evaluates code`);
  // ajv keeps a copy of each schema it compiled: the code reads only an enum's values from it (for
  // the error's params), written out here; the copies are then dropped, since inside the function
  // below the bundler would keep them.
  const copies = new Map([...code.matchAll(/^const (schema\d+) = (.*);$/gm)].map((m) => [m[1]!, JSON.parse(m[2]!) as unknown]));
  code = code.replace(/\b(schema\d+)((?:\.\w+)+)/g, (whole, name: string, path: string) => {
    const value = path.slice(1).split('.').reduce<unknown>((at, key) => (isSchema(at) ? at[key] : undefined), copies.get(name));
    return Array.isArray(value) ? JSON.stringify(value) : whole;
  });
  code = code.replace(/^const (schema\d+) = .*;$\n?/gm, (line, name: string) => (new RegExp(`\\b${name}\\b`).test(code.replace(line, '')) ? line : ''));
  // The code runs inside a function marked pure, so a bundle that imports the module for its
  // tables (or not at all) drops it: top-level RegExps and property assignments would otherwise keep
  // it in every script that imports src/formats/pack-validate.ts indirectly.
  const entry = /^"use strict";\s*export const validate = (\w+);\s*export default \1;/.exec(code);
  if (!entry) throw new Error(`${source}: ajv's standalone output no longer starts as expected`);
  code = `const validate = /* @__PURE__ */ (() => {\n${code.slice(entry[0].length).trim()}\nreturn ${entry[1]};\n})();\nexport { validate };\nexport default validate;`;
  const header = [
    `// Generated from ${source} by scripts/gen-validators.ts (npm run gen:validators) with ajv's`,
    '// standalone code (ajv, MIT license: THIRD_PARTY_NOTICES.md). Do not edit: change the schema.',
    `import { ${[...helpers].sort().join(', ')} } from '../schema-runtime';`,
  ];
  const tables = [
    `export const layout = ${JSON.stringify(layoutOf(schema))};`,
    `export const maxLengths = ${JSON.stringify(maxLengthsOf(schema))};`,
  ];
  return `${header.join('\n')}\n${code}\n${tables.join('\n')}\n`;
}

/** The declarations beside each generated module (the module itself is plain JavaScript). */
export const DECLARATIONS = [
  '// Generated by scripts/gen-validators.ts: the types of the generated module beside it.',
  "import type { SchemaLayout, SchemaValidator } from '../schema-check';",
  '',
  'export declare const validate: SchemaValidator;',
  'export default validate;',
  'export declare const layout: SchemaLayout;',
  'export declare const maxLengths: Readonly<Record<string, number>>;',
  '',
].join('\n');

/** Schema → generated module, relative to the repository. */
export const GENERATED: Readonly<Record<string, string>> = {
  'schemas/pack.schema.json': 'src/formats/generated/pack-schema.js',
  'schemas/directory.schema.json': 'src/formats/generated/directory-schema.js',
};

/** The shipped directory's outlet names by domain, for naming feeds' outlets in the background (feeds/outlet-names.ts). */
export const OUTLET_NAMES_MODULE = 'src/formats/generated/outlet-names.ts';
const DIRECTORY = 'assets/directory/outlets.json';

function outletNamesModule(directory: { outlets?: { name: string; domain: string; domains?: string[] }[] }): string {
  const names: [string, string][] = [];
  for (const outlet of directory.outlets ?? []) for (const domain of [outlet.domain, ...(outlet.domains ?? [])]) names.push([domain, outlet.name]);
  names.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return [
    `// Generated from ${DIRECTORY} by scripts/gen-validators.ts: do not edit. The directory's outlet`,
    '// names by domain: a feed of one of these outlets is named as the directory names it.',
    'export const DIRECTORY_OUTLET_NAMES: ReadonlyMap<string, string> = new Map([',
    ...names.map(([domain, name]) => `  [${JSON.stringify(domain)}, ${JSON.stringify(name)}],`),
    ']);',
    '',
  ].join('\n');
}

/** Every generated file with the text it must hold. */
export function generatedFiles(root: string): Map<string, string> {
  const files = new Map<string, string>();
  files.set(OUTLET_NAMES_MODULE, outletNamesModule(JSON.parse(readFileSync(join(root, DIRECTORY), 'utf8'))));
  for (const [schema, out] of Object.entries(GENERATED)) {
    files.set(out, validatorModule(JSON.parse(readFileSync(join(root, schema), 'utf8')) as Schema, schema));
    files.set(out.replace(/\.js$/, '.d.ts'), DECLARATIONS);
  }
  return files;
}

/** The generated files that are absent or differ from what their schema gives now. */
export function staleGenerated(root: string): string[] {
  const stale: string[] = [];
  for (const [path, text] of generatedFiles(root)) {
    let current: string | undefined;
    try {
      current = readFileSync(join(root, path), 'utf8');
    } catch {
      current = undefined;
    }
    if (current !== text) stale.push(path);
  }
  return stale;
}
