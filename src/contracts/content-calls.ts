// Calls that arrive at the content script of a tab's top frame, from the background only. Kept out
// of messages.ts so the content script's bundle holds its own calls and not the background's.
import { isRecord, int } from '../formats/guards';
import { answer, call, empty, type CallsOf } from './call';

export const contentCalls = {
  /** Show the launcher with the number of other reports of the page's story. */
  'launcher/show': call({
    senders: ['background'],
    parse: (p) => {
      const count = isRecord(p) ? int(p['count'], 0, 100_000) : undefined;
      return count === undefined ? undefined : { count };
    },
    answer: answer<null>(),
  }),
  'launcher/hide': call({ senders: ['background'], parse: empty, answer: answer<null>() }),
  'sidebar/open': call({ senders: ['background'], parse: empty, answer: answer<null>() }),
  'sidebar/close': call({ senders: ['background'], parse: empty, answer: answer<null>() }),
};

export type ContentCalls = CallsOf<typeof contentCalls>;
