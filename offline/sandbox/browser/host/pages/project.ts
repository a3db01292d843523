// The agent's side of the project: the queue (drawn by the host, as Jira draws its queues), the app's work list
// (a project page) and the app's settings (a project settings page).
import type { HostApp, Page } from '../app';
import { clear, h, lozenge, when } from '../dom';

function projectNav(app: HostApp, active: 'queue' | 'resolved' | 'worklist' | 'admin'): HTMLElement {
  const item = (key: typeof active, href: string, label: string) =>
    h('a', { href, 'data-link': '', class: `project-nav-item${key === active ? ' active' : ''}` }, label);
  return h(
    'aside',
    { class: 'project-nav' },
    h('div', { class: 'project-name' }, h('span', { class: 'project-avatar' }, 'N'), h('div', {}, h('strong', {}, app.state.site.project.name), h('span', {}, 'Service project'))),
    item('queue', '/', 'All open requests'),
    item('resolved', '/resolved', 'Resolved requests'),
    item('worklist', '/worklist', 'SLA work list'),
    h('div', { class: 'project-nav-heading' }, 'Project settings'),
    item('admin', '/admin', 'Contract SLA'),
  );
}

/** A queue as JSM draws it: the open requests (status category not Done), or the resolved ones. */
export function queuePage(app: HostApp, container: HTMLElement, which: 'open' | 'resolved' = 'open'): Page {
  const table = h('div');
  clear(
    container,
    h(
      'div',
      { class: 'project-layout' },
      projectNav(app, which === 'open' ? 'queue' : 'resolved'),
      h(
        'main',
        { class: 'project-main' },
        h('h1', {}, which === 'open' ? 'All open requests' : 'Resolved requests'),
        h(
          'div',
          { class: 'notice' },
          h('strong', {}, 'Try it: '),
          'raise a P1 incident on the ',
          h('a', { href: '/portal?as=sofie', 'data-link': '' }, 'portal as Sofie'),
          ', open it here as Lars (the panel says by when to reply), move the clock +15 min, reply publicly from the strip below, then +1 h: the next goal breaches. ',
          'Waiting for customer pauses the clock.',
        ),
        table,
      ),
    ),
  );
  const update = (): Promise<void> => {
    const rows = app.state.requests.filter((r) => (r.statusCategory === 'done') === (which === 'resolved'));
    clear(
      table,
      h(
        'table',
        { class: 'queue' },
        h('thead', {}, h('tr', {}, ...['Key', 'Summary', 'Reporter', 'Organization', 'Status', 'Contract priority', 'Next SLA deadline', 'Created'].map((t) => h('th', {}, t)))),
        h(
          'tbody',
          {},
          ...rows.map((r) =>
            h(
              'tr',
              { 'data-testid': 'queue-row' },
              h('td', {}, h('a', { href: `/issue/${r.key}`, 'data-link': '' }, r.key)),
              h('td', {}, h('a', { href: `/issue/${r.key}`, 'data-link': '' }, r.summary)),
              h('td', {}, r.reporter.displayName),
              h('td', {}, r.organization ?? '—'),
              h('td', {}, lozenge(r.status, r.statusCategory)),
              h('td', {}, r.contractPriority ?? '—'),
              h('td', { class: r.breached ? 'breached' : '' }, when(r.nextSlaDeadline), r.breached ? ' (breached)' : ''),
              h('td', {}, when(r.created)),
            ),
          ),
        ),
      ),
    );
    return Promise.resolve();
  };
  return { audience: 'agent', update };
}

function surfacePage(app: HostApp, container: HTMLElement, active: 'worklist' | 'admin', title: string): Page {
  const frame = app.bridge.mount({ placement: { surface: active }, title, autoHeight: false });
  clear(container, h('div', { class: 'project-layout' }, projectNav(app, active), h('main', { class: 'project-main' }, h('h1', {}, title), frame)));
  return { audience: 'agent', update: () => Promise.resolve() };
}

export function worklistPage(app: HostApp, container: HTMLElement): Page {
  return surfacePage(app, container, 'worklist', 'SLA work list');
}

export function adminPage(app: HostApp, container: HTMLElement): Page {
  return surfacePage(app, container, 'admin', 'Contract SLA');
}
