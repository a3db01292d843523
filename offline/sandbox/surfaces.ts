// Which Forge module each Custom UI surface is, which resolver it calls, and the context Jira gives it. The host
// page asks the server for a surface's context rather than building it, so ids and keys come from the site itself.
import { APP_UUID } from '../../src/app-identity';
import type { JsmDouble } from '../jsm-double';
import type { Placement, Surface } from './api-types';
import type { InvokeContext, ResolverName } from './forge-host';

export interface SurfaceModule {
  /** The Forge module type, as `context.extension.type` names it. */
  type: string;
  moduleKey: string;
  resolver: ResolverName;
  title: string;
}

export const SURFACES: Record<Surface, SurfaceModule> = {
  'issue-panel': { type: 'jira:issuePanel', moduleKey: 'contract-sla-issue-panel', resolver: 'issuePanelResolver', title: 'Contract SLA' },
  worklist: { type: 'jira:projectPage', moduleKey: 'contract-sla-worklist', resolver: 'worklistResolver', title: 'SLA work list' },
  admin: { type: 'jira:adminPage', moduleKey: 'contract-sla-admin', resolver: 'adminResolver', title: 'Contract SLA' },
  'portal-create': {
    type: 'jiraServiceManagement:portalRequestCreatePropertyPanel',
    moduleKey: 'contract-sla-portal-priority',
    resolver: 'portalResolver',
    title: 'Priority',
  },
  'portal-detail': {
    type: 'jiraServiceManagement:portalRequestDetailPanel',
    moduleKey: 'contract-sla-portal-commitments',
    resolver: 'portalResolver',
    title: 'Service commitments',
  },
  'portal-reports': { type: 'jiraServiceManagement:portalProfilePanel', moduleKey: 'contract-sla-portal-reports', resolver: 'portalResolver', title: 'Service level reports' },
  monitoring: { type: 'jira:globalPage', moduleKey: 'contract-sla-monitoring', resolver: 'monitoringResolver', title: 'Contract SLA' },
  'monitoring-gadget': { type: 'jira:dashboardGadget', moduleKey: 'contract-sla-monitoring-gadget', resolver: 'monitoringResolver', title: 'SLA escalations' },
};

/** The sandbox's one dashboard and the gadget on it (ids as Jira gives them). */
const DASHBOARD = { id: '10000' };
const GADGET = { id: '10100' };

/** A gadget's settings from the placement: whatever JSON the edit view submitted, an empty object when none. */
function gadgetConfigurationOf(placement: Placement): Record<string, unknown> {
  if (!placement.gadgetConfiguration) return {};
  try {
    const parsed = JSON.parse(placement.gadgetConfiguration) as unknown;
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  } catch {
    throw new PlacementError('the gadget configuration is not JSON');
  }
}

export const SURFACE_NAMES = Object.keys(SURFACES) as Surface[];

/** The sandbox shows times as Nordlys IT's people see them: in Copenhagen. */
export const SITE_TIMEZONE = 'Europe/Copenhagen';
/** The apps' UI is English; en-GB keeps the 24-hour clock the Danish users are used to. */
export const SITE_LOCALE = 'en-GB';
const CLOUD_ID = '5c2f9a1e-3d4b-4f6a-8e7c-1b2a3c4d5e6f';

export function isSurface(value: unknown): value is Surface {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(SURFACES, value);
}

export class PlacementError extends Error {}

/** `context.extension` as Jira fills it for each module type (what @forge/bridge getContext shows the app). */
export function extensionFor(site: JsmDouble, placement: Placement): Record<string, unknown> {
  const module = SURFACES[placement.surface];
  const project = site.state.projects[0];
  if (!project) throw new PlacementError('the site has no project');
  const projectView = { id: project.id, key: project.key, type: 'service_desk' };
  const issueOf = () => {
    const issue = placement.issueKey ? site.issue(placement.issueKey) : undefined;
    if (!issue) throw new PlacementError(`no request ${placement.issueKey ?? '(none given)'}`);
    return issue;
  };
  const requestTypeOf = (issue: { customFields: Record<string, unknown> }) => {
    const field = site.fieldOfKind('requestType');
    return field ? String(issue.customFields[field.id] ?? '') : '';
  };
  switch (placement.surface) {
    case 'issue-panel': {
      const issue = issueOf();
      const issueType = site.issueType(issue.issueTypeId);
      return { type: module.type, issue: { id: issue.id, key: issue.key, type: issueType.name, typeId: issue.issueTypeId }, project: projectView, isNewToIssue: false };
    }
    case 'worklist':
      return { type: module.type, project: projectView };
    // Jira's own admin pages belong to no project.
    case 'admin':
      return { type: module.type };
    case 'portal-create': {
      const requestType = placement.requestTypeId ? site.requestType(placement.requestTypeId) : undefined;
      if (!requestType) throw new PlacementError(`no request type ${placement.requestTypeId ?? '(none given)'}`);
      return { type: module.type, portal: { id: requestType.serviceDeskId }, request: { typeId: requestType.id } };
    }
    case 'portal-detail': {
      const issue = issueOf();
      return { type: module.type, portal: { id: project.serviceDeskId }, request: { key: issue.key, typeId: requestTypeOf(issue) } };
    }
    // The customer's profile page on the portal: no request, no service desk, the customer's own reports.
    case 'portal-reports':
      return { type: module.type };
    // A global page belongs to no project: monitoring is across all of them.
    case 'monitoring':
      return { type: module.type, location: `${site.state.site.baseUrl}/jira/apps/${APP_UUID}/${placement.route ?? 'monitoring'}` };
    case 'monitoring-gadget':
      return {
        type: module.type,
        dashboard: DASHBOARD,
        gadget: GADGET,
        gadgetConfiguration: gadgetConfigurationOf(placement),
        location: `${site.state.site.baseUrl}/jira/dashboards/${DASHBOARD.id}`,
        ...(placement.entryPoint === 'edit' ? { entryPoint: 'edit' } : {}),
      };
  }
}

/** A stable local id per placement: Forge gives each rendered extension one. */
function localIdOf(placement: Placement): string {
  const where = placement.issueKey ?? placement.requestTypeId ?? 'project';
  return `ari:cloud:ecosystem::extension/${APP_UUID}/sandbox/static/${SURFACES[placement.surface].moduleKey}-${where}`;
}

/** The whole context `view.getContext()` answers with (the shape of @forge/bridge's FullContext). */
export function forgeContext(site: JsmDouble, placement: Placement, accountId: string): Record<string, unknown> {
  const user = site.user(accountId);
  return {
    accountId,
    accountType: user === undefined ? 'anonymous' : user.accountType === 'customer' ? 'customer' : 'licensed',
    cloudId: CLOUD_ID,
    environmentId: site.state.site.environmentId,
    environmentType: 'DEVELOPMENT',
    extension: extensionFor(site, placement),
    localId: localIdOf(placement),
    locale: SITE_LOCALE,
    moduleKey: SURFACES[placement.surface].moduleKey,
    siteUrl: site.state.site.baseUrl,
    timezone: SITE_TIMEZONE,
    theme: { colorMode: 'light', dark: 'dark', light: 'light', spacing: 'spacing', typography: 'typography' },
  };
}

/** What ForgeHost.invoke passes to the resolver: the same context, the caller as the runtime's principal. */
export function invokeContext(site: JsmDouble, placement: Placement, accountId: string): InvokeContext {
  return {
    accountId,
    extension: extensionFor(site, placement),
    moduleKey: SURFACES[placement.surface].moduleKey,
    localId: localIdOf(placement),
    cloudId: CLOUD_ID,
    siteUrl: site.state.site.baseUrl,
    timezone: SITE_TIMEZONE,
    locale: SITE_LOCALE,
  };
}
