// A jsdom document and the English catalog for rendering the extension pages in Node. Importing this
// module installs both; `mount` renders a vnode and gives back its container.
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { render } from 'preact';
import type { ComponentChild } from 'preact';
import { act } from 'preact/test-utils';
import { catalogSource, setMessageSource } from '../../../src/shared/i18n';
import type { CatalogEntry } from '../../../src/shared/i18n';

const catalogUrl = new URL('../../../assets/_locales/en/messages.json', import.meta.url);
export const CATALOG = JSON.parse(readFileSync(catalogUrl, 'utf8')) as Record<string, CatalogEntry>;
setMessageSource(catalogSource(CATALOG, 'en-US'));

const dom = new JSDOM('<!doctype html><html><body></body></html>', { pretendToBeVisual: true });
const globals = globalThis as unknown as Record<string, unknown>;
for (const name of ['window', 'document', 'Node', 'Element', 'HTMLElement', 'HTMLButtonElement', 'Event', 'KeyboardEvent']) {
  globals[name] = (dom.window as unknown as Record<string, unknown>)[name];
}
globals['requestAnimationFrame'] = (cb: () => void) => setTimeout(cb, 0);
// Preact's effects race a frame against a timeout and cancel the frame when the timeout wins.
globals['cancelAnimationFrame'] = (id: ReturnType<typeof setTimeout>) => clearTimeout(id);

export const document = dom.window.document;

/**
 * jsdom lays nothing out and has no scrollIntoView, which the popup calls on a search summary it
 * opens: here the call notes its element, for a test to see what was brought into view.
 */
export const scrolledIntoView: Element[] = [];
dom.window.Element.prototype.scrollIntoView = function (this: Element) {
  scrolledIntoView.push(this);
};

const mounted = new Set<HTMLElement>();

/** Renders inside act() and lets pending promises and effects settle. */
export async function mount(vnode: ComponentChild): Promise<HTMLElement> {
  const container = document.createElement('div');
  document.body.append(container);
  mounted.add(container);
  await act(() => render(vnode, container));
  await settle();
  return container;
}

export async function unmount(container: HTMLElement): Promise<void> {
  await act(() => render(null, container));
  container.remove();
  mounted.delete(container);
}

/** Unmounts whatever a test left behind (a failed assertion skips its own unmount). */
export async function cleanup(): Promise<void> {
  for (const container of [...mounted]) await unmount(container);
}

/** Waits for queued promise callbacks and timers (ms) inside act(), so state updates are rendered. */
export async function settle(ms = 0): Promise<void> {
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, ms));
  });
}

export async function click(element: Element | null | undefined): Promise<void> {
  if (!element) throw new Error('nothing to click');
  await act(() => {
    (element as HTMLElement).click();
  });
  await settle();
}

export async function key(target: Element | Document, keyName: string): Promise<void> {
  await act(() => {
    target.dispatchEvent(new dom.window.KeyboardEvent('keydown', { key: keyName, bubbles: true, cancelable: true }));
  });
  await settle();
}

/** Types `value` into a text box as the reader would end up with it: the value set, then its input event. */
export async function typeInto(input: Element | null | undefined, value: string): Promise<void> {
  if (!input) throw new Error('nothing to type into');
  const box = input as HTMLInputElement;
  box.value = value;
  await act(() => {
    box.dispatchEvent(new dom.window.Event('input', { bubbles: true }));
  });
  await settle();
}

/** Text with Intl's narrow no-break spaces made plain, so expectations read naturally. */
export function text(element: Element | null | undefined): string {
  return (element?.textContent ?? '').replace(/[\u202f\u00a0\u2009]/g, ' ').trim();
}
