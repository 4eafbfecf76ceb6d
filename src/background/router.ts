// The background's single message entry point: parse, check the sender, run the handler, and
// answer in a Result envelope. Foreign or malformed messages are refused with one log line.
import type { Runtime } from '../shared/browser';
import { backgroundParsers, parseEnvelope, type BackgroundCalls, type Result } from '../shared/messages';
import { ALLOWED_SENDERS, type Handler } from './handler-types';
import { handlers } from './handlers';
import { logProblem } from './log';
import { senderKind } from './sender';

export async function route(message: unknown, sender: Runtime.MessageSender): Promise<Result<unknown>> {
  const envelope = parseEnvelope(backgroundParsers, message);
  const kind = senderKind(sender);
  if (!envelope || !kind) {
    logProblem('refused message', `malformed or from an unknown sender (${sender.url ?? 'no url'})`);
    return { ok: false, error: 'refused' };
  }
  const type = envelope.type;
  if (!ALLOWED_SENDERS[type].includes(kind)) {
    logProblem(`refused ${type}`, `not allowed from ${kind}`);
    return { ok: false, error: 'refused' };
  }
  const handler = handlers[type] as Handler<keyof BackgroundCalls>;
  try {
    const value = await handler(envelope.payload as never, {
      kind,
      tabId: sender.tab?.id,
      incognito: sender.tab?.incognito ?? false,
    });
    return { ok: true, value };
  } catch (error) {
    logProblem(type, error);
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
