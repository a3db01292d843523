// The contract between the Custom UI surfaces and the resolvers: every resolver key with the payload it takes and the
// answer it gives (inside the `{ ok, data }` envelope). The resolvers are typed by it (src/resolvers/define.ts) and so
// are the surfaces' calls (static/shared/api.ts); a renamed key or a changed answer no longer compiles on either side.
// Types only: the surfaces bundle nothing of the backend.
import type { Organization, RequestType } from './adapters/jira/client';
import type { RecomputeFailure } from './adapters/storage/failure-store';
import type { BundleChange } from './config/bundle-changes';
import type { Reevaluation } from './adapters/storage/reevaluation-store';
import type { EvaluationJson } from './engine/simulate-json';
import type { ConfigBundle } from './engine/types';
import type { AgreementCommitments } from './views/commitments';
import type { TimelineJson } from './views/timeline-json';
import type { EscalationStatus } from './views/escalation-deliveries';
import type { ReminderStatus } from './views/reminder-deliveries';
import type { ContractsView } from './views/contracts';
import type { IssuePanelView, ObligationView } from './views/issue-panel';
import type { MonitoringGroupBy, MonitoringView } from './views/monitoring';
import type { WorkListAnswer, WorkListFilters, WorkListView } from './views/work-list';
import type { IssuedReportView, ReportPdf } from './views/issued-reports';
import type { GoalListDownload } from './views/report-pdf-file';
import type { ReportSchedule } from './engine/types';
import type { DrillQuery, DrillRow, ManagementFigures, ManagementFilters, ManagementQuery } from './usecases/management-report';
import type { CurrentVersion, Deployment } from './adapters/storage/environment-store';
import type { EnvironmentProductVersion, EnvironmentVersions, RecordOutcome } from './usecases/environment-versions';

/** A saved configuration's version, when and by whom. */
export interface ConfigMeta {
  version: number;
  savedAt: number | null;
  savedBy: string | null;
}

/** A version in the history, with the name of who saved it (the account id when Jira does not give a name). */
export interface ConfigHistoryEntry extends ConfigMeta {
  savedByName: string | null;
}

/** What changed from one saved version to another (`src/config/bundle-changes.ts`). */
export interface ConfigChanges {
  from: number;
  to: number;
  changes: BundleChange[];
}

/** The configuration as the admin page loads it, and whether the caller may change it (a Jira administrator). */
export interface StoredConfigView extends ConfigMeta {
  bundle: ConfigBundle;
  canEdit: boolean;
}

/**
 * A save, an import or a restore: the version it made, and the re-evaluation it started; or, when the bundle is the
 * current one already (`unchanged`), that version and no re-evaluation.
 */
export interface SavedVersion extends ConfigMeta {
  unchanged: boolean;
  reevaluation: Reevaluation | null;
}

export interface ReevaluationStatus {
  reevaluation: Reevaluation | null;
  failures: RecomputeFailure[];
}

export interface CalendarPreview {
  calendar: string;
  openSeconds: number;
  openings: Array<{ from: string; to: string }>;
}

/** `portal/priorities`: the caller's own organization's agreements in force, each with its priority model. */
export interface PortalPriorities {
  requestType: string | null;
  agreements: AgreementCommitments[];
}

/** `portal/commitments`: the request's customer-facing obligations (internal goals and escalations never leave the backend). */
export interface PortalCommitments {
  request: string;
  agreement: { id: string; name: string } | null;
  /** The priority the request has, from the agreement's own model (null until one is chosen). */
  priority: { id: string; name: string } | null;
  /** One per goal the customer was promised: its open cycle, else its latest; never a cancelled one. */
  obligations: Array<Omit<ObligationView, 'escalations'>>;
  /**
   * Where the development work the request waits for stands, in the customer's words (never the development issue's
   * key or its comments): "In development", "Fixed in Payroll 5.3.1, waiting for your UAT environment to be updated";
   * null when the request was not handed to development.
   */
  progress: string | null;
}

/** `admin/reports/list`: every agreement with its schedule and issued reports (newest first). */
export interface AgreementReports {
  id: string;
  name: string;
  customer: string;
  schedule: ReportSchedule | null;
  /** The month that ended last in the agreement's zone: what "issue now" offers first. */
  lastMonth: string | null;
  /** The month the schedule issues today (its day has come), or null. */
  nextScheduled: string | null;
  reports: IssuedReportView[];
}

/** `portal/reports/list`: the caller's organizations and their reports. */
export interface PortalReports {
  organizations: string[];
  /** The names of the goals the reports show. */
  goalNames: Record<string, string>;
  reports: Array<IssuedReportView & { agreementName: string }>;
}

/** The management reports' query for a drill-down or an export: the filters, then scope and grouping (defaults both, customer). */
export type ManagementPayload = Pick<ManagementQuery, 'from' | 'to' | 'customers' | 'agreements'> & Partial<Pick<ManagementQuery, 'scope' | 'groupBy'>>;

/** An export of the management reports: the file as base64 (gzip-compressed when `gzip`), its type, how many goals. */
export interface ManagementExport {
  fileName: string;
  type: string;
  goals: number;
  gzip: boolean;
  base64: string;
}

/** A request waiting for a release on its environment (formats.md §9.5): its development issue and the fix. */
export interface WaitingRequest {
  issueKey: string;
  product: string;
  devKey: string;
  fix: string;
}

/**
 * `admin/environments/overview`: every customer environment, each product with its version and who set it (by name
 * when Jira gives one), and the requests waiting for a release there (at most 100 per environment and product).
 */
export interface EnvironmentOverview {
  environments: Array<Omit<EnvironmentVersions, 'products'> & { products: Array<EnvironmentProductVersion & { byName?: string }>; waiting?: WaitingRequest[] }>;
}

/** A product of a customer environment, as the environment resolvers name it. */
export interface EnvironmentTargetPayload {
  customer: string;
  environment: string;
  product: string;
}

/** `admin/environments/history`: the bundle's starting version and the deployments reported, the latest deployed first. */
export interface EnvironmentHistory extends EnvironmentTargetPayload {
  starting: string | null;
  entries: Deployment[];
  cursor?: string;
}

/** What a recorded deployment became, and what the environment runs after it. */
export interface RecordedDeployment {
  outcome: RecordOutcome;
  deployment: Deployment;
  current: CurrentVersion;
}

/** `admin/deployments/status`: where pipelines report deployments, and whether they can (a secret is set). */
export interface DeploymentReportStatus {
  url: string;
  secretSet: boolean;
  createdAt: number | null;
  createdBy: string | null;
  /** Until when the secret before the current one still signs, when it does. */
  previousValidUntil: number | null;
  /** The signature's header names, and how old a timestamp may be. */
  headers: { timestamp: string; nonce: string; signature: string };
  windowSeconds: number;
}

/** Where a request handed to development stands (formats.md §9.5), from the agent's side. */
export type DevelopmentStage = 'handed-over' | 'in-development' | 'fixed' | 'available' | 'resolved';

/** The development issue a request is linked to, as the issue panel shows it (`issue/development`). */
export interface DevelopmentLinkView {
  key: string;
  url: string;
  summary: string;
  status: string;
  statusCategory: 'new' | 'indeterminate' | 'done';
  /** The assignee's display name. */
  assignee: string | null;
  /** The fix versions as development named them. */
  fixVersions: string[];
  /** The watched fix: the lowest fix version that reads as a version, once development has finished (status category done). */
  fix: string | null;
  /** Why a fix version is not watched, e.g. '"Next sprint" is not a version: …' — shown, never guessed at. */
  fixProblem: string | null;
  stage: DevelopmentStage;
  /** In the agent's words: "Fixed in Payroll 5.3.1 — UAT runs 5.3.0, waiting for the update". */
  stageText: string;
  /** The customer's environments with this product, and whether each runs the fix already. */
  environments: Array<{ environment: string; version: string | null; reached: boolean }>;
  /** The release notices sent to the customer (ISO instants). */
  notices: Array<{ environment: string; version: string; at: string; resolved: boolean }>;
}

/** `issue/development`: the request's development terms, its environment, and the development issue it waits for. */
export interface DevelopmentPanel {
  /** null: the agreement has no development terms (then `why` says so). */
  terms: null | { project: string; projectName: string; waitingStatus: string; resolveWhenAvailable: boolean };
  why?: string;
  /** EDIT_ISSUES on the request and CREATE_ISSUES in the development project; false once linked. */
  canHandOver: boolean;
  /** The request's customer environment and product, and the version that environment runs now. */
  environment: string | null;
  product: string | null;
  environmentVersion: string | null;
  /** What the hand-over form starts from: the request's summary, which the agent may edit before sending. */
  draftSummary: string;
  link: DevelopmentLinkView | null;
}

/** `issue/development/hand-over`: create a development issue from the request, or link an existing one. */
export type HandOverPayload =
  | { mode: 'create'; summary?: string; description?: string; timezone?: string }
  | { mode: 'link'; key: string; timezone?: string };

type Zone = { timezone?: string };
type NoPayload = Record<string, never>;

export interface ResolverContract {
  'issue/obligations': { payload: Zone; answer: IssuePanelView };
  'issue/set-priority': { payload: { priority: string } & Zone; answer: IssuePanelView };
  'issue/set-answers': { payload: { impact: string; urgency: string } & Zone; answer: IssuePanelView };
  'issue/development': { payload: Zone; answer: DevelopmentPanel };
  'issue/development/hand-over': { payload: HandOverPayload; answer: DevelopmentPanel };
  'worklist/list': { payload: WorkListFilters & Zone & Partial<WorkListView>; answer: WorkListAnswer & { me: string } };
  'worklist/assign-to-me': { payload: { issueKey: string }; answer: { issueKey: string; assignee: string } };
  'portal/priorities': { payload: NoPayload; answer: PortalPriorities };
  'portal/commitments': { payload: NoPayload; answer: PortalCommitments };
  'admin/config/get': { payload: NoPayload; answer: StoredConfigView };
  'admin/config/validate': { payload: { bundle: unknown }; answer: { valid: boolean; issues: Array<{ path: string; message: string }> } };
  'admin/config/save': { payload: { bundle: unknown; expectedVersion: number; removePriorities?: boolean }; answer: SavedVersion };
  'admin/config/import': { payload: { json: string; expectedVersion: number; removePriorities?: boolean }; answer: SavedVersion };
  'admin/config/export': { payload: NoPayload; answer: { fileName: string; json: string } };
  'admin/config/history': { payload: NoPayload; answer: ConfigHistoryEntry[] };
  'admin/config/changes': { payload: { from?: number; to?: number }; answer: ConfigChanges };
  'admin/config/restore': { payload: { version: number; expectedVersion: number }; answer: SavedVersion };
  'admin/simulate': { payload: { bundle?: unknown; timeline: unknown; at: string }; answer: EvaluationJson };
  'admin/request/timeline': { payload: { issueKey: string; bundle?: unknown }; answer: { issueKey: string; timeline: TimelineJson } };
  'admin/calendar/preview': { payload: { bundle?: unknown; calendar: string; from: string; days?: number }; answer: CalendarPreview };
  'admin/jira/organizations': { payload: NoPayload; answer: Organization[] };
  'admin/jira/statuses': { payload: NoPayload; answer: Array<{ id: string; name: string; category: string }> };
  'admin/jira/request-types': { payload: { serviceDeskId?: string }; answer: RequestType[] };
  'admin/reevaluation/status': { payload: NoPayload; answer: ReevaluationStatus };
  'admin/reevaluate': { payload: NoPayload; answer: { reevaluation: Reevaluation } };
  'admin/escalations/status': { payload: NoPayload; answer: EscalationStatus };
  'admin/reminders/status': { payload: NoPayload; answer: ReminderStatus };
  'contracts/list': { payload: NoPayload; answer: ContractsView };
  'monitoring/overview': { payload: { groupBy?: MonitoringGroupBy; customers?: string[]; horizonHours?: number }; answer: MonitoringView };
  'admin/environments/overview': { payload: NoPayload; answer: EnvironmentOverview };
  'admin/environments/history': { payload: EnvironmentTargetPayload & { cursor?: string; limit?: number }; answer: EnvironmentHistory };
  'admin/environments/set-version': { payload: EnvironmentTargetPayload & { version: string; deployedAt?: string }; answer: RecordedDeployment };
  'admin/environments/import': { payload: { csv: string }; answer: { rows: number } & Record<RecordOutcome, number> };
  'admin/deployments/status': { payload: NoPayload; answer: DeploymentReportStatus };
  'admin/deployments/rotate-secret': { payload: NoPayload; answer: { secret: string; createdAt: number; previousValidUntil: number | null } };
  'admin/reports/list': { payload: NoPayload; answer: { agreements: AgreementReports[] } };
  'admin/reports/issue': { payload: { agreement: string; month: string }; answer: { queued: true; agreement: string; month: string } };
  'admin/reports/pdf': { payload: { report: string }; answer: ReportPdf };
  'admin/reports/goals': { payload: { report: string }; answer: GoalListDownload };
  'portal/reports/list': { payload: NoPayload; answer: PortalReports };
  'portal/reports/pdf': { payload: { report: string }; answer: ReportPdf };
  'portal/reports/goals': { payload: { report: string }; answer: GoalListDownload };
  'admin/management/report': { payload: ManagementFilters; answer: ManagementFigures };
  'admin/management/drill': { payload: ManagementPayload & Pick<DrillQuery, 'group' | 'measure' | 'kind'>; answer: { total: number; rows: DrillRow[] } };
  'admin/management/export': { payload: ManagementPayload & { format: 'csv' | 'xlsx' }; answer: ManagementExport };
}

export type ResolverKey = keyof ResolverContract;
export type PayloadOf<K extends ResolverKey> = ResolverContract[K]['payload'];
export type AnswerOf<K extends ResolverKey> = ResolverContract[K]['answer'];
