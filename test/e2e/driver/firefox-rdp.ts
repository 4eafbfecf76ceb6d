// A minimal client of Firefox's remote debugging protocol (what about:debugging speaks), enough to
// evaluate script in the extension's own documents: the event page, the popup, the sidebar iframe.
// WebDriver BiDi cannot (it leaves moz-extension documents out, Mozilla bug 1755014).
// Packets are `<byte length>:<JSON>`. The add-on's watcher announces each extension document as a
// target with a console actor; evaluateJSAsync with `mapped.await` awaits a returned promise.
import { connect, type Socket } from 'node:net';

type Packet = Record<string, unknown> & { from?: string; type?: string };

/** The longest a request or an evaluation may go unanswered: longer than any the tests and benchmarks make. */
const ANSWER_MS = 180_000;

export interface ExtensionDocument {
  url: string;
  consoleActor: string;
  actor: string;
  browsingContextID: number;
}

export class ExtensionDebugger {
  readonly #socket: Socket;
  #buffer = Buffer.alloc(0);
  readonly #inbox: Packet[] = [];
  readonly #waiters = new Set<(packet: Packet) => boolean>();
  /** Live extension documents, in the order they appeared. */
  readonly documents: ExtensionDocument[] = [];

  private constructor(socket: Socket) {
    this.#socket = socket;
    socket.on('data', (chunk: Buffer) => this.#receive(chunk));
  }

  static async attach(port: number, geckoId: string): Promise<ExtensionDebugger> {
    const socket = connect(port, '127.0.0.1');
    await new Promise((resolve, reject) => socket.once('connect', resolve).once('error', reject));
    const client = new ExtensionDebugger(socket);
    await client.#next((p) => p.from === 'root');
    const { addons } = (await client.#request('root', { type: 'listAddons' })) as { addons: { id: string; actor: string }[] };
    const addon = addons.find((a) => a.id === geckoId);
    if (!addon) throw new Error(`${geckoId} is not installed`);
    const watcher = (await client.#request(addon.actor, { type: 'getWatcher', isServerTargetSwitchingEnabled: true })) as { actor: string };
    await client.#request(watcher.actor, { type: 'watchTargets', targetType: 'frame' });
    return client;
  }

  /** The newest live document whose URL ends with `file`, waiting for it to appear. */
  async document(file: string, timeout = 15_000): Promise<ExtensionDocument> {
    const deadline = Date.now() + timeout;
    for (;;) {
      const found = this.documents.findLast((d) => new URL(d.url).pathname === `/${file}`);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no extension document ${file} within ${timeout} ms`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** A PNG of a document as shown, through the root's screenshot actor (the devtools :screenshot). */
  async screenshot(doc: ExtensionDocument): Promise<Buffer> {
    const root = (await this.#request('root', { type: 'getRoot' })) as { screenshotActor: string };
    const args = { browsingContextID: doc.browsingContextID, snapshotScale: 1, fullpage: false, disableFlash: true };
    const { value } = (await this.#request(root.screenshotActor, { type: 'capture', args })) as { value: { data: string | null } };
    if (!value.data) throw new Error(`no screenshot of ${doc.url}`);
    return Buffer.from(value.data.replace(/^data:image\/png;base64,/, ''), 'base64');
  }

  #parent: ExtensionDocument | undefined;

  /**
   * The browser's own (parent process) global, where script runs with chrome privileges
   * (devtools.chrome.enabled): it can send trusted input to a window, which no extension document
   * can do to itself.
   */
  async parentProcess(): Promise<ExtensionDocument> {
    if (this.#parent) return this.#parent;
    const { processDescriptor } = (await this.#request('root', { type: 'getProcess', id: 0 })) as { processDescriptor: { actor: string } };
    const { process } = (await this.#request(processDescriptor.actor, { type: 'getTarget' })) as { process: ExtensionDocument };
    this.#parent = process;
    return process;
  }

  /** Evaluates `expression` (a promise is awaited) in a document; the value crosses as JSON. */
  async evaluate<R>(doc: ExtensionDocument, expression: string): Promise<R> {
    const text = `(async () => JSON.stringify(await (${expression})))()`;
    const { resultID } = (await this.#request(doc.consoleActor, { type: 'evaluateJSAsync', text, mapped: { await: true } })) as { resultID: string };
    const result = await this.#next((p) => p.type === 'evaluationResult' && p['resultID'] === resultID, `result of an evaluation in ${doc.url}`);
    if (result['hasException']) throw new Error(`in ${doc.url}: ${String(result['exceptionMessage'])}`);
    const json = result['result'];
    // JSON.stringify gives a string, or undefined for undefined (a grip of type 'undefined').
    if (typeof json === 'string') return JSON.parse(json) as R;
    const grip = json as { type?: string; actor?: string; length?: number } | undefined;
    if (grip?.type === 'undefined') return undefined as R;
    // A long string (past the server's threshold) comes as an actor of its own: read it whole.
    if (grip?.type === 'longString' && grip.actor && grip.length !== undefined) {
      const { substring } = (await this.#request(grip.actor, { type: 'substring', start: 0, end: grip.length })) as { substring: string };
      return JSON.parse(substring) as R;
    }
    throw new Error(`in ${doc.url}: unexpected result ${JSON.stringify(json)}`);
  }

  /**
   * Also tracks the extension documents inside the tab showing `url` (the sidebar iframe). The
   * add-on's own watcher lists only its top-level documents; frames it runs inside a page belong to
   * that tab's watcher. The newest tab at that URL is taken.
   */
  async watchTab(url: string): Promise<void> {
    const { tabs } = (await this.#request('root', { type: 'listTabs' })) as { tabs: { actor: string; url: string }[] };
    const tab = tabs.findLast((t) => t.url === url);
    if (!tab) throw new Error(`no tab at ${url}`);
    const watcher = (await this.#request(tab.actor, { type: 'getWatcher', isServerTargetSwitchingEnabled: true })) as { actor: string };
    await this.#request(watcher.actor, { type: 'watchTargets', targetType: 'frame' });
  }

  close(): void {
    this.#socket.destroy();
  }

  async #request(to: string, packet: Packet): Promise<Packet> {
    const body = JSON.stringify({ to, ...packet });
    this.#socket.write(`${Buffer.byteLength(body)}:${body}`);
    const reply = await this.#next((p) => p.from === to && p.type === undefined, `answer to ${String(packet.type)}`);
    if (reply['error']) throw new Error(`${to} ${String(packet.type)}: ${String(reply['error'])} ${String(reply['message'])}`);
    return reply;
  }

  /**
   * The next packet that matches. Bounded: an evaluation in a document that closes meanwhile (a
   * popup that closes itself, a stopped event page) is never answered, and an unbounded wait held a
   * whole test run (the driver's polls check their deadline only between answers).
   */
  #next(match: (packet: Packet) => boolean, what = 'an answer'): Promise<Packet> {
    const queued = this.#inbox.findIndex(match);
    if (queued >= 0) return Promise.resolve(this.#inbox.splice(queued, 1)[0]!);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#waiters.delete(waiter);
        reject(new Error(`no ${what} from Firefox within ${ANSWER_MS / 1000} s`));
      }, ANSWER_MS);
      // Nothing else pending, a wait ends the process (a failure the runner names), not a 3-minute pause.
      timer.unref();
      const waiter = (packet: Packet): boolean => (match(packet) ? (clearTimeout(timer), resolve(packet), true) : false);
      this.#waiters.add(waiter);
    });
  }

  #receive(chunk: Buffer): void {
    this.#buffer = Buffer.concat([this.#buffer, chunk]);
    for (;;) {
      const colon = this.#buffer.indexOf(':');
      const length = Number(this.#buffer.subarray(0, colon).toString());
      if (colon < 0 || this.#buffer.length < colon + 1 + length) return;
      const packet = JSON.parse(this.#buffer.subarray(colon + 1, colon + 1 + length).toString()) as Packet;
      this.#buffer = this.#buffer.subarray(colon + 1 + length);
      this.#track(packet);
      const waiter = [...this.#waiters].find((w) => w(packet));
      if (waiter) this.#waiters.delete(waiter);
      else this.#inbox.push(packet);
    }
  }

  /** Keeps `documents` current from the watcher's target events. */
  #track(packet: Packet): void {
    const target = packet['target'] as ExtensionDocument | undefined;
    if (packet.type === 'target-available-form' && target) this.documents.push(target);
    if (packet.type === 'target-destroyed-form' && target) {
      const at = this.documents.findIndex((d) => d.actor === target.actor);
      if (at >= 0) this.documents.splice(at, 1);
    }
  }
}
