// The admin page's line about escalations: nothing when none was ever sent; the latest one sent; and, never out of
// sight, the ones Jira refused (with Jira's message and the next attempt) and the ones Jira may not have sent.
import { screen, within } from '@testing-library/react';
import { ok } from './backend';
import { renderAdmin } from './render';

jest.mock('@forge/bridge', () => ({ invoke: jest.fn(), view: { theme: { enable: jest.fn() } } }));

const delivery = (overrides: Record<string, unknown>) => ({
  issueKey: 'SUP-17', goal: 'resolution', cycle: 1, escalation: 'resolution-75', customer: 'acme', reachedAt: '2026-11-23T13:05:00Z',
  state: 'sent', notify: 'done', comment: 'none', recipients: ['Lars Nielsen (assignee)', 'group service-managers'], attempts: 0,
  lastAttemptAt: '2026-11-23T13:05:00Z', retryAt: null, sentAt: '2026-11-23T13:05:00Z', late: false, lastError: null, ...overrides,
});

test('says nothing until an escalation was sent', async () => {
  await renderAdmin();
  expect(screen.queryByTestId('escalations-status')).toBeNull();
});

test('names the latest escalation sent and who was told', async () => {
  await renderAdmin({ 'admin/escalations/status': () => ok({ failed: [], unconfirmed: [], recent: [delivery({})] }) });
  const line = await screen.findByTestId('escalations-status');
  expect(line.textContent).toMatch(/^Escalations: the latest, SUP-17 resolution-75 \(resolution, cycle 1\), was sent .* to Lars Nielsen \(assignee\), group service-managers\.$/);
});

test('lists refused and unconfirmed escalations with Jira\'s message and the next attempt', async () => {
  const failed = delivery({ state: 'failed', notify: 'pending', attempts: 2, retryAt: '2026-11-23T13:25:00Z', sentAt: null, lastError: 'Jira answered 400 to POST notify on SUP-17: The recipient is invalid: no group named managers.' });
  const unconfirmed = delivery({ issueKey: 'SUP-18', notify: 'unconfirmed', lastError: 'Jira answered 500 to POST notify on SUP-18' });
  await renderAdmin({ 'admin/escalations/status': () => ok({ failed: [failed], unconfirmed: [unconfirmed], recent: [] }) });
  const message = await screen.findByTestId('escalations-status');
  expect(message.textContent).toContain('1 escalation was not sent: Jira refused. Each is tried again by itself, later and later.');
  expect(message.textContent).toContain('1 escalation may not have reached everyone');
  const items = within(message).getAllByRole('listitem').map((li) => li.textContent);
  expect(items[0]).toMatch(/^SUP-17 resolution-75 \(resolution, cycle 1\): Jira answered 400 to POST notify on SUP-17: The recipient is invalid: no group named managers\.; attempt 2, next /);
  expect(items[1]).toMatch(/^SUP-18 resolution-75 \(resolution, cycle 1\), asked .*: Jira answered 500 to POST notify on SUP-18\.$/);
});
