// The admin page's line about contract reminders: nothing while all is well (the Contracts page lists what was
// sent); never out of sight, the ones Jira refused (with Jira's message and the next attempt) and the ones Jira may
// not have sent.
import { screen, within } from '@testing-library/react';
import { ok } from './backend';
import { renderAdmin } from './render';

jest.mock('@forge/bridge', () => ({ invoke: jest.fn(), view: { theme: { enable: jest.fn() } } }));

const delivery = (overrides: Record<string, unknown>) => ({
  contract: 'agreement:acme-prod', number: 'ACME-2026-01', reminder: 'notice-in-3-days', before: 'notice', anchor: '2026-12-01', issueKey: 'CON-1',
  dueAt: '2026-11-27T23:00:00Z', state: 'sent', notify: 'done', recipients: ['Mette Hansen (contract owner)'], attempts: 0,
  lastAttemptAt: '2026-11-27T23:00:00Z', retryAt: null, sentAt: '2026-11-27T23:00:00Z', late: false, lastError: null, ...overrides,
});

test('says nothing while every reminder went out', async () => {
  await renderAdmin({ 'admin/reminders/status': () => ok({ failed: [], unconfirmed: [], recent: [delivery({})] }) });
  await screen.findByRole('tablist');
  expect(screen.queryByTestId('reminders-status')).toBeNull();
});

test("lists refused and unconfirmed reminders with Jira's message and the next attempt", async () => {
  const failed = delivery({ state: 'failed', notify: 'pending', attempts: 2, retryAt: '2026-11-28T00:10:00Z', sentAt: null, lastError: 'Jira answered 404 to POST notify on CON-1: Issue does not exist or you do not have permission to see it.' });
  const unconfirmed = delivery({ number: 'FJ-2026-03', reminder: 'end-in-14-days', before: 'end', anchor: '2027-03-01', issueKey: 'CON-2', notify: 'unconfirmed', lastError: 'Jira answered 500 to POST notify on CON-2' });
  await renderAdmin({ 'admin/reminders/status': () => ok({ failed: [failed], unconfirmed: [unconfirmed], recent: [] }) });
  const message = await screen.findByTestId('reminders-status');
  expect(message.textContent).toContain('1 contract reminder was not sent: Jira refused. Each is tried again by itself, later and later, until its date has passed.');
  expect(message.textContent).toContain('1 contract reminder may not have reached everyone');
  const items = within(message).getAllByRole('listitem').map((li) => li.textContent);
  expect(items[0]).toMatch(/^contract ACME-2026-01, reminder notice-in-3-days \(notice deadline 1 Dec 2026, CON-1\): Jira answered 404 to POST notify on CON-1: Issue does not exist or you do not have permission to see it\.; attempt 2, next /);
  expect(items[1]).toMatch(/^contract FJ-2026-03, reminder end-in-14-days \(ends 1 Mar 2027, CON-2\), asked .*: Jira answered 500 to POST notify on CON-2\.$/);
});
