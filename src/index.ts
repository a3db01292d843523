// The handlers manifest.yml names, and nothing else, grouped by module kind.
import Resolver from '@forge/resolver';
import { defineAdmin } from './resolvers/admin';
import { defineIssuePanel } from './resolvers/issue-panel';
import { definePortal } from './resolvers/portal';
import { defineWorklist } from './resolvers/worklist';
import { watchBreaches } from './triggers/breach-watch';
import { handleIssueEvent, type IssueEvent } from './triggers/issue-events';
import { defineReevaluationConsumer } from './triggers/reevaluation-consumer';

// trigger: avi:jira:{created,updated,commented,deleted}:issue
export const onIssueEvent = (event: IssueEvent) => handleIssueEvent(event);

// scheduledTrigger: fiveMinute
export const onSchedule = () => watchBreaches();

// consumer: the re-evaluation queue
export const reevaluationConsumer = defineReevaluationConsumer(new Resolver()).getDefinitions();

// resolvers of the Custom UI surfaces
export const issuePanelResolver = defineIssuePanel(new Resolver()).getDefinitions();
export const adminResolver = defineAdmin(new Resolver()).getDefinitions();
export const portalResolver = definePortal(new Resolver()).getDefinitions();
export const worklistResolver = defineWorklist(new Resolver()).getDefinitions();
