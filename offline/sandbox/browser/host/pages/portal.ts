// The customer portal: raising a request (the form's own fields drawn by the host, the app's priority panel in the
// middle of it, as JSM places a request create property panel) and a request's page with the app's detail panel.
import type { RequestSummaryView } from '../../../api-types';
import { api } from '../api';
import type { HostApp, Page } from '../app';
import { clear, h, lozenge, option, when } from '../dom';

function yourRequests(app: HostApp, requests: RequestSummaryView[]): HTMLElement {
  return h(
    'section',
    { class: 'portal-card' },
    h('h2', {}, 'Your requests'),
    requests.length === 0
      ? h('p', { class: 'empty' }, 'You have no requests yet.')
      : h(
          'ul',
          { class: 'portal-requests' },
          ...requests.map((r) =>
            h('li', {}, h('a', { href: `/portal/${r.key}`, 'data-link': '' }, `${r.key} ${r.summary}`), ' ', lozenge(r.status, r.statusCategory), h('span', { class: 'muted' }, ` ${r.reporter.displayName}`)),
          ),
        ),
  );
}

export function portalCreatePage(app: HostApp, container: HTMLElement): Page {
  const person = app.identity();
  const types = app.state.requestTypes;
  let requestTypeId = types[0]?.id ?? '';
  let submission: unknown;
  const typeButtons = h('div', { class: 'request-types' });
  const summary = h('input', { type: 'text', 'data-testid': 'portal-summary', placeholder: 'What is the problem?' });
  const description = h('textarea', { rows: 3, 'data-testid': 'portal-description' });
  const environment = h('select', { 'data-testid': 'portal-environment' }, ...app.state.fields.environment.map((v) => option(v, v)));
  const product = h('select', { 'data-testid': 'portal-product' }, ...app.state.fields.product.map((v) => option(v, v)));
  const panelSlot = h('div', { class: 'portal-panel' });
  const error = h('p', { class: 'form-error', role: 'status', 'data-testid': 'portal-error' });
  const create = h('button', { class: 'button-primary', 'data-testid': 'portal-submit', type: 'button' }, 'Create');
  const list = h('div');

  // The panel is mounted for one request type (it is in the context); another type is another panel.
  const mountPanel = (): void => {
    submission = undefined;
    clear(panelSlot, app.bridge.mount({ placement: { surface: 'portal-create', requestTypeId }, title: 'Priority', autoHeight: true, onSubmit: (s) => (submission = s) }));
  };
  const drawTypes = (): void =>
    clear(
      typeButtons,
      ...types.map((t) =>
        h(
          'button',
          {
            type: 'button',
            class: `request-type${t.id === requestTypeId ? ' selected' : ''}`,
            'data-testid': `request-type-${t.id}`,
            'aria-pressed': String(t.id === requestTypeId),
            onclick: () => {
              if (t.id === requestTypeId) return;
              requestTypeId = t.id;
              drawTypes();
              mountPanel();
            },
          },
          h('strong', {}, t.name),
          h('span', {}, t.description),
        ),
      ),
    );
  create.addEventListener('click', async () => {
    error.textContent = '';
    create.disabled = true;
    try {
      const created = await api.createRequest({
        reporter: app.identity().name,
        requestTypeId,
        summary: summary.value,
        description: description.value,
        environment: environment.value,
        product: product.value,
        ...(submission !== undefined ? { portalSubmission: submission } : {}),
      });
      await app.changed({ kind: 'issue', issueKey: created.key, issueId: created.id, projectId: app.state.site.project.id, changeType: 'updated', atlassianId: app.identity().accountId }, `${created.key} raised by ${app.identity().displayName}`);
      app.navigate(`/portal/${created.key}`);
    } catch (e) {
      error.textContent = (e as Error).message;
    } finally {
      create.disabled = false;
    }
  });

  drawTypes();
  mountPanel();
  clear(
    container,
    h('div', { class: 'portal-hero' }, h('h1', {}, 'Nordlys IT Help Center'), h('p', {}, 'Welcome! You can raise a request for Nordlys IT using the options provided.')),
    h(
      'div',
      { class: 'portal' },
      person.role !== 'customer'
        ? h('p', { class: 'notice' }, `You are ${person.displayName}, ${person.role === 'agent' ? 'an agent' : 'a developer'}. The portal's priorities are a customer's own: choose a customer in "You are".`)
        : null,
      h(
        'section',
        { class: 'portal-card' },
        h('h2', {}, 'Raise a request'),
        h('p', { class: 'muted', 'data-testid': 'portal-raising-as' }, `Raising as ${person.displayName}${person.organization ? ` (${person.organization})` : ''}`, ' · ', h('a', { href: '/portal/profile', 'data-link': '', 'data-testid': 'portal-profile-link' }, 'Profile and reports')),
        h('label', { class: 'field-label' }, 'What can we help you with?'),
        typeButtons,
        h('label', { class: 'field-label' }, 'Summary', summary),
        h('label', { class: 'field-label' }, 'Description', description),
        h('div', { class: 'field-row' }, h('label', { class: 'field-label' }, 'Environment', environment), h('label', { class: 'field-label' }, 'Product', product)),
        h('div', { class: 'field-label' }, 'Priority'),
        panelSlot,
        h('div', { class: 'form-actions' }, create),
        error,
      ),
      list,
    ),
  );
  const update = async (): Promise<void> => {
    clear(list, yourRequests(app, await api.requests(app.identity().name)));
  };
  return { audience: 'customer', update };
}

export function portalRequestPage(app: HostApp, container: HTMLElement, key: string): Page {
  const known = app.state.requests.some((r) => r.key === key);
  const main = h('section', { class: 'portal-card portal-request-main' });
  const reply = h('textarea', { rows: 2, 'data-testid': 'portal-reply-body', placeholder: 'Add a comment' });
  const send = h('button', { type: 'button', class: 'button-primary', 'data-testid': 'portal-reply-send' }, 'Add');
  const side = h('aside', { class: 'portal-request-side' });
  const panel = app.bridge.mount({ placement: { surface: 'portal-detail', issueKey: key }, title: 'Our commitments', autoHeight: true });
  clear(
    container,
    h('div', { class: 'portal-hero portal-hero-small' }, h('h1', {}, 'Nordlys IT Help Center')),
    h(
      'div',
      { class: 'portal' },
      h('nav', { class: 'breadcrumbs' }, h('a', { href: '/portal', 'data-link': '' }, 'Help Center'), ' / ', key),
      known
        ? h('div', { class: 'portal-request' }, h('div', {}, main, h('section', { class: 'portal-card' }, reply, h('div', { class: 'form-actions' }, send))), h('div', {}, side, h('section', { class: 'portal-card app-panel' }, panel)))
        : h('p', { class: 'empty' }, `There is no request ${key}.`),
    ),
  );
  send.addEventListener('click', async () => {
    const me = app.identity();
    try {
      const done = await api.comment(key, { author: me.name, body: reply.value, public: true });
      reply.value = '';
      await app.changed({ kind: 'issue', issueKey: key, issueId: done.id, projectId: app.state.site.project.id, changeType: 'commented', atlassianId: me.accountId }, `${key}: ${me.displayName} commented`);
    } catch (e) {
      app.say((e as Error).message, true);
    }
  });
  const update = async (): Promise<void> => {
    if (!known) return;
    try {
      const request = await api.request(key, app.identity().name);
      clear(
        main,
        h('h1', { class: 'portal-request-summary', 'data-testid': 'portal-request-summary' }, request.summary),
        h('p', { class: 'muted' }, `${request.key} · raised by ${request.reporter.displayName} on ${when(request.created, true)}${request.organization ? ` · shared with ${request.organization}` : ''}`),
        h('p', {}, request.description ?? ''),
        h('h3', {}, 'Activity'),
        ...request.comments.map((c) => h('article', { class: 'comment', 'data-testid': 'comment' }, h('header', {}, h('strong', {}, c.author.displayName), ' ', h('time', {}, when(c.created))), h('p', {}, c.body))),
        request.comments.length === 0 ? h('p', { class: 'empty' }, 'No comments yet.') : null,
      );
      clear(
        side,
        h(
          'section',
          { class: 'portal-card' },
          h('h3', {}, 'Status'),
          h('div', { 'data-testid': 'portal-request-status' }, lozenge(request.status, request.statusCategory)),
          h('h3', {}, 'Request type'),
          h('p', {}, request.requestType),
          h('h3', {}, 'Environment and product'),
          h('p', {}, `${request.environment ?? '—'} · ${request.product ?? '—'}`),
        ),
      );
    } catch (e) {
      clear(main, h('p', { class: 'empty' }, (e as Error).message));
    }
  };
  return { requestKey: known ? key : undefined, audience: 'customer', update };
}

/** The customer's profile page on the portal, where JSM shows a portal profile panel: the app's service level reports. */
export function portalProfilePage(app: HostApp, container: HTMLElement): Page {
  const person = app.identity();
  const panel = app.bridge.mount({ placement: { surface: 'portal-reports' }, title: 'Service level reports', autoHeight: true });
  clear(
    container,
    h('div', { class: 'portal-hero portal-hero-small' }, h('h1', {}, 'Nordlys IT Help Center')),
    h(
      'div',
      { class: 'portal' },
      h('nav', { class: 'breadcrumbs' }, h('a', { href: '/portal', 'data-link': '' }, 'Help Center'), ' / Profile'),
      h('section', { class: 'portal-card', 'data-testid': 'portal-profile' }, h('h2', {}, person.displayName), h('p', { class: 'muted' }, person.organization ?? '')),
      h('section', { class: 'portal-card app-panel' }, panel),
    ),
  );
  return { audience: 'customer', update: () => Promise.resolve() };
}
