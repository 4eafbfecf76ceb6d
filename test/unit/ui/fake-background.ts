// A scripted background for the UI tests: answers per call type and records every call.
import type { BackgroundCalls, ReqOf, ResOf } from '../../../src/contracts/messages';

type Handlers = { [K in keyof BackgroundCalls]?: (payload: ReqOf<BackgroundCalls, K>) => ResOf<BackgroundCalls, K> | Promise<ResOf<BackgroundCalls, K>> };

export interface FakeBackground {
  call<K extends keyof BackgroundCalls>(type: K, payload: ReqOf<BackgroundCalls, K>): Promise<ResOf<BackgroundCalls, K>>;
  calls: { type: keyof BackgroundCalls; payload: unknown }[];
}

export function fakeBackground(handlers: Handlers): FakeBackground {
  const calls: FakeBackground['calls'] = [];
  return {
    calls,
    async call(type, payload) {
      calls.push({ type, payload });
      const handler = handlers[type] as ((p: typeof payload) => ResOf<BackgroundCalls, typeof type>) | undefined;
      if (!handler) throw new Error(`unexpected call ${type}`);
      return handler(payload);
    },
  };
}
