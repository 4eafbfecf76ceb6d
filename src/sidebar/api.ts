// The sidebar reaches the background only through this context, so the components never import
// webextension-polyfill themselves: index.tsx provides the real `callBackground`, tests a fake.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { BackgroundCalls, ReqOf, ResOf } from '../contracts/messages';
import { errorText } from '../shared/error-text';

export type CallBackground = <K extends keyof BackgroundCalls>(
  type: K,
  payload: ReqOf<BackgroundCalls, K>,
) => Promise<ResOf<BackgroundCalls, K>>;

export const ApiContext = createContext<CallBackground | null>(null);

export function useCall(): CallBackground {
  const call = useContext(ApiContext);
  if (!call) throw new Error('useCall outside ApiContext');
  return call;
}

/** A background failure as one short line for the reader (the detail under the translated message). */
export function errorDetail(error: unknown): string {
  const text = errorText(error);
  return text.length > 160 ? `${text.slice(0, 159)}…` : text;
}
