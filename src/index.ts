// The handlers manifest.yml names, and nothing else, grouped by module kind; built around the system clock.
import { systemClock } from './adapters/clock';
import { createApp } from './app';

const app = createApp(systemClock);

// trigger: avi:jira:{created,updated,commented,deleted}:issue
export const onIssueEvent = app.onIssueEvent;

// trigger: avi:jira:updated:issue of development projects
export const onDevelopmentEvent = app.onDevelopmentEvent;

// trigger: avi:jira:{released,updated,merged}:version
export const onVersionEvent = app.onVersionEvent;

// scheduledTrigger: fiveMinute
export const onSchedule = app.onSchedule;

// scheduledTrigger: day
export const onReportSchedule = app.onReportSchedule;

// scheduledTrigger: hour
export const onContractReminders = app.onContractReminders;

// consumer: the job queue
export const onJob = app.onJob;

// webtrigger: deployment-report
export const onDeploymentReport = app.onDeploymentReport;

// resolvers of the Custom UI surfaces
export const issuePanelResolver = app.issuePanelResolver;
export const adminResolver = app.adminResolver;
export const portalResolver = app.portalResolver;
export const worklistResolver = app.worklistResolver;
export const monitoringResolver = app.monitoringResolver;
