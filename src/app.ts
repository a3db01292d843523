// The app: every handler the manifest names, built around a clock. src/index.ts builds them with the system clock
// for Forge; the offline platform builds the very same handlers around its movable clock. Each invocation makes its
// own Jira client and reads the clock once, at its start.
import type { AsyncEvent } from '@forge/events';
import type { Clock } from './adapters/clock';
import { JiraClient } from './adapters/jira/client';
import { defineAdmin } from './resolvers/admin';
import { defineContracts } from './resolvers/contracts';
import { defineDeployments } from './resolvers/deployments';
import { defineEnvironments } from './resolvers/environments';
import { SurfaceResolvers } from './resolvers/define';
import { defineIssuePanel } from './resolvers/issue-panel';
import { defineManagement } from './resolvers/management';
import { defineMonitoring } from './resolvers/monitoring';
import { definePortal } from './resolvers/portal';
import { defineAdminReports, definePortalReports } from './resolvers/reports';
import { defineWorklist } from './resolvers/worklist';
import { handleIssueEvent, type IssueEvent } from './triggers/issue-events';
import { handleJob } from './triggers/jobs';
import { handleDevelopmentEvent, handleVersionEvent, type DevelopmentIssueEvent, type VersionEvent } from './triggers/development-events';
import { onDeploymentReportRequest } from './triggers/deployment-report';
import type { DeploymentRequest } from './usecases/deployment-report';
import { watchBreaches } from './usecases/watch-breaches';
import { runReportSchedules } from './usecases/report-schedule';
import { sendContractReminders } from './usecases/send-contract-reminders';

let runs = 0;
/** Names one scheduled run: the holder of the breach watch's lease. */
const runId = (now: number): string => `run-${now}-${++runs}-${Math.random().toString(36).slice(2, 8)}`;

/**
 * What each resolver function defines: one composition per Forge function, used by the app below and by the tests
 * that check every key a surface calls is defined by the function its module names.
 */
export const RESOLVER_SURFACES = {
  issuePanelResolver: (s: SurfaceResolvers) => defineIssuePanel(s),
  adminResolver: (s: SurfaceResolvers) => defineManagement(defineDeployments(defineEnvironments(defineAdminReports(defineAdmin(s))))),
  portalResolver: (s: SurfaceResolvers) => definePortalReports(definePortal(s)),
  worklistResolver: (s: SurfaceResolvers) => defineWorklist(s),
  monitoringResolver: (s: SurfaceResolvers) => defineContracts(defineMonitoring(s)),
} as const;

export function createApp(clock: Clock) {
  return {
    // trigger: avi:jira:{created,updated,commented,deleted}:issue
    onIssueEvent: (event: IssueEvent) => handleIssueEvent(event, new JiraClient(), clock.now()),
    // trigger: avi:jira:updated:issue of development (non-service) projects
    onDevelopmentEvent: (event: DevelopmentIssueEvent) => handleDevelopmentEvent(event, new JiraClient(), clock.now()),
    // trigger: avi:jira:{released,updated,merged}:version
    onVersionEvent: (event: VersionEvent) => handleVersionEvent(event, new JiraClient(), clock.now()),
    // scheduledTrigger: fiveMinute
    onSchedule: () => watchBreaches(new JiraClient(), clock, runId(clock.now())),
    // scheduledTrigger: day (each agreement's monthly report, on its day in its zone)
    onReportSchedule: () => runReportSchedules(clock.now(), runId(clock.now())),
    // scheduledTrigger: hour (contract reminders before notice deadlines and ends, each once)
    onContractReminders: () => sendContractReminders(new JiraClient(), clock.now(), runId(clock.now())),
    // consumer: the job queue (async events v2)
    onJob: (event: AsyncEvent) => handleJob(event, new JiraClient(), clock),
    // webtrigger: deployment-report (pipelines report what they deployed)
    onDeploymentReport: (request: DeploymentRequest) => onDeploymentReportRequest(request, clock.now()),
    // resolvers of the Custom UI surfaces
    issuePanelResolver: RESOLVER_SURFACES.issuePanelResolver(new SurfaceResolvers(clock, 'licensed')).definitions(),
    adminResolver: RESOLVER_SURFACES.adminResolver(new SurfaceResolvers(clock, 'licensed')).definitions(),
    portalResolver: RESOLVER_SURFACES.portalResolver(new SurfaceResolvers(clock, 'portal')).definitions(),
    worklistResolver: RESOLVER_SURFACES.worklistResolver(new SurfaceResolvers(clock, 'licensed')).definitions(),
    monitoringResolver: RESOLVER_SURFACES.monitoringResolver(new SurfaceResolvers(clock, 'licensed')).definitions(),
  };
}

export type App = ReturnType<typeof createApp>;
