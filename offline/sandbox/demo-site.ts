// The sandbox's one site: the app installed on the Nordlys IT demo site (a ForgeHost), kept in a state folder so it
// survives restarts, and the changes the control strip makes to it. Every change runs alone and ends with the site
// settled — events handled by the trigger, queued re-evaluations done — and the state saved.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DateTime } from 'luxon';
import { DEMO_ACCOUNTS, JsmDoubleError, type Issue, type JsmDouble } from '../jsm-double';
import type {
  DeploymentAnswerView,
  DeploymentTargetView,
  DevelopmentIssueView,
  DevelopmentStateView,
  DevelopmentWork,
  NotificationView,
  PersonView,
  Placement,
  PriorityChoiceView,
  SandboxStateView,
  Surface,
} from './api-types';
import { ForgeHost } from './forge-host';
import { HISTORY_CLOCK_START, historyBegins, liveHistory, saveConfiguration } from './history';
import { liveUntil } from './moving-clock';
import { currentConfiguration } from '../../src/adapters/storage/config-store';
import { readSecret } from '../../src/adapters/storage/deployment-secret';
import { deploymentReportUrl } from '../../src/adapters/web-trigger';
import { SIGNATURE_HEADERS, signatureOf } from '../../src/usecases/deployment-report';
import { runAs, type WebTriggerRequest, type WebTriggerResponse } from '../forge-runtime';
import { notificationList, requestList } from './request-views';
import { SITE_TIMEZONE, SURFACE_NAMES, SURFACES, invokeContext } from './surfaces';

const ROOT = path.join(__dirname, '../..');
const STATE_FILE = 'site.json';
const STORAGE_FILE = 'storage.sqlite';
const STATE_FORMAT = 'contract-sla-sandbox';

/** A refusal the host page shows as is (a 4xx), as opposed to a fault in the sandbox (a 500). */
export class SandboxError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export interface DemoSiteOptions {
  /** Where the storage (SQLite) and the site with its clock (JSON) are kept. */
  stateDir: string;
  /** Where the clock starts on a first start and after a reset (epoch ms); a working morning when absent. */
  clockStart?: number;
  /** The configuration Mette saves on a first start and after a reset. */
  configPath?: string;
  /** Where web trigger URLs point: the sandbox's own address, which serves them. */
  webTriggerBaseUrl?: string | (() => string);
  /**
   * A first start (and a reset) lives three months of history before the clock's start (history.ts), so reports and
   * charts have content; off by default, so tests see the demo's eight requests alone.
   */
  history?: boolean;
}

interface SavedState {
  format: typeof STATE_FORMAT;
  version: 1;
  now: number;
  site: unknown;
}

export interface NewRequest {
  reporter: string;
  requestTypeId: string;
  summary: string;
  description?: string;
  environment?: string;
  product?: string;
  /** The contract priority as the portal panel chose it: `{ priority, agreement }`. */
  contractPriority?: unknown;
}

/** What the bridge's `fetchProduct` answers: the body as text, as @forge/bridge builds a Response from it. */
export interface ProductAnswer {
  status: number;
  statusText: string;
  headers: Record<string, string>;
  body: string;
}

export type ClockMove = { by: number } | { to: number };

export class DemoSite {
  private current: ForgeHost;
  private tail: Promise<unknown> = Promise.resolve();
  private readonly config: unknown;

  private constructor(
    private readonly options: DemoSiteOptions,
    host: ForgeHost,
    config: unknown,
  ) {
    this.current = host;
    this.config = config;
  }

  /** Opens the saved site in `stateDir`, or sets up the demo there when there is none. */
  static async open(options: DemoSiteOptions): Promise<DemoSite> {
    mkdirSync(options.stateDir, { recursive: true });
    const config = JSON.parse(readFileSync(options.configPath ?? path.join(ROOT, 'examples/nordlys-config.json'), 'utf8')) as unknown;
    const saved = readSaved(options.stateDir);
    if (saved) {
      const host = new ForgeHost({ storagePath: path.join(options.stateDir, STORAGE_FILE), site: saved.site, now: saved.now, ...webTriggers(options) });
      return new DemoSite(options, host, config);
    }
    const site = new DemoSite(options, await bootstrap(options, config), config);
    site.save();
    return site;
  }

  get host(): ForgeHost {
    return this.current;
  }

  get double(): JsmDouble {
    return this.current.double;
  }

  get now(): number {
    return this.current.clock.now;
  }

  // ---- reading ---------------------------------------------------------------------------------------------------

  people(): PersonView[] {
    const project = this.projectOrThrow();
    return Object.entries(DEMO_ACCOUNTS).map(([name, accountId]) => {
      const user = this.double.userOrThrow(accountId);
      const agent = this.double.isAgent(accountId, project);
      return {
        name,
        accountId,
        displayName: user.displayName,
        role: agent ? 'agent' : user.accountType === 'customer' ? 'customer' : 'developer',
        administrator: this.double.isAdministrator(accountId, project),
        organization: this.double.organizationsOf(accountId)[0]?.name ?? null,
      };
    });
  }

  /** A person by short name (`sofie`) or account id. */
  person(nameOrAccountId: string): PersonView {
    const person = this.people().find((p) => p.name === nameOrAccountId || p.accountId === nameOrAccountId);
    if (!person) throw new SandboxError(400, `nobody called ${nameOrAccountId} works with this site`);
    return person;
  }

  request(key: string): Issue {
    const issue = this.double.issue(key);
    if (!issue) throw new SandboxError(404, `there is no request ${key}`);
    return issue;
  }

  async state(built: Record<Surface, boolean>): Promise<SandboxStateView> {
    const project = this.projectOrThrow();
    const field = (name: string): string[] => {
      const found = this.double.customField(name);
      return found?.kind === 'select' ? found.options.map((o) => o.value) : [];
    };
    return {
      now: new Date(this.now).toISOString(),
      timezone: SITE_TIMEZONE,
      site: { name: 'Nordlys IT', url: this.double.state.site.baseUrl, project: { id: project.id, key: project.key, name: project.name } },
      people: this.people(),
      requestTypes: this.double.state.requestTypes.map(({ id, name, description }) => ({ id, name, description })),
      statuses: this.double.workflowOf(project).filter((s) => s.name !== 'Closed').map((s) => s.name),
      fields: { environment: field('Environment'), product: field('Product') },
      requests: requestList(this.double),
      notifications: notificationList(this.double),
      built,
      development: await this.developmentState(),
    };
  }

  /** The development issue a request was handed to: the issue linked to it in a project that is not a service project. */
  developmentIssueOf(requestKey: string): Issue | undefined {
    const request = this.request(requestKey);
    for (const link of this.double.linksOf(request)) {
      const other = this.double.issue(link.inwardIssueId === request.id ? link.outwardIssueId : link.inwardIssueId);
      if (other && !isServiceProject(this.double, other)) return other;
    }
    return undefined;
  }

  private async developmentState(): Promise<DevelopmentStateView> {
    const issues: DevelopmentIssueView[] = [];
    for (const request of this.double.state.issues.filter((i) => isServiceProject(this.double, i))) {
      const issue = this.developmentIssueOf(request.key);
      if (!issue) continue;
      const status = this.double.status(issue.statusId);
      issues.push({
        request: request.key,
        key: issue.key,
        summary: issue.summary,
        status: status.name,
        statusCategory: status.category,
        assignee: issue.assignee ? (this.double.user(issue.assignee)?.displayName ?? issue.assignee) : null,
        fixVersions: (issue.fixVersionIds ?? []).map((id) => this.double.versionById(id)?.name ?? id),
      });
    }
    const projects = this.double.state.projects.filter((p) => p.projectTypeKey === 'software');
    const versions = projects.flatMap((p) => this.double.versionsOf(p.key).map((v) => ({ project: p.key, name: v.name, released: v.released })));
    const stored = await runAs(undefined, () => currentConfiguration());
    const targets: DeploymentTargetView[] = (stored?.bundle.customers ?? []).flatMap((c) =>
      c.environments.flatMap((e) => e.products.map((p) => ({ customer: c.id, customerName: c.name ?? c.id, environment: e.name, product: p.name }))),
    );
    return { issues, versions, targets };
  }

  /**
   * Changes when an issue, a comment, a change history or a link is added to the site: a resolver that did one of
   * those (a hand-over transitions the request and links it) changed what Jira's own pages show.
   */
  get siteMark(): string {
    const { issue, comment, history, link } = this.double.state.counters;
    return `${issue}/${comment}/${history}/${link ?? 0}`;
  }

  // ---- the app's surfaces ----------------------------------------------------------------------------------------

  /** A resolver call from a surface, as Forge makes it: the surface's resolver, its context, the caller. */
  invoke(placement: Placement, accountId: string, functionKey: string, payload: unknown): Promise<unknown> {
    return this.change(async (host) => {
      this.person(accountId);
      const resolver = SURFACES[placement.surface].resolver;
      return host.invoke(resolver, functionKey, payload ?? {}, invokeContext(host.double, placement, accountId));
    });
  }

  /** The priorities a customer could choose on the portal for a request type, flattened for a plain select. */
  async priorityChoices(accountId: string, requestTypeId: string): Promise<PriorityChoiceView[]> {
    const answer = (await this.invoke({ surface: 'portal-create', requestTypeId }, accountId, 'portal/priorities', {})) as {
      ok: boolean;
      data?: { agreements: Array<{ agreement: { id: string; name: string }; priorities: Array<{ id: string; name: string }> }> };
    };
    if (!answer.ok || !answer.data) return [];
    return answer.data.agreements.flatMap(({ agreement, priorities }) =>
      priorities.map((p) => ({ agreement: agreement.id, agreementName: agreement.name, priority: p.id, priorityName: p.name })),
    );
  }

  /** `requestJira` from a surface: Jira REST as the viewing user (the bridge's `fetchProduct`), through the runtime. */
  productRequest(accountId: string, restPath: string, init: { method?: string; headers?: Array<[string, string]>; body?: string | null }): Promise<ProductAnswer> {
    return this.change(async (host) => {
      this.person(accountId);
      const headers = Object.fromEntries((init.headers ?? []).map(([name, value]) => [name.toLowerCase(), value]));
      const answer = await host.frontendRequestJira(accountId, restPath, {
        method: (init.method ?? 'GET').toUpperCase(),
        headers,
        ...(init.body === undefined || init.body === null ? {} : { body: init.body }),
      });
      const answerHeaders: Record<string, string> = {};
      answer.headers.forEach((value, name) => {
        answerHeaders[name] = value;
      });
      return { status: answer.status, statusText: answer.statusText, headers: answerHeaders, body: await answer.text() };
    });
  }

  // ---- the control strip -----------------------------------------------------------------------------------------

  createRequest(input: NewRequest): Promise<Issue> {
    return this.change(async (host) => {
      const reporter = this.person(input.reporter);
      if (reporter.role !== 'customer') throw new SandboxError(400, `${reporter.displayName} is ${reporter.role === 'agent' ? 'an agent' : 'a developer'}; requests are raised by customers`);
      if (!input.summary.trim()) throw new SandboxError(400, 'a request needs a summary');
      return host.double.createRequest({
        requestTypeId: input.requestTypeId,
        reporter: reporter.accountId,
        summary: input.summary.trim(),
        ...(input.description?.trim() ? { description: input.description.trim() } : {}),
        fieldValues: { environment: input.environment || undefined, product: input.product || undefined },
        ...(input.contractPriority !== undefined && input.contractPriority !== null ? { contractPriority: input.contractPriority } : {}),
      });
    });
  }

  comment(key: string, input: { author: string; body: string; public: boolean }): Promise<Issue> {
    return this.change(async (host) => {
      const issue = this.request(key);
      if (!input.body.trim()) throw new SandboxError(400, 'a comment needs some text');
      const author = this.person(input.author);
      if (author.role === 'customer' && !host.double.canSee({ accountId: author.accountId }, issue)) {
        throw new SandboxError(403, `${author.displayName} cannot see ${issue.key}`);
      }
      host.double.addComment(issue.key, { author: author.accountId, body: input.body.trim(), public: input.public });
      return issue;
    });
  }

  transition(key: string, input: { status: string; by?: string }): Promise<Issue> {
    return this.change(async (host) => {
      const issue = this.request(key);
      const by = input.by ? this.person(input.by) : undefined;
      // Customers cannot move requests through the workflow; the project's first agent does it for them.
      host.double.transition(issue.key, input.status, by?.role === 'agent' ? { by: by.accountId } : {});
      return issue;
    });
  }

  /**
   * The developers' side of a request handed to development, as Jira Software users would do it on the development
   * issue: start work (assigned and In Progress), name fix versions, resolve it. The app hears of each through its
   * issue events, as it would in Jira.
   */
  developmentWork(requestKey: string, work: DevelopmentWork, by: string): Promise<Issue> {
    return this.change(async (host) => {
      const issue = this.developmentIssueOf(requestKey);
      if (!issue) throw new SandboxError(400, `${requestKey} has not been sent to development: send it from the Development section of its issue panel first`);
      const developer = this.person(by);
      if (work.kind === 'start') host.double.startDevelopment(issue.key, developer.accountId);
      else if (work.kind === 'fix') host.double.setFixVersions(issue.key, work.versions, developer.accountId);
      else host.double.resolveDevelopmentIssue(issue.key, developer.accountId);
      return issue;
    });
  }

  /**
   * Reports a deployment as a pipeline does (formats.md §9.4): signed with the site's deployment secret — what a
   * pipeline keeps in its settings, so always the current one — and POSTed over HTTP to the web trigger's URL, where
   * the sandbox server hands it to the app like any caller's. The timestamp is the sandbox clock's, which the app
   * checks the signature's age against.
   */
  async deploy(target: Omit<DeploymentTargetView, 'customerName'> & { version: string }): Promise<DeploymentAnswerView> {
    // Read apart from the report itself: the web trigger's own change waits for this one to end.
    const { url, secret, now } = await this.exclusive(async () => {
      const [secret, url] = await runAs(undefined, () => Promise.all([readSecret(), deploymentReportUrl()]));
      return { url, secret, now: this.current.clock.now };
    });
    if (!secret) throw new SandboxError(409, "The site has no deployment secret yet: create one on the admin page's Environments tab (as Mette), then deploy again");
    const body = JSON.stringify({ customer: target.customer, environment: target.environment, product: target.product, version: target.version, by: PIPELINE });
    const timestamp = String(Math.floor(now / 1000));
    const nonce = randomBytes(16).toString('hex');
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [SIGNATURE_HEADERS.timestamp]: timestamp,
        [SIGNATURE_HEADERS.nonce]: nonce,
        [SIGNATURE_HEADERS.signature]: signatureOf(secret.current, timestamp, nonce, body),
      },
      body,
    });
    const text = await response.text();
    let answer: unknown = text;
    try {
      answer = JSON.parse(text);
    } catch {
      // The platform's own failures (a 500 with no body) are not JSON; shown as they came.
    }
    return { status: response.status, answer };
  }

  /**
   * Moves the clock forward, running the scheduled work as Forge would have meanwhile (liveUntil): the breach watch
   * at every five-minute tick where something was due (a breach, an escalation, a retry), then at the end; the hourly
   * contract reminders at every hour where one is due; the daily report schedule each day; queued jobs when due. So
   * an escalation reached on the way is sent at its tick and a contract reminder at its hour, not late at the end of
   * a long move.
   */
  moveClock(move: ClockMove): Promise<number> {
    return this.change(async (host) => {
      const target = 'by' in move ? host.clock.now + move.by : move.to;
      if (!Number.isFinite(target)) throw new SandboxError(400, 'not an instant');
      if (target < host.clock.now) throw new SandboxError(400, 'the sandbox clock only moves forward; reset the demo to start again');
      await liveUntil(host, target);
      await host.runSchedule();
      return host.clock.now;
    });
  }

  /** The notifications Jira would have e-mailed, the latest first (the "Sent notifications" page). */
  notifications(): NotificationView[] {
    return notificationList(this.double);
  }

  /** Back to a fresh demo: the same set-up as a first start. */
  reset(): Promise<void> {
    return this.exclusive(async () => {
      this.current.close();
      removeState(this.options.stateDir);
      this.current = await bootstrap(this.options, this.config);
      this.save();
    });
  }

  /** Waits for the work under way, saves and lets go of the storage. */
  async close(): Promise<void> {
    await this.exclusive(async () => {
      this.save();
      this.current.close();
    });
  }

  /** An HTTP request to a web trigger URL of the app (`/x1/<id>`), one change at a time like every other. */
  webTrigger(id: string, request: WebTriggerRequest): Promise<WebTriggerResponse | undefined> {
    return this.change((host) => host.webTrigger(id, request));
  }

  // ---- internals -------------------------------------------------------------------------------------------------

  private projectOrThrow() {
    const project = this.double.state.projects[0];
    if (!project) throw new SandboxError(500, 'the site has no project');
    return project;
  }

  /** One change at a time; a change ends with the site settled and saved, whether it succeeded or not. */
  private change<T>(work: (host: ForgeHost) => Promise<T>): Promise<T> {
    return this.exclusive(async () => {
      const host = this.current;
      try {
        return await work(host).catch((error: unknown) => {
          throw error instanceof JsmDoubleError ? new SandboxError(400, error.message) : error;
        });
      } finally {
        await host.settle();
        await host.drainQueue();
        this.save();
      }
    });
  }

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.tail.then(work, work);
    this.tail = run.catch(() => undefined);
    return run;
  }

  private save(): void {
    const saved: SavedState = { format: STATE_FORMAT, version: 1, now: this.current.clock.now, site: this.current.double.toJSON() };
    const file = path.join(this.options.stateDir, STATE_FILE);
    // Written aside and renamed, so a crash never leaves half a file.
    writeFileSync(`${file}.tmp`, JSON.stringify(saved));
    renameSync(`${file}.tmp`, file);
  }
}

/** Who the sandbox's deployment reports say they come from. */
export const PIPELINE = 'sandbox pipeline';

function isServiceProject(double: JsmDouble, issue: Issue): boolean {
  return (double.projectOf(issue).projectTypeKey ?? 'service_desk') === 'service_desk';
}

/** Whether opening `stateDir` sets the demo up afresh (nothing saved there yet). */
export function isFirstStart(stateDir: string): boolean {
  return !existsSync(path.join(stateDir, STATE_FILE)) || !existsSync(path.join(stateDir, STORAGE_FILE));
}

function readSaved(stateDir: string): SavedState | undefined {
  const file = path.join(stateDir, STATE_FILE);
  if (isFirstStart(stateDir)) return undefined;
  const saved = JSON.parse(readFileSync(file, 'utf8')) as Partial<SavedState>;
  if (saved.format !== STATE_FORMAT || saved.version !== 1 || typeof saved.now !== 'number') {
    throw new Error(`${file} is not a saved sandbox; delete ${stateDir} (or press Reset) to start afresh`);
  }
  return saved as SavedState;
}

function removeState(stateDir: string): void {
  for (const name of [STATE_FILE, STORAGE_FILE, `${STORAGE_FILE}-wal`, `${STORAGE_FILE}-shm`, `${STORAGE_FILE}-journal`]) {
    rmSync(path.join(stateDir, name), { force: true });
  }
}

function webTriggers(options: DemoSiteOptions): { webTriggerBaseUrl?: string | (() => string) } {
  return options.webTriggerBaseUrl === undefined ? {} : { webTriggerBaseUrl: options.webTriggerBaseUrl };
}

/**
 * A fresh demo. With history: the site lived from the app's installation three months before the clock's start
 * (history.ts). Without: as if the app had just been installed on a site with the demo's recent requests — the
 * seeded site, the example configuration saved by Mette through the admin resolver (which queues a
 * re-evaluation), the queue drained, and every seeded request replayed through the trigger.
 */
async function bootstrap(options: DemoSiteOptions, config: unknown): Promise<ForgeHost> {
  removeState(options.stateDir);
  const start = options.clockStart ?? (options.history ? HISTORY_CLOCK_START : demoMorning(Date.now()));
  const host = new ForgeHost({
    storagePath: path.join(options.stateDir, STORAGE_FILE),
    now: options.history ? historyBegins(start) : start,
    seed: !options.history,
    ...webTriggers(options),
  });
  try {
    if (options.history) {
      await liveHistory(host, config, start);
    } else {
      await saveConfiguration(host, config, 0);
      await host.replaySeededRequests();
    }
    // Pipelines sign their deployment reports with the site's secret: the demo starts with one, made as an admin would.
    const admin = invokeContext(host.double, { surface: 'admin' }, DEMO_ACCOUNTS.mette);
    const secret = await host.invoke<{ ok: boolean; errors?: unknown }>('adminResolver', 'admin/deployments/rotate-secret', {}, admin);
    if (!secret.ok) throw new Error(`the deployment secret was refused: ${JSON.stringify(secret.errors)}`);
    return host;
  } catch (error) {
    host.close();
    throw error;
  }
}

/**
 * Where the clock starts unless told: 10:00 in Copenhagen today, or on the next Monday at a weekend, so a newcomer
 * sees office hours running (and pausing at closing time) rather than a weekend where only 24x7 goals move.
 */
export function demoMorning(now: number): number {
  let day = DateTime.fromMillis(now, { zone: SITE_TIMEZONE }).startOf('day');
  while (day.weekday > 5) day = day.plus({ days: 1 });
  return day.set({ hour: 10 }).toMillis();
}

/** Which surfaces are built, so the host page can say "run npm run build" instead of showing an empty frame. */
export function builtSurfaces(staticDir: string): Record<Surface, boolean> {
  return Object.fromEntries(SURFACE_NAMES.map((s) => [s, existsSync(path.join(staticDir, s, 'dist', 'index.html'))])) as Record<Surface, boolean>;
}

/** `2026-11-26T10:30` (Copenhagen wall-clock, what a datetime-local input gives) or any ISO instant with an offset. */
export function parseInstant(text: string): number {
  const trimmed = text.trim();
  const hasZone = /(Z|[+-]\d{2}:?\d{2})$/i.test(trimmed);
  const parsed = hasZone ? DateTime.fromISO(trimmed, { setZone: true }) : DateTime.fromISO(trimmed, { zone: SITE_TIMEZONE });
  if (!parsed.isValid) throw new SandboxError(400, `${text} is not a date and time (expected e.g. 2026-11-26T10:30)`);
  return parsed.toMillis();
}

/**
 * What the portal panel submitted with view.submit: `{ fields: [{ key, value }], isValid }` as JSM takes it, or the
 * value itself. JSM refuses to create the request while the panel says it is not valid.
 */
export function portalChoice(submission: unknown): unknown {
  if (submission === null || typeof submission !== 'object') return submission ?? undefined;
  const record = submission as { fields?: unknown; isValid?: unknown };
  if (record.isValid === false) throw new SandboxError(400, 'The Contract SLA panel says the request is not ready: choose a priority');
  if (!Array.isArray(record.fields)) return submission;
  const fields = record.fields as Array<{ key?: unknown; value?: unknown }>;
  const field = fields.find((f) => f.key === 'contract-priority-choice') ?? fields[0];
  return field?.value;
}
