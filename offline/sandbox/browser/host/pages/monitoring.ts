// The managers' pages: Jira's app page for Contract SLA's monitoring (a jira:globalPage, across every project) and a
// dashboard with the app's gadget (jira:dashboardGadget). The gadget's settings are Jira's to keep: here the host page
// keeps them, gives them to the gadget as `gadgetConfiguration`, and shows its edit view on "Edit", as Jira does.
import type { HostApp, Page } from '../app';
import { clear, h } from '../dom';

const STORED_GADGET = 'contract-sla-sandbox.gadget';

export function monitoringPage(app: HostApp, container: HTMLElement): Page {
  const frame = app.bridge.mount({ placement: { surface: 'monitoring' }, title: 'SLA monitoring', autoHeight: false });
  clear(container, h('main', { class: 'global-page' }, frame));
  return { audience: 'agent', update: () => Promise.resolve() };
}

/** Jira's app page for Contract SLA's contracts (a jira:globalPage): every contract, its state, next date and reminders. */
export function contractsPage(app: HostApp, container: HTMLElement): Page {
  // The same global page as monitoring (an app has one), opened on its `contracts` sub-page.
  const frame = app.bridge.mount({ placement: { surface: 'monitoring', route: 'contracts' }, title: 'Contracts', autoHeight: false });
  clear(container, h('main', { class: 'global-page' }, frame));
  return { audience: 'agent', update: () => Promise.resolve() };
}

export function dashboardPage(app: HostApp, container: HTMLElement): Page {
  const slot = h('div', { class: 'gadget-slot' });
  const editButton = h('button', { type: 'button', class: 'button', 'data-testid': 'gadget-edit' }, 'Edit');
  const draw = (edit: boolean): void => {
    const gadgetConfiguration = localStorage.getItem(STORED_GADGET) ?? '{}';
    const frame = app.bridge.mount({
      placement: { surface: 'monitoring-gadget', gadgetConfiguration, ...(edit ? { entryPoint: 'edit' as const } : {}) },
      title: edit ? 'SLA escalations (settings)' : 'SLA escalations',
      autoHeight: true,
      // What the edit view submits is the gadget's configuration: Jira keeps it and shows the gadget again.
      onSubmit: (submission) => {
        localStorage.setItem(STORED_GADGET, JSON.stringify(submission ?? {}));
        draw(false);
      },
    });
    editButton.disabled = edit;
    clear(slot, frame);
  };
  editButton.addEventListener('click', () => draw(true));
  clear(
    container,
    h(
      'main',
      { class: 'dashboard' },
      h('h1', {}, 'Dashboard'),
      h('section', { class: 'gadget-card', 'aria-label': 'SLA escalations gadget' }, h('header', { class: 'gadget-card-header' }, h('strong', {}, 'SLA escalations'), editButton), slot),
    ),
  );
  draw(false);
  return { audience: 'agent', update: () => Promise.resolve() };
}
