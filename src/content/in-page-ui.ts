// Storyline's only presence in the page: a host element with an open shadow root holding the
// launcher (a count, nothing else) and, when opened, the sidebar as an extension-page iframe.
// Everything is position: fixed on top of the page, so no page element is restyled or moved.
import { browser } from '../shared/browser';
import { formatCount } from '../shared/format';
import { t } from '../shared/i18n';
import { SIDEBAR_WIDTHS, type SidebarSide, type SidebarWidth } from '../shared/settings';
import { LAUNCHER_CSS } from './in-page-ui-style';

export interface Layout {
  side: SidebarSide;
  width: SidebarWidth;
}

const HOST_TAG = 'storyline-root';

// Set through the CSSOM with !important: a page stylesheet cannot hide or move the host, and
// page CSP rules on inline style attributes do not apply to CSSOM changes.
const HOST_STYLE: Record<string, string> = {
  all: 'initial',
  position: 'fixed',
  'z-index': '2147483647',
  inset: 'auto 0 0 auto',
  width: '0',
  height: '0',
  overflow: 'visible',
  display: 'block',
};

export class InPageUi {
  private host: HTMLElement | null = null;
  private shadow: ShadowRoot | null = null;
  private launcher: HTMLButtonElement | null = null;
  private frame: HTMLIFrameElement | null = null;
  private returnFocus: HTMLElement | null = null;
  private layout: Layout = { side: 'right', width: 'standard' };

  get sidebarOpen(): boolean {
    return this.frame !== null;
  }

  showLauncher(count: number): void {
    const shadow = this.root();
    if (!this.launcher) {
      this.launcher = document.createElement('button');
      this.launcher.className = 'launcher';
      this.launcher.type = 'button';
      this.launcher.addEventListener('click', () => this.openSidebar());
      shadow.append(this.launcher);
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
    // The URL carries no page data: the sidebar asks the background, which answers by tab.
    frame.src = browser.runtime.getURL('sidebar.html');
    if (focus) frame.addEventListener('load', () => frame.focus(), { once: true });
    this.frame = frame;
    shadow.append(frame);
    this.launcher?.setAttribute('aria-expanded', 'true');
  }

  private applyLayout(frame: HTMLIFrameElement): void {
    frame.dataset['side'] = this.layout.side;
    // Inside our shadow root: the page's styles cannot reach this declaration.
    frame.style.setProperty('--sidebar-width', `${SIDEBAR_WIDTHS[this.layout.width]}px`);
  }

  closeSidebar(): void {
    if (!this.frame) return;
    this.frame.remove();
    this.frame = null;
    this.launcher?.setAttribute('aria-expanded', 'false');
    const target = this.returnFocus?.isConnected ? this.returnFocus : this.launcher;
    this.returnFocus = null;
    target?.focus({ preventScroll: true });
  }

  hideLauncher(): void {
    this.launcher?.remove();
    this.launcher = null;
    if (!this.frame) this.destroy();
  }

  /** Removes every trace from the page (navigation away, extension update or removal). */
  destroy(): void {
    this.host?.remove();
    this.host = this.shadow = this.launcher = this.frame = null;
  }

  private root(): ShadowRoot {
    if (this.shadow && this.host?.isConnected) return this.shadow;
    const host = document.createElement(HOST_TAG);
    for (const [name, value] of Object.entries(HOST_STYLE)) host.style.setProperty(name, value, 'important');
    const shadow = host.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = LAUNCHER_CSS;
    shadow.append(style);
    shadow.addEventListener('keydown', (event) => {
      if ((event as KeyboardEvent).key === 'Escape' && this.frame) {
        event.stopPropagation();
        this.closeSidebar();
      }
    });
    // documentElement, not body: page rules such as `body > *` never reach the host.
    document.documentElement.append(host);
    this.host = host;
    this.shadow = shadow;
    return shadow;
  }
}
