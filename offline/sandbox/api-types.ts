// The JSON the sandbox server and its host page exchange. Types only (no imports), so the browser code under
// offline/sandbox/browser can share them without bundling anything of the backend.

/** The Custom UI surfaces of the app, named after their folders under static/. */
export type Surface = 'issue-panel' | 'portal-create' | 'portal-detail' | 'admin' | 'worklist' | 'monitoring' | 'monitoring-gadget' | 'portal-reports';

/** Where a surface is rendered: which module, and on which request or request type. */
export interface Placement {
  surface: Surface;
  /** The request an issue panel or portal detail panel belongs to. */
  issueKey?: string;
  /** The request type a portal create form is for. */
  requestTypeId?: string;
  /** A dashboard gadget shown as its edit view. */
  entryPoint?: 'edit';
  /** A dashboard gadget's settings as Jira keeps them (JSON text: it travels in a query string). */
  gadgetConfiguration?: string;
  /** The sub-page of the global page (the manifest's `pages[].route`) the frame opens on: its history starts there. */
  route?: string;
}

export interface PersonView {
  /** The short name the switcher and `?as=` use: mette, lars, sofie, anders, karen, jens, nora. */
  name: string;
  accountId: string;
  displayName: string;
  /** A developer works in the site's development project (Jira Software), neither on the service desk nor its portal. */
  role: 'agent' | 'developer' | 'customer';
  administrator: boolean;
  organization: string | null;
}

export interface RequestSummaryView {
  key: string;
  id: string;
  summary: string;
  status: string;
  statusCategory: 'new' | 'indeterminate' | 'done';
  requestType: string;
  reporter: { accountId: string; displayName: string };
  organization: string | null;
  /** The app's "Contract priority" field. */
  contractPriority: string | null;
  /** The app's "Next SLA deadline" field (ISO instant). */
  nextSlaDeadline: string | null;
  breached: boolean;
  created: string;
  updated: string;
}

export interface CommentView {
  id: string;
  author: { accountId: string; displayName: string; agent: boolean };
  body: string;
  public: boolean;
  created: string;
}

export interface RequestDetailView extends RequestSummaryView {
  description: string | null;
  priority: string;
  environment: string | null;
  product: string | null;
  assignee: string | null;
  resolution: string | null;
  /** A development issue's Fix versions (empty for requests). */
  fixVersions: string[];
  /** Jira's "Linked work items": each issue linked to this one, and how. */
  links: Array<{ relation: string; key: string; summary: string; status: string; statusCategory: 'new' | 'indeterminate' | 'done' }>;
  comments: CommentView[];
}

export interface SandboxStateView {
  /** The sandbox clock (ISO instant). */
  now: string;
  timezone: string;
  site: { name: string; url: string; project: { id: string; key: string; name: string } };
  people: PersonView[];
  requestTypes: Array<{ id: string; name: string; description: string }>;
  statuses: string[];
  fields: { environment: string[]; product: string[] };
  requests: RequestSummaryView[];
  /** The e-mails Jira would have sent for the app (escalations), the latest first. */
  notifications: NotificationView[];
  /** Which surfaces have been built (static/<surface>/dist/index.html exists). */
  built: Record<Surface, boolean>;
  /** The developers' side: the issues requests were handed to, the versions they can name, where deployments go. */
  development: DevelopmentStateView;
}

/** A development issue a request was handed to, as Jira Software shows it. */
export interface DevelopmentIssueView {
  /** The request (service project) it is linked to. */
  request: string;
  key: string;
  summary: string;
  status: string;
  statusCategory: 'new' | 'indeterminate' | 'done';
  assignee: string | null;
  fixVersions: string[];
}

/** A product of a customer environment, where a pipeline can report a deployment. */
export interface DeploymentTargetView {
  customer: string;
  customerName: string;
  environment: string;
  product: string;
}

export interface DevelopmentStateView {
  issues: DevelopmentIssueView[];
  /** The versions of the development projects, in Jira's order. */
  versions: Array<{ project: string; name: string; released: boolean }>;
  /** Every product of every customer environment of the saved configuration. */
  targets: DeploymentTargetView[];
}

/** What the developers do on a development issue from the control strip. */
export type DevelopmentWork = { kind: 'start' } | { kind: 'fix'; versions: string[] } | { kind: 'resolve' };

/** A deployment reported over HTTP as a pipeline reports it: the web trigger's status and JSON answer. */
export interface DeploymentAnswerView {
  status: number;
  answer: unknown;
}

/** One e-mail Jira would have sent through its notify API: when, about which request, to whom (and why), saying what. */
export interface NotificationView {
  id: string;
  at: string;
  issueKey: string;
  subject: string;
  textBody: string;
  recipients: Array<{ displayName: string; emailAddress: string; why: string }>;
}

/** A contract priority the quick "raise a request" form offers: what the portal panel would let the customer pick. */
export interface PriorityChoiceView {
  agreement: string;
  agreementName: string;
  priority: string;
  priorityName: string;
}

/** Every failed call answers `{ error }` with a 4xx/5xx status. */
export interface ErrorView {
  error: string;
}
