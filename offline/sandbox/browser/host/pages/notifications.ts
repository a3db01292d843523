// "Sent notifications": every e-mail Jira would have sent for the app (escalations through its notify API), the
// latest first — when, about which request, to whom and why, saying what. The sandbox has no mail; this is its outbox.
import type { HostApp, Page } from '../app';
import { clear, h, when } from '../dom';

export function notificationsPage(app: HostApp, container: HTMLElement): Page {
  const list = h('div', { 'data-testid': 'notifications' });
  clear(
    container,
    h(
      'main',
      { class: 'project-main' },
      h('h1', {}, 'Sent notifications'),
      h('p', { class: 'notice' }, 'What Jira would have e-mailed for Contract SLA: an escalation reached notifies the people it names (never the customer). Move the clock to make escalations happen.'),
      list,
    ),
  );
  const update = (): Promise<void> => {
    const sent = app.state.notifications;
    if (sent.length === 0) {
      clear(list, h('p', { class: 'subtle', 'data-testid': 'notifications-empty' }, 'No notification yet.'));
      return Promise.resolve();
    }
    clear(
      list,
      h(
        'table',
        { class: 'queue' },
        h('thead', {}, h('tr', {}, ...['When', 'Request', 'To', 'What'].map((t) => h('th', {}, t)))),
        h(
          'tbody',
          {},
          ...sent.map((n) =>
            h(
              'tr',
              { 'data-testid': 'notification-row', 'data-issue': n.issueKey },
              h('td', {}, when(n.at, true)),
              h('td', {}, h('a', { href: `/issue/${n.issueKey}`, 'data-link': '' }, n.issueKey)),
              h('td', {}, ...n.recipients.map((r) => h('div', {}, `${r.displayName} `, h('span', { class: 'subtle' }, `(${r.why})`)))),
              h('td', {}, h('details', {}, h('summary', { 'data-testid': 'notification-subject' }, n.subject), ...n.textBody.split('\n\n').map((p) => h('p', {}, p)))),
            ),
          ),
        ),
      ),
    );
    return Promise.resolve();
  };
  return { audience: 'agent', update };
}
