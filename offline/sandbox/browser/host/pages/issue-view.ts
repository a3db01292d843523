// Jira's issue view of a request, as an agent sees it: the request on the left (summary, description, the whole
// conversation with internal notes), its details and the app's issue panel beside it. A development issue a request
// was handed to (PAY-1, opened from the panel) shows as Jira Software shows it: its details and linked work items.
import type { RequestDetailView } from '../../../api-types';
import { api } from '../api';
import type { HostApp, Page } from '../app';
import { clear, h, lozenge, when } from '../dom';

export function issueViewPage(app: HostApp, container: HTMLElement, key: string): Page {
  const main = h('section', { class: 'issue-main' });
  const details = h('div', { class: 'issue-details' });
  const isRequest = app.state.requests.some((r) => r.key === key);
  const development = app.state.development.issues.find((i) => i.key === key);
  const known = isRequest || development !== undefined;
  // The app's panel is for service requests; a development issue has Jira Software's own view.
  const side = isRequest
    ? h('aside', { class: 'issue-side' }, details, h('section', { class: 'app-panel' }, h('header', { class: 'app-panel-title' }, 'Contract SLA'), app.bridge.mount({ placement: { surface: 'issue-panel', issueKey: key }, title: 'Contract SLA', autoHeight: true })))
    : h('aside', { class: 'issue-side' }, details);
  const project = development ? key.split('-')[0]! : app.state.site.project.name;
  clear(
    container,
    h('nav', { class: 'breadcrumbs' }, h('a', { href: '/', 'data-link': '' }, 'Projects'), ' / ', development ? project : h('a', { href: '/', 'data-link': '' }, project), ' / ', key),
    known
      ? h('div', { class: 'issue-columns' }, main, side)
      : h('p', { class: 'empty' }, `There is no request ${key} on this site. `, h('a', { href: '/', 'data-link': '' }, 'Back to the queue')),
  );

  const update = async (): Promise<void> => {
    if (!known) return;
    let request: RequestDetailView;
    try {
      request = await api.request(key, app.identity().name);
    } catch (error) {
      clear(main, h('p', { class: 'empty' }, (error as Error).message));
      clear(details);
      return;
    }
    clear(
      main,
      h('h1', { class: 'issue-summary', 'data-testid': 'issue-summary' }, request.summary),
      h('h3', {}, 'Description'),
      h('p', { class: 'description' }, request.description ?? 'No description'),
      request.links.length > 0 ? h('h3', {}, 'Linked work items') : null,
      request.links.length > 0
        ? h('ul', { class: 'issue-links', 'data-testid': 'issue-links' }, ...request.links.map((l) => h('li', {}, `${l.relation} `, h('strong', {}, l.key), ` ${l.summary} `, lozenge(l.status, l.statusCategory))))
        : null,
      h('h3', {}, 'Activity'),
      request.comments.length === 0 ? h('p', { class: 'empty' }, 'No comments yet.') : null,
      ...request.comments.map((c) =>
        h(
          'article',
          { class: `comment${c.public ? '' : ' comment-internal'}`, 'data-testid': 'comment' },
          h(
            'header',
            {},
            h('strong', {}, c.author.displayName),
            ' ',
            h('span', { class: `badge ${c.public ? 'badge-public' : 'badge-internal'}` }, c.public ? (c.author.agent ? 'Reply to customer' : 'Customer') : 'Internal note'),
            ' ',
            h('time', {}, when(c.created)),
          ),
          h('p', {}, c.body),
        ),
      ),
    );
    const row = (label: string, value: Node | string | null) => [h('dt', {}, label), h('dd', {}, value ?? 'None')];
    // A development issue's own fields; a request's, with the app's.
    const facts = development
      ? [
          ...row('Assignee', request.assignee ?? 'Unassigned'),
          ...row('Reporter', request.reporter.displayName),
          ...row('Priority', request.priority),
          ...row('Fix versions', request.fixVersions.length > 0 ? request.fixVersions.join(', ') : null),
          ...row('Resolution', request.resolution ?? 'Unresolved'),
          ...row('Created', when(request.created, true)),
        ]
      : [
          ...row('Request type', request.requestType),
          ...row('Reporter', request.reporter.displayName),
          ...row('Organization', request.organization),
          ...row('Priority', request.priority),
          ...row('Contract priority', request.contractPriority),
          ...row('Environment', request.environment),
          ...row('Product', request.product),
          ...row('Next SLA deadline', request.nextSlaDeadline ? h('span', { class: request.breached ? 'breached' : '' }, when(request.nextSlaDeadline)) : null),
          ...row('Resolution', request.resolution ?? 'Unresolved'),
          ...row('Created', when(request.created, true)),
        ];
    clear(
      details,
      h('div', { 'data-testid': 'issue-status', class: 'issue-status' }, lozenge(request.status, request.statusCategory)),
      h('dl', {}, ...facts),
    );
  };
  // On a development issue the strip acts on the request handed over to it.
  return { requestKey: isRequest ? key : development?.request, audience: 'agent', update };
}
