// The local JSM double: a stateful fake of one Jira Cloud + Jira Service Management site for the sandbox and tests.
export { JsmDouble, JsmDoubleError, appFieldValue } from './jsm-double';
export type { ActorOption, Caller, CreateRequestInput, FieldValueOptions, JsmDoubleOptions } from './jsm-double';
export type * from './model';
export type * from './product-events';
export { handleJiraRequest, jsmProductHandler } from './rest/router';
export { JiraRateLimiter, jiraPoints, DEFAULT_POINTS_PER_HOUR, type JiraRateLimitOptions, type JiraRateCounters } from './rate-limit';
export { JIRA_SCOPES } from './scopes';
export type { JiraRequest, JiraResponse, ProductHandler } from './rest/http';
export { seedDemo, seedCatalogue, seedContracts, demoRequests, DEMO_ACCOUNTS, DEMO_DEVELOPMENT, DEMO_REQUEST_TYPES, type DemoChange } from './seed';
export { jiraDateTime, type Clock } from './jira-time';
export { STATUS_CATEGORIES } from './status-categories';
export { applyStep, planHistory, type HistoryOptions, type PlannedStep } from './history-plan';
