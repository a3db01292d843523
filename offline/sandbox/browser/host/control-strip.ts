// The control strip at the bottom of every page: what happens on the site while nobody is looking at the app —
// customers raise requests and comment, agents reply and move requests through the workflow, developers work on the
// development issue a request was handed to, a pipeline deploys a version to a customer environment, time passes
// (and the breach watch with it), and the demo can start over.
import type { DeploymentTargetView, SandboxStateView } from '../../api-types';
import { api } from './api';
import type { HostApp } from './app';
import { clear, h, localInputValue, option, when } from './dom';

const MINUTE = 60_000;

/** Refills a select with new options, keeping the chosen value when it is still there. */
function refill(select: HTMLSelectElement, options: Array<[string, string]>, preferred?: string): void {
  const keep = preferred ?? select.value;
  clear(select, ...options.map(([value, label]) => option(value, label)));
  if (options.some(([value]) => value === keep)) select.value = keep;
}

/** Who the strip's development work is done by unless another is chosen. */
const DEVELOPER = 'henrik';

const targetValue = (t: DeploymentTargetView): string => JSON.stringify([t.customer, t.environment, t.product]);

export class ControlStrip {
  readonly element: HTMLElement;
  private readonly clock = h('span', { class: 'strip-clock', 'data-testid': 'strip-clock' });
  private readonly clockTo = h('input', { type: 'datetime-local', 'data-testid': 'clock-to', 'aria-label': 'Move the clock to' });
  private readonly request = h('select', { 'data-testid': 'strip-request', 'aria-label': 'Request' });
  private readonly status = h('select', { 'data-testid': 'strip-status', 'aria-label': 'Status' });
  private readonly author = h('select', { 'data-testid': 'strip-comment-author', 'aria-label': 'Comment as' });
  private readonly visibility = h('select', { 'data-testid': 'strip-comment-visibility', 'aria-label': 'Visibility' }, option('public', 'Reply to customer'), option('internal', 'Internal note'));
  private readonly body = h('input', { type: 'text', 'data-testid': 'strip-comment-body', placeholder: 'Comment text', 'aria-label': 'Comment text' });
  private readonly customer = h('select', { 'data-testid': 'strip-raise-customer', 'aria-label': 'Customer' });
  private readonly requestType = h('select', { 'data-testid': 'strip-raise-type', 'aria-label': 'Request type' });
  private readonly environment = h('select', { 'data-testid': 'strip-raise-environment', 'aria-label': 'Environment' });
  private readonly product = h('select', { 'data-testid': 'strip-raise-product', 'aria-label': 'Product' });
  private readonly priority = h('select', { 'data-testid': 'strip-raise-priority', 'aria-label': 'Contract priority' });
  private readonly summary = h('input', { type: 'text', 'data-testid': 'strip-raise-summary', placeholder: 'Summary', 'aria-label': 'Summary' });
  private readonly developmentIssue = h('span', { class: 'strip-development', 'data-testid': 'strip-development-issue' });
  private readonly developer = h('select', { 'data-testid': 'strip-developer', 'aria-label': 'Developer' });
  private readonly fixVersion = h('select', { 'data-testid': 'strip-fix-version', 'aria-label': 'Fix version' });
  private readonly deployVersion = h('input', { type: 'text', list: 'strip-versions', size: 8, 'data-testid': 'strip-deploy-version', placeholder: 'Version', 'aria-label': 'Version to deploy' });
  private readonly versionList = h('datalist', { id: 'strip-versions' });
  private readonly deployTarget = h('select', { 'data-testid': 'strip-deploy-target', 'aria-label': 'Customer environment' });
  private readonly message = h('span', { class: 'strip-message', role: 'status', 'data-testid': 'strip-message' });
  private readonly resetButton: HTMLButtonElement;
  /** What acts on a development issue: of no use until the request was handed over. */
  private developmentButtons: Array<HTMLButtonElement | HTMLSelectElement> = [];
  private resetArmed: number | undefined;
  private pageRequest: string | undefined;
  private busy = false;

  constructor(private readonly app: HostApp) {
    const button = (testid: string, label: string, action: () => Promise<void>, primary = false) =>
      h('button', { type: 'button', class: primary ? 'button-primary' : 'button', 'data-testid': testid, onclick: () => void this.run(action) }, label);
    this.resetButton = h('button', { type: 'button', class: 'button button-danger', 'data-testid': 'strip-reset', onclick: () => void this.reset() }, 'Reset demo');
    this.request.addEventListener('change', () => {
      this.fillStatus();
      this.fillDevelopment();
    });
    this.author.addEventListener('change', () => this.fillVisibility());
    this.customer.addEventListener('change', () => void this.fillPriorities());
    this.requestType.addEventListener('change', () => void this.fillPriorities());
    this.element = h(
      'section',
      { class: 'strip', 'data-testid': 'control-strip', 'aria-label': 'Sandbox controls' },
      h(
        'div',
        { class: 'strip-row' },
        h('span', { class: 'strip-badge' }, 'Sandbox'),
        h('span', { class: 'strip-group' }, this.clock, button('clock-15m', '+15 min', () => this.move({ by: 15 * MINUTE })), button('clock-1h', '+1 h', () => this.move({ by: 60 * MINUTE })), button('clock-1d', '+1 day', () => this.move({ by: 24 * 60 * MINUTE })), this.clockTo, button('clock-go', 'Go', () => this.move({ to: this.clockTo.value }))),
        this.message,
        this.resetButton,
      ),
      h(
        'div',
        { class: 'strip-row' },
        h('label', { class: 'strip-group' }, 'Request', this.request),
        h('span', { class: 'strip-group' }, this.status, button('strip-move', 'Move', () => this.transition())),
        h('span', { class: 'strip-group strip-grow' }, this.author, this.visibility, this.body, button('strip-comment-add', 'Comment', () => this.comment())),
      ),
      h(
        'div',
        { class: 'strip-row' },
        h('span', { class: 'strip-label' }, 'Development'),
        this.developmentIssue,
        h(
          'span',
          { class: 'strip-group' },
          this.developer,
          ...(this.developmentButtons = [
            button('strip-dev-start', 'Start work', () => this.develop({ kind: 'start' })),
            this.fixVersion,
            button('strip-dev-fix', 'Set fix version', () => this.develop({ kind: 'fix', versions: [this.fixVersion.value] })),
            button('strip-dev-resolve', 'Resolve dev issue', () => this.develop({ kind: 'resolve' })),
          ]),
        ),
        h('span', { class: 'strip-group' }, 'Deploy', this.deployVersion, this.versionList, 'to', this.deployTarget, button('strip-deploy', 'Deploy', () => this.deploy())),
      ),
      h(
        'div',
        { class: 'strip-row' },
        h('span', { class: 'strip-label' }, 'Raise as'),
        h('span', { class: 'strip-group strip-grow' }, this.customer, this.requestType, this.environment, this.product, this.priority, this.summary, button('strip-raise', 'Raise request', () => this.raise(), true)),
      ),
    );
  }

  /** Redraws from the site as last fetched; `requestKey` is the request the page shows. */
  update(state: SandboxStateView, requestKey: string | undefined): void {
    const me = this.app.identity();
    this.clock.textContent = when(state.now, true);
    this.clock.setAttribute('data-now', state.now);
    this.clockTo.value = localInputValue(state.now);
    const pageChanged = requestKey !== this.pageRequest;
    this.pageRequest = requestKey;
    refill(
      this.request,
      state.requests.map((r) => [r.key, `${r.key} ${r.summary.length > 40 ? `${r.summary.slice(0, 39)}…` : r.summary} (${r.status})`]),
      pageChanged && requestKey ? requestKey : undefined,
    );
    this.fillStatus();
    refill(this.author, state.people.map((p) => [p.name, `${p.displayName} (${p.role === 'customer' ? p.organization ?? 'customer' : p.role})`]), pageChanged ? me.name : undefined);
    this.fillVisibility();
    const customers = state.people.filter((p) => p.role === 'customer');
    refill(this.customer, customers.map((p) => [p.name, `${p.displayName} (${p.organization ?? ''})`]), pageChanged && me.role === 'customer' ? me.name : undefined);
    refill(this.requestType, state.requestTypes.map((t) => [t.id, t.name]));
    refill(this.environment, state.fields.environment.map((v) => [v, v]));
    refill(this.product, state.fields.product.map((v) => [v, v]));
    if (this.priority.options.length === 0) void this.fillPriorities();
    this.fillDevelopment();
  }

  say(text: string, error = false): void {
    this.message.textContent = text;
    this.message.classList.toggle('strip-error', error);
  }

  private fillStatus(): void {
    const current = this.app.state.requests.find((r) => r.key === this.request.value);
    refill(this.status, this.app.state.statuses.map((s) => [s, s]), current?.status);
  }

  private fillVisibility(): void {
    const author = this.app.person(this.author.value);
    const internal = this.visibility.querySelector<HTMLOptionElement>('option[value="internal"]');
    // Customers only ever write to the conversation; internal notes are for agents.
    if (internal) internal.disabled = author?.role === 'customer';
    if (author?.role === 'customer') this.visibility.value = 'public';
  }

  /** The selected request's development issue, who works on it, the versions it can be fixed in, where to deploy. */
  private fillDevelopment(): void {
    const { development, people } = this.app.state;
    const issue = development.issues.find((i) => i.request === this.request.value);
    this.developmentIssue.textContent = issue
      ? `${issue.key} ${issue.status}${issue.assignee ? ` (${issue.assignee})` : ''}${issue.fixVersions.length > 0 ? `, fix ${issue.fixVersions.join(', ')}` : ''}`
      : 'not handed to development';
    this.developmentIssue.title = issue ? issue.summary : "The Development section of the request's issue panel hands it over";
    this.developmentIssue.setAttribute('data-issue', issue?.key ?? '');
    for (const control of this.developmentButtons) control.disabled = !issue;
    // The developers, and the agents who sometimes do a developer's part.
    refill(this.developer, people.filter((p) => p.role !== 'customer').map((p) => [p.name, p.displayName]), this.developer.value || DEVELOPER);
    const project = issue?.key.split('-')[0];
    const versions = development.versions.filter((v) => project === undefined || v.project === project);
    refill(this.fixVersion, versions.map((v) => [v.name, `${v.name}${v.released ? ' (released)' : ''}`]));
    clear(this.versionList, ...[...new Set(development.versions.map((v) => v.name))].map((name) => option(name, name)));
    refill(this.deployTarget, development.targets.map((t) => [targetValue(t), `${t.customerName} ${t.environment} — ${t.product}`]));
  }

  private async develop(work: { kind: 'start' } | { kind: 'fix'; versions: string[] } | { kind: 'resolve' }): Promise<void> {
    const request = this.selected();
    const developer = this.app.person(this.developer.value);
    if (!developer) throw new Error('Choose who does the development work');
    const { key, status } = await api.develop(request.key, { ...(work.kind === 'fix' ? { work: 'fix', versions: work.versions } : { work: work.kind }), by: developer.name });
    const done = work.kind === 'start' ? `${developer.displayName} started ${key} (${status})` : work.kind === 'fix' ? `${key}'s fix version is ${work.versions.join(', ')}` : `${key} resolved (${status})`;
    await this.app.changed({ kind: 'issue', issueKey: request.key, issueId: request.id, projectId: this.app.state.site.project.id, changeType: 'updated', atlassianId: developer.accountId }, done);
  }

  /** As a pipeline: a signed report over HTTP to the web trigger; its answer (accepted or refused) is said as it came. */
  private async deploy(): Promise<void> {
    const target = this.app.state.development.targets.find((t) => targetValue(t) === this.deployTarget.value);
    if (!target) throw new Error('Choose the customer environment to deploy to');
    const version = this.deployVersion.value.trim();
    if (!version) throw new Error('Type the version to deploy, e.g. 5.3.1');
    const { status, answer } = await api.deploy({ customer: target.customer, environment: target.environment, product: target.product, version });
    const where = `${target.product} ${version} to ${target.customerName} ${target.environment}`;
    const body = (answer ?? {}) as { outcome?: string; message?: string; error?: string };
    if (status !== 200) throw new Error(`The web trigger refused ${where} (${status}${body.error ? ` ${body.error}` : ''}): ${body.message ?? JSON.stringify(answer)}`);
    await this.app.changed({ kind: 'clock' }, `Deployed ${where}: ${body.outcome === 'current' ? 'it runs it now' : body.outcome === 'duplicate' ? 'reported already, nothing changed' : 'kept as history (a later deployment is current)'}`);
  }

  private async fillPriorities(): Promise<void> {
    const customer = this.customer.value;
    const type = this.requestType.value;
    if (!customer || !type) return;
    const choices = await api.priorities(customer, type).catch(() => []);
    refill(this.priority, [['', 'Contract priority: default'], ...choices.map((c): [string, string] => [JSON.stringify({ priority: c.priority, agreement: c.agreement }), `${c.agreementName}: ${c.priorityName}`])]);
  }

  private async run(action: () => Promise<void>): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.element.classList.add('strip-busy');
    try {
      await action();
    } catch (error) {
      this.say((error as Error).message, true);
    } finally {
      this.busy = false;
      this.element.classList.remove('strip-busy');
    }
  }

  private selected() {
    const request = this.app.state.requests.find((r) => r.key === this.request.value);
    if (!request) throw new Error('Choose a request first');
    return request;
  }

  private async move(move: { by: number } | { to: string }): Promise<void> {
    const { now } = await api.moveClock(move);
    await this.app.changed({ kind: 'clock' }, `Clock moved to ${when(now, true)}; the breach watch ran`);
  }

  private async transition(): Promise<void> {
    const request = this.selected();
    const me = this.app.identity();
    const by = me.role === 'agent' ? me.name : undefined;
    await api.transition(request.key, { status: this.status.value, ...(by ? { by } : {}) });
    const actor = this.app.person(by ?? 'lars');
    await this.app.changed(
      { kind: 'issue', issueKey: request.key, issueId: request.id, projectId: this.app.state.site.project.id, changeType: 'updated', atlassianId: actor?.accountId ?? '' },
      `${request.key} moved to ${this.status.value}`,
    );
  }

  private async comment(): Promise<void> {
    const request = this.selected();
    const author = this.app.person(this.author.value);
    if (!author) throw new Error('Choose who comments');
    const isPublic = this.visibility.value === 'public';
    await api.comment(request.key, { author: author.name, body: this.body.value, public: isPublic });
    this.body.value = '';
    await this.app.changed(
      { kind: 'issue', issueKey: request.key, issueId: request.id, projectId: this.app.state.site.project.id, changeType: 'commented', atlassianId: author.accountId },
      `${request.key}: ${isPublic ? 'reply' : 'internal note'} by ${author.displayName}`,
    );
  }

  private async raise(): Promise<void> {
    const customer = this.app.person(this.customer.value);
    const created = await api.createRequest({
      reporter: this.customer.value,
      requestTypeId: this.requestType.value,
      summary: this.summary.value,
      environment: this.environment.value,
      product: this.product.value,
      ...(this.priority.value ? { contractPriority: JSON.parse(this.priority.value) as unknown } : {}),
    });
    this.summary.value = '';
    this.request.value = created.key;
    await this.app.changed(
      { kind: 'issue', issueKey: created.key, issueId: created.id, projectId: this.app.state.site.project.id, changeType: 'updated', atlassianId: customer?.accountId ?? '' },
      `${created.key} raised by ${customer?.displayName ?? 'a customer'}`,
    );
    this.request.value = created.key;
    this.fillStatus();
  }

  /** Two clicks, so a stray one does not throw the demo away. */
  private async reset(): Promise<void> {
    if (this.resetArmed === undefined) {
      this.resetButton.textContent = 'Click again to reset';
      this.resetArmed = window.setTimeout(() => {
        this.resetArmed = undefined;
        this.resetButton.textContent = 'Reset demo';
      }, 4000);
      return;
    }
    window.clearTimeout(this.resetArmed);
    this.resetArmed = undefined;
    this.resetButton.textContent = 'Reset demo';
    await this.run(async () => {
      const { now } = await api.reset();
      this.pageRequest = undefined;
      await this.app.redraw(`A fresh demo: the clock is at ${when(now, true)}`);
    });
  }
}
