// The sandbox host page: Jira Service Management around the app's surfaces. A top bar (where to go, who you are,
// the sandbox time), the page, the control strip, and the bridge host that answers the surfaces' @forge/bridge calls.
import type { PersonView, SandboxStateView } from '../../api-types';
import { api } from './api';
import type { HostApp, Page } from './app';
import { BridgeHost, type SiteChange } from './bridge-host';
import { ControlStrip } from './control-strip';
import { clear, h, option, when } from './dom';
import { issueViewPage } from './pages/issue-view';
import { portalCreatePage, portalRequestPage, portalProfilePage } from './pages/portal';
import { contractsPage, dashboardPage, monitoringPage } from './pages/monitoring';
import { notificationsPage } from './pages/notifications';
import { adminPage, queuePage, worklistPage } from './pages/project';
import { applyTheme, storeColorMode, storedColorMode, type ColorMode } from './theme';

const STORED_IDENTITY = 'contract-sla-sandbox.identity';
const STORED_AGENT = 'contract-sla-sandbox.agent';
const STORED_CUSTOMER = 'contract-sla-sandbox.customer';

class Host implements HostApp {
  state!: SandboxStateView;
  readonly bridge: BridgeHost;
  private readonly strip: ControlStrip;
  private readonly pageElement = h('main', { class: 'page', id: 'page' });
  private readonly identitySelect = h('select', { 'data-testid': 'identity', 'aria-label': 'You are' });
  private readonly clock = h('span', { class: 'topbar-clock', 'data-testid': 'sandbox-clock' });
  private readonly flags = h('div', { class: 'flags' });
  private readonly nav = h('nav', { class: 'topbar-nav' });
  private page: Page | undefined;
  /** The sandbox clock minus the browser's, as of the last fetch of the site. */
  private offset = 0;
  private current = localStorage.getItem(STORED_IDENTITY) ?? 'mette';
  private colorMode: ColorMode = storedColorMode();
  private readonly colorSwitch = h('button', { type: 'button', class: 'button topbar-mode', 'data-testid': 'color-mode' });

  constructor() {
    this.bridge = new BridgeHost({
      identity: () => this.current,
      clockOffset: () => this.offset,
      navigate: (path) => this.navigate(path),
      flag: (flag) => this.flag(flag),
      closeFlag: (id) => this.flags.querySelector(`[data-flag-id="${CSS.escape(id)}"]`)?.remove(),
      colorMode: () => this.colorMode,
      siteChangedByApp: () => void this.pageChanged(),
    });
    this.colorSwitch.addEventListener('click', () => this.setColorMode(this.colorMode === 'dark' ? 'light' : 'dark'));
    this.setColorMode(this.colorMode);
    this.strip = new ControlStrip(this);
    this.identitySelect.addEventListener('change', () => {
      this.setIdentity(this.identitySelect.value);
      void this.render({ chosen: true });
    });
    document.body.append(
      h(
        'header',
        { class: 'topbar' },
        h('a', { href: '/', 'data-link': '', class: 'topbar-product' }, h('span', { class: 'topbar-logo' }, '◆'), 'Jira Service Management'),
        this.nav,
        h('span', { class: 'topbar-spacer' }),
        this.clock,
        this.colorSwitch,
        h('label', { class: 'topbar-identity' }, 'You are', this.identitySelect),
      ),
      this.pageElement,
      this.strip.element,
      this.flags,
    );
    // Links inside the host page move without reloading it (the frames of the next page load fresh anyway).
    document.addEventListener('click', (event) => {
      const link = (event.target as Element | null)?.closest?.('a[data-link]');
      if (!link || (event as MouseEvent).ctrlKey || (event as MouseEvent).metaKey) return;
      event.preventDefault();
      this.navigate(link.getAttribute('href') ?? '/');
    });
    window.addEventListener('popstate', () => void this.render());
  }

  identity(): PersonView {
    const person = this.person(this.current) ?? this.state.people[0];
    if (!person) throw new Error('the site has nobody');
    return person;
  }

  person(name: string): PersonView | undefined {
    return this.state.people.find((p) => p.name === name || p.accountId === name);
  }

  navigate(path: string): void {
    if (path !== window.location.pathname + window.location.search) window.history.pushState(null, '', path);
    void this.render();
  }

  private async fetchState(): Promise<void> {
    this.state = await api.state();
    this.offset = Date.parse(this.state.now) - Date.now();
  }

  /** What Jira's own page shows after the app changed the site; the app's frames already know. */
  private async pageChanged(): Promise<void> {
    await this.fetchState();
    this.drawChrome();
    this.strip.update(this.state, this.page?.requestKey);
    await this.page?.update();
  }

  async changed(change: SiteChange, message: string): Promise<void> {
    await this.fetchState();
    this.drawChrome();
    this.strip.update(this.state, this.page?.requestKey);
    await this.page?.update();
    this.bridge.afterChange(change);
    this.say(message);
  }

  async redraw(message: string): Promise<void> {
    await this.render();
    this.say(message);
  }

  say(message: string, error = false): void {
    this.strip.say(message, error);
  }

  /**
   * Draws the page the address names. Arriving at a page meant for the other audience (the portal as an agent, Jira as
   * a customer) makes you its usual person, unless `?as=` names someone or you just chose who you are.
   */
  async render(options: { chosen?: boolean } = {}): Promise<void> {
    await this.fetchState();
    const url = new URL(window.location.href);
    const theme = url.searchParams.get('theme');
    if (theme === 'dark' || theme === 'light') {
      this.setColorMode(theme);
      url.searchParams.delete('theme');
      window.history.replaceState(null, '', url.pathname + url.search + url.hash);
    }
    const asked = url.searchParams.get('as');
    if (asked && this.person(asked)) {
      this.setIdentity(asked);
      url.searchParams.delete('as');
      window.history.replaceState(null, '', url.pathname + url.search + url.hash);
    }
    const path = url.pathname.replace(/\/+$/, '') || '/';
    const audience = path.startsWith('/portal') ? 'customer' : 'agent';
    const me = this.person(this.current);
    if (!me) this.setIdentity('mette');
    else if (!asked && !options.chosen && (me.role === 'customer' ? 'customer' : 'agent') !== audience) {
      // Customers never see Jira, agents rarely the portal: going there is being the usual person there.
      this.setIdentity(audience === 'customer' ? localStorage.getItem(STORED_CUSTOMER) ?? 'sofie' : localStorage.getItem(STORED_AGENT) ?? 'mette');
      this.say(`You are now ${this.identity().displayName}: ${audience === 'customer' ? 'the portal is for customers' : 'Jira is for agents'}`);
    }
    this.bridge.unmountAll();
    const issue = /^\/issue\/([A-Za-z]+-\d+)$/.exec(path);
    const portalRequest = /^\/portal\/([A-Za-z]+-\d+)$/.exec(path);
    if (issue) this.page = issueViewPage(this, this.pageElement, issue[1]!.toUpperCase());
    else if (portalRequest) this.page = portalRequestPage(this, this.pageElement, portalRequest[1]!.toUpperCase());
    else if (path === '/portal/profile') this.page = portalProfilePage(this, this.pageElement);
    else if (path === '/portal') this.page = portalCreatePage(this, this.pageElement);
    else if (path === '/admin') this.page = adminPage(this, this.pageElement);
    else if (path === '/worklist') this.page = worklistPage(this, this.pageElement);
    else if (path === '/notifications') this.page = notificationsPage(this, this.pageElement);
    else if (path === '/monitoring') this.page = monitoringPage(this, this.pageElement);
    else if (path === '/contracts') this.page = contractsPage(this, this.pageElement);
    else if (path === '/dashboard') this.page = dashboardPage(this, this.pageElement);
    else if (path === '/resolved') this.page = queuePage(this, this.pageElement, 'resolved');
    else this.page = queuePage(this, this.pageElement);
    document.body.dataset.page = path === '/' ? 'queue' : path.split('/')[1];
    this.drawChrome();
    this.strip.update(this.state, this.page.requestKey);
    await this.page.update();
  }

  /** Light or dark, for the host page and every surface that enabled theming; kept for the next visit. */
  private setColorMode(mode: ColorMode): void {
    this.colorMode = mode;
    storeColorMode(mode);
    applyTheme(document, mode);
    this.colorSwitch.textContent = mode === 'dark' ? 'Light theme' : 'Dark theme';
    this.colorSwitch.setAttribute('aria-pressed', String(mode === 'dark'));
    this.bridge.recolor();
  }

  private setIdentity(name: string): void {
    const person = this.person(name);
    if (!person) return;
    this.current = person.name;
    localStorage.setItem(STORED_IDENTITY, person.name);
    if (person.role !== 'developer') localStorage.setItem(person.role === 'agent' ? STORED_AGENT : STORED_CUSTOMER, person.name);
  }

  private drawChrome(): void {
    const me = this.identity();
    clear(
      this.identitySelect,
      ...this.state.people.map((p) => option(p.name, `${p.displayName} — ${p.role === 'agent' ? (p.administrator ? 'agent, project admin' : 'agent') : p.role === 'developer' ? 'developer' : `customer, ${p.organization ?? ''}`}`, p.name === me.name)),
    );
    this.clock.textContent = `${when(this.state.now, true)} · Copenhagen`;
    const path = window.location.pathname;
    const link = (href: string, label: string, active: boolean) => h('a', { href, 'data-link': '', class: active ? 'active' : '' }, label);
    clear(
      this.nav,
      link('/', 'Queue', path === '/' || path.startsWith('/issue')),
      link('/worklist', 'SLA work list', path === '/worklist'),
      link('/portal', 'Customer portal', path.startsWith('/portal')),
      link('/admin', 'Project settings', path === '/admin'),
      link('/notifications', `Sent notifications (${this.state.notifications.length})`, path === '/notifications'),
      link('/monitoring', 'SLA monitoring', path === '/monitoring'),
      link('/contracts', 'Contracts', path === '/contracts'),
      link('/dashboard', 'Dashboard', path === '/dashboard'),
    );
  }

  private flag(flag: { id: string; title: string; description?: string; type?: string }): void {
    this.flags.querySelector(`[data-flag-id="${CSS.escape(flag.id)}"]`)?.remove();
    const element = h('div', { class: `flag flag-${flag.type ?? 'info'}`, 'data-flag-id': flag.id, role: 'alert' }, h('strong', {}, flag.title), flag.description ? h('p', {}, flag.description) : null);
    this.flags.append(element);
    window.setTimeout(() => element.remove(), 8000);
  }
}

const host = new Host();
window.sandboxHost = host.bridge;
host.render().catch((error: unknown) => {
  document.body.append(h('pre', { class: 'fatal' }, `The sandbox could not start: ${(error as Error).message}`));
});
