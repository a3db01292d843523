// The issue panel's escalations: nothing loud before one is reached (the next one due, quietly), amber once one is
// reached, red once the request is breached; each obligation lists its own escalations.
import { render, screen } from '@testing-library/react';
import { IssuePanel } from '../../../static/issue-panel/src/IssuePanel';
import { host, ok } from '../bridge-double';
import { answerPanel } from './development-fixtures';
import { NOW, VIEWER_ZONE, escalated, noAgreement, raisedToP1, running } from './fixtures';

jest.mock('@forge/bridge', () => jest.requireActual<typeof import('../bridge-double')>('../bridge-double').bridgeModule());

beforeEach(() => {
  jest.clearAllMocks();
  jest.spyOn(Date, 'now').mockReturnValue(NOW);
});
afterEach(() => jest.restoreAllMocks());

async function show(view: unknown): Promise<void> {
  host({ timezone: VIEWER_ZONE });
  answerPanel({ 'issue/obligations': () => ok(view) });
  render(<IssuePanel />);
  await screen.findByTestId('guidance');
}

const escalationsOf = (goal: string) =>
  screen
    .getAllByTestId('obligation-row')
    .find((r) => r.querySelector('.obligation__goal')?.textContent === goal)!
    .querySelectorAll('[data-testid="obligation-escalation"]');

test('before any is reached: the next escalation due, in the viewer zone, without colour', async () => {
  await show(running);
  const section = screen.getByTestId('escalations');
  expect(section.className).toBe('escalations escalations--none');
  expect(section.textContent).toBe('EscalationsNext escalation: Time to resolution: 75 % of the time used, 14:05 (in 5 m)');
  expect([...escalationsOf('Time to resolution')].map((e) => e.textContent)).toEqual([
    '75 % of the time used: due 14:05 (15:05 Europe/Copenhagen)',
    '2 hours overdue: due 17:05 (18:05 Europe/Copenhagen)',
  ]);
  expect([...escalationsOf('Time to first response')].map((e) => e.textContent)).toEqual(['10 minutes before the deadline: not reached']);
  expect(escalationsOf('Keep the customer informed')).toHaveLength(0);
});

test('amber once an escalation is reached: which, when, and the next one', async () => {
  await show(escalated);
  const section = screen.getByTestId('escalations');
  expect(section.className).toBe('escalations escalations--reached');
  expect(section.textContent).toBe('EscalationsEscalatedTime to resolution: 75 % of the time used — reached 14:05Next escalation: Time to resolution: 2 hours overdue, 17:05 (in 3 h 5 m)');
  expect(section.querySelector('.lozenge')!.className).toBe('lozenge lozenge--moved');
  expect([...escalationsOf('Time to resolution')].map((e) => e.textContent)).toEqual(['75 % of the time used: reached 14:05', '2 hours overdue: due 17:05 (18:05 Europe/Copenhagen)']);
});

test('red once the request is breached', async () => {
  await show(raisedToP1);
  const section = screen.getByTestId('escalations');
  expect(section.className).toBe('escalations escalations--breached');
  expect(section.querySelector('.lozenge')!.textContent).toBe('Breached');
  expect(section.querySelector('.lozenge')!.className).toBe('lozenge lozenge--removed');
  expect(section.querySelectorAll('li')).toHaveLength(2);
});

test('a request without escalations shows no section', async () => {
  await show(noAgreement);
  expect(screen.queryByTestId('escalations')).toBeNull();
});
