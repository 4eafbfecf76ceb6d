// In shared/ because every process shows text: the pages, the content script's launcher, the background's menus.
// User-visible text, looked up in `_locales/<lang>/messages.json` through the extension's i18n API.
//
// The i18n API is reached through the global namespace rather than src/shared/browser.ts on purpose:
// `getMessage` and `getUILanguage` are synchronous and identical in `chrome.*` and `browser.*`, so the
// polyfill adds nothing here, and keeping it out lets Node (unit tests, preview harness) import every
// component that shows text. Node installs a catalog with `setMessageSource(catalogSource(json))`.

/** The English catalog is the reference: every key used in code must exist there (checked by tsc). */
type Catalog = typeof import('../../assets/_locales/en/messages.json');
export type MessageKey = keyof Catalog & string;
/** Keys that come in CLDR plural forms (`name_one`, `name_other`, …): use formatCount() from format.ts. */
export type PluralKey = { [K in MessageKey]: K extends `${infer Base}_other` ? Base : never }[MessageKey];

export type Substitutions = string | number | readonly (string | number)[];

export interface MessageSource {
  getMessage(key: string, substitutions?: string[]): string;
  getUILanguage(): string;
}

interface I18nNamespace {
  i18n?: MessageSource;
}

function extensionSource(): MessageSource | undefined {
  const g = globalThis as { browser?: I18nNamespace; chrome?: I18nNamespace };
  return g.browser?.i18n ?? g.chrome?.i18n;
}

let override: MessageSource | undefined;

/** Replaces the extension's message source (Node tests and the preview harness only). */
export function setMessageSource(source: MessageSource | undefined): void {
  override = source;
}

function source(): MessageSource | undefined {
  return override ?? extensionSource();
}

/**
 * The message for `key` with `$1`… / named placeholders filled in. A missing key yields the key itself,
 * so a gap is visible in the UI instead of an empty control.
 */
export function t(key: MessageKey, substitutions?: Substitutions): string {
  const subs = substitutions === undefined ? undefined : [substitutions].flat().map(String);
  return source()?.getMessage(key, subs) || key;
}

/** Whether a message exists (plural lookups fall back from a missing CLDR form to `_other`). */
export function hasMessage(key: string): boolean {
  return Boolean(source()?.getMessage(key));
}

/** The reader's UI language as a BCP 47 tag (`en-US`), for Intl and `<html lang>`. */
export function uiLocale(): string {
  const lang = source()?.getUILanguage();
  return lang ? lang.replace(/_/g, '-') : 'en';
}

const RTL_LANGUAGES = new Set(['ar', 'fa', 'he', 'ur', 'ps', 'yi', 'dv', 'ckb', 'sd', 'ug']);

/** Text direction of the UI language, for `<html dir>`. */
export function uiDirection(locale = uiLocale()): 'ltr' | 'rtl' {
  return RTL_LANGUAGES.has(locale.split('-')[0]?.toLowerCase() ?? '') ? 'rtl' : 'ltr';
}

/** Sets `lang` and `dir` on the document from the UI language (extension pages call this on load). */
export function localizeDocument(doc: Document): void {
  const locale = uiLocale();
  doc.documentElement.lang = locale;
  doc.documentElement.dir = uiDirection(locale);
}

export interface CatalogEntry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}

/**
 * A MessageSource over a parsed messages.json, following the extension format: named placeholders
 * `$NAME$` (case-insensitive) resolve to their `content`, `$1`…`$9` to the substitutions, `$$` to `$`.
 */
export function catalogSource(catalog: Record<string, CatalogEntry>, locale = 'en'): MessageSource {
  const entries = new Map(Object.entries(catalog).map(([k, v]) => [k.toLowerCase(), v]));
  const positional = (text: string, subs: string[]): string =>
    text.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
  return {
    getUILanguage: () => locale,
    getMessage(key, subs = []) {
      const entry = entries.get(key.toLowerCase());
      if (!entry) return '';
      const placeholders = new Map(
        Object.entries(entry.placeholders ?? {}).map(([name, p]) => [name.toLowerCase(), p.content]),
      );
      return entry.message
        .replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => {
          const content = placeholders.get(name.toLowerCase());
          return content === undefined ? whole : positional(content, subs);
        })
        .replace(/\$\$/g, '$');
    },
  };
}
