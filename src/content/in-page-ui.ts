// Storyline's only presence in the page: a host element with an open shadow root holding the
// launcher (a count, nothing else) and, when opened, the sidebar as an extension-page iframe.
// Everything is position: fixed on top of the page, so no page element is restyled or moved.
// The page is not trusted to leave it alone (issue 16):
// - the host cannot be pre-empted or buried (in-page-host.ts: a random tag, in the top layer);
// - a host or frame the page removes is put back (a bounded number of times), and the launcher
//   answers trusted clicks only;
// - the sidebar frame is handed a one-time ticket (background/sidebar-ticket.ts), so a frame of
//   sidebar.html that the page makes itself gets nothing.
import { browser } from '../shared/browser';
import { formatCount } from '../shared/format';
import { t, uiDirection, uiLocale } from '../shared/i18n';
import { SIDEBAR_WIDTHS, type SidebarSide, type SidebarWidth } from '../formats/settings';
import { attachHost, createHost, hostAltered, restoreHost } from './in-page-host';

export interface Layout {
  side: SidebarSide;
  width: SidebarWidth;
}

/** How often a host or frame the page removed is put back before Storyline gives up on the page. */
const MAX_RESTORES = 20;

/** What the UI needs from the rest of the content script. */
export interface UiLink {
  /** A one-time ticket for a sidebar frame about to be made (the background's). */
  ticket(): Promise<string>;
  /** Something of ours failed in the page: reported to the background's problem log. */
  report(what: string, error: unknown): void;
  /** Whether the extension is gone (switched off, updated, removed); if so the script has left the page. */
  leftBehind(): boolean;
}

export class InPageUi {
  private host: HTMLElement | null = null;
  private shadow: ShadowRoot | null = null;
  private launcher: HTMLButtonElement | null = null;
  private frame: HTMLIFrameElement | null = null;
  /** Our ends of the channels handed to the frame with its ticket (handTicket). */
  private ports: MessagePort[] = [];
  private returnFocus: HTMLElement | null = null;
  private layout: Layout = { side: 'right', width: 'standard' };
  private watcher: MutationObserver | null = null;
  private restores = 0;

  constructor(private readonly link: UiLink) {}

  get sidebarOpen(): boolean {
    return this.frame !== null;
  }

  showLauncher(count: number): void {
    const shadow = this.root();
    if (!shadow) return;
    if (!this.launcher) {
      this.launcher = document.createElement('button');
      this.launcher.className = 'launcher';
      this.launcher.type = 'button';
      // Its words are in the reader's language, not the page's: said in that language's voice.
      this.launcher.lang = uiLocale();
      this.launcher.dir = uiDirection();
      // A click the page dispatched (isTrusted false) does not open anything for the reader.
      // Left behind by an extension switched off meanwhile, it would open a frame the browser blocks:
      // the press takes the launcher away instead.
      this.launcher.addEventListener('click', (event) => event.isTrusted && !this.link.leftBehind() && this.openSidebar());
      // Made while the sidebar is open (the reader just gave the page its story there): under the
      // frame, as a launcher made first lies, not drawn over the sidebar.
      if (this.frame) {
        this.frame.before(this.launcher);
        this.setExpanded(true);
      } else shadow.append(this.launcher);
    }
    this.launcher.dataset['side'] = this.layout.side;
    this.launcher.textContent = formatCount('launcherLabel', count);
    this.launcher.setAttribute('aria-label', formatCount('launcherAria', count));
  }

  /** The side and width the reader chose; applies at once to what is shown. */
  setLayout(layout: Layout): void {
    this.layout = layout;
    if (this.launcher) this.launcher.dataset['side'] = layout.side;
    if (this.frame) this.applyLayout(this.frame);
  }

  /**
   * Opens the sidebar and moves the focus into it. Opened by itself (a site where the reader asked
   * for that), it leaves the focus where the reader is: `focus` false.
   */
  openSidebar(focus = true): void {
    const shadow = this.root();
    if (!shadow) return;
    if (this.frame) {
      if (focus) this.frame.focus();
      return;
    }
    const active = document.activeElement;
    this.returnFocus = focus && active instanceof HTMLElement && active !== this.host ? active : null;
    const frame = document.createElement('iframe');
    frame.className = 'sidebar';
    frame.title = t('sidebarFrameTitle');
    // The letter's Copy button: a cross-origin frame gets the async clipboard only when allowed (set before src).
    frame.allow = 'clipboard-write';
    this.applyLayout(frame);
    this.frame = frame;
    shadow.append(frame);
    // The URL carries no page data: the sidebar asks the background, which answers by tab. It is
    // not put in `src` either, where a page could read it were our shadow root open: the address
    // is Chrome's per-session URL or Firefox's per-install UUID, the latter an identifier the same
    // on every site. The empty frame is sent there instead; a cross-origin location cannot be read.
    const url = browser.runtime.getURL('sidebar.html');
    frame.contentWindow?.location.replace(url);
    this.handTicket(frame);
    if (focus) frame.addEventListener('load', () => frame.focus(), { once: true });
    this.setExpanded(true);
  }

  /**
   * Posts the frame its ticket at each load, with the port the sidebar hears us on from then on.
   * The target origin is the extension's, so the browser delivers it to our document only: not to
   * the frame's first, empty document, nor to a page the page navigated the frame to. One ticket
   * per frame: it is spent by the first claim.
   */
  private handTicket(frame: HTMLIFrameElement): void {
    const ticket = this.link.ticket();
    ticket.catch((error: unknown) => this.link.report('sidebar ticket', error));
    frame.addEventListener('load', () => {
      ticket.then(
        (value) => {
          this.dropPorts();
          this.ports = this.post(frame, { storylineTicket: value });
        },
        () => undefined,
      );
    });
  }

  /**
   * Tells the open sidebar that what it shows may have changed (the tab got another match, or a
   * search or a story from the popup to show): it asks the background for its view again. The
   * background cannot tell the frame itself: Firefox delivers no runtime message to an extension
   * frame in a page. Said on the port handed over with the ticket, which the page holds no end of:
   * a page posting to the frame could otherwise keep it asking the background (the audit's
   * thousands of posts held every tab's launcher back for over a minute in Chromium).
   */
  refreshSidebar(): void {
    for (const port of this.ports) port.postMessage('refresh');
  }

  /**
   * Posts `message` with a port to our document in the frame only (the target origin is the
   * extension's), each candidate origin with a channel of its own, a port being transferable once;
   * returns our ends of them.
   */
  private post(frame: HTMLIFrameElement, message: object): MessagePort[] {
    const origin = new URL(browser.runtime.getURL('sidebar.html')).origin;
    // Chrome loads a `use_dynamic_url` page from its session URL but gives the document the
    // extension's own origin (chrome-extension://<id>); a message to the other origin is dropped.
    const origins = origin.startsWith('chrome-extension:') ? new Set([origin, `chrome-extension://${browser.runtime.id}`]) : [origin];
    const ours: MessagePort[] = [];
    for (const target of origins) {
      const channel = new MessageChannel();
      frame.contentWindow?.postMessage(message, { targetOrigin: target, transfer: [channel.port2] });
      ours.push(channel.port1);
    }
    return ours;
  }

  private applyLayout(frame: HTMLIFrameElement): void {
    frame.dataset['side'] = this.layout.side;
    // Inside our shadow root: the page's styles cannot reach this declaration.
    frame.style.setProperty('--sidebar-width', `${SIDEBAR_WIDTHS[this.layout.width]}px`);
  }

  /**
   * The launcher while the sidebar is open lies under the frame: inert then, or it would be a focus
   * stop no one can see (Shift+Tab from the sidebar's close button), read as "open the sidebar".
   */
  private setExpanded(open: boolean): void {
    this.launcher?.setAttribute('aria-expanded', String(open));
    this.launcher?.toggleAttribute('inert', open);
  }

  private dropPorts(): void {
    for (const port of this.ports) port.close();
    this.ports = [];
  }

  closeSidebar(): void {
    if (!this.frame) return;
    const frame = this.frame;
    this.frame = null;
    this.dropPorts();
    frame.remove();
    this.setExpanded(false);
    const target = this.returnFocus?.isConnected ? this.returnFocus : this.launcher;
    this.returnFocus = null;
    target?.focus({ preventScroll: true });
  }

  hideLauncher(): void {
    this.launcher?.remove();
    this.launcher = null;
    if (!this.frame) this.destroy();
  }

  /**
   * A new page in the same document (an in-page navigation, a return from the back-forward cache):
   * what was shown goes, and the page gets its own MAX_RESTORES. A site whose router clears
   * unknown nodes once per route would otherwise use up the budget over a long session, and every
   * page after that would lose the launcher at its first removal.
   */
  newPage(): void {
    this.restores = 0;
    this.destroy();
  }

  /** Removes every trace from the page (navigation away, extension update or removal). */
  destroy(): void {
    this.watcher?.disconnect();
    this.watcher = null;
    const host = this.host;
    this.host = this.shadow = this.launcher = this.frame = null;
    this.dropPorts();
    host?.remove();
  }

  /** The shadow root, made (or put back) when needed; null when the page will not let us in. */
  private root(): ShadowRoot | null {
    if (this.shadow && this.host?.isConnected) return this.shadow;
    if (this.shadow && this.host) {
      attachHost(this.host);
      return this.host.isConnected ? this.shadow : null;
    }
    try {
      const { host, shadow } = createHost();
      shadow.addEventListener('keydown', (event) => {
        if ((event as KeyboardEvent).key === 'Escape' && this.frame) {
          event.stopPropagation();
          this.closeSidebar();
        }
      });
      this.host = host;
      this.shadow = shadow;
      attachHost(host);
      this.watch(host, shadow);
      return shadow;
    } catch (error) {
      this.link.report('launcher host', error);
      return null;
    }
  }

  /**
   * Puts back what the page removes or changes: the host (from <html>, or its attributes and
   * style), the sidebar frame (from our shadow root, when open for the tests). After MAX_RESTORES,
   * a page that keeps at it wins, and that is reported.
   */
  private watch(host: HTMLElement, shadow: ShadowRoot): void {
    this.watcher?.disconnect();
    const check = (): void => {
      if (this.host !== host) return;
      const frameGone = this.frame !== null && !this.frame.isConnected;
      const altered = host.isConnected && hostAltered(host);
      if (host.isConnected && !frameGone && !altered) return;
      // Removed by the next version of Storyline (in-page-host.ts): this one leaves, without a fight.
      if (this.link.leftBehind()) return;
      if (++this.restores > MAX_RESTORES) {
        this.link.report('launcher removed', `the page removed Storyline ${MAX_RESTORES} times; it stays off this page`);
        this.destroy();
        return;
      }
      if (this.frame && (frameGone || !host.isConnected)) {
        // A frame cannot be put back as it was (a moved iframe reloads, without its ticket): it
        // goes, and the launcher opens a new one.
        const frame = this.frame;
        this.frame = null;
        this.dropPorts();
        frame.remove();
        this.setExpanded(false);
      }
      if (!host.isConnected) attachHost(host);
      else if (altered) restoreHost(host);
    };
    this.watcher = new MutationObserver(check);
    this.watcher.observe(document.documentElement, { childList: true });
    this.watcher.observe(shadow, { childList: true });
    // The host itself is the page's to reach: its attributes and style are put back as made, and
    // so is its place in the top layer (hidePopover() changes no attribute: its toggle says it).
    this.watcher.observe(host, { attributes: true });
    host.addEventListener('toggle', check);
  }
}
