// The agent's impact and urgency (a priority matrix, formats.md §6): the answers in force, the priority a pair of
// answers gives, both sent together when one changes; nothing sent until both are answered; a refusal shown and undone.
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MatrixAnswers } from '../../../static/issue-panel/src/MatrixAnswers';
import type { AgreementView } from '../../../static/shared/views';

jest.mock('@forge/bridge', () => jest.requireActual<typeof import('../bridge-double')>('../bridge-double').bridgeModule());

const matrix: NonNullable<AgreementView['matrix']> = {
  impact: [{ id: 'company', label: 'The whole company' }, { id: 'person', label: 'Just me' }],
  urgency: [{ id: 'stopped', label: 'Work has stopped' }, { id: 'later', label: 'It can wait' }],
  cells: { company: { stopped: 'p1', later: 'p3' }, person: { stopped: 'p3', later: 'p4' } },
  answers: { impact: 'company', urgency: 'later' },
};
const names = new Map([['p1', '1 – Critical'], ['p3', '3 – Medium'], ['p4', '4 – Low']]);

test('shows the answers in force and the priority they give; a change sends both answers', async () => {
  const onAnswer = jest.fn().mockResolvedValue(undefined);
  render(<MatrixAnswers matrix={matrix} names={names} onAnswer={onAnswer} />);
  expect((screen.getByTestId('answer-impact') as HTMLSelectElement).value).toBe('company');
  expect(screen.getByRole('status').textContent).toBe('These answers give 3 – Medium.');
  fireEvent.change(screen.getByTestId('answer-urgency'), { target: { value: 'stopped' } });
  expect(onAnswer).toHaveBeenCalledWith({ impact: 'company', urgency: 'stopped' });
  await waitFor(() => expect(screen.getByRole('status').textContent).toBe('These answers give 1 – Critical.'));
});

test('a request not answered yet sends nothing until both are given', async () => {
  const onAnswer = jest.fn().mockResolvedValue(undefined);
  render(<MatrixAnswers matrix={{ ...matrix, answers: { impact: null, urgency: null } }} names={names} onAnswer={onAnswer} />);
  expect(screen.getByRole('status').textContent).toBe('Answer both to set the priority from the matrix.');
  fireEvent.change(screen.getByTestId('answer-impact'), { target: { value: 'person' } });
  expect(onAnswer).not.toHaveBeenCalled();
  fireEvent.change(screen.getByTestId('answer-urgency'), { target: { value: 'later' } });
  expect(onAnswer).toHaveBeenCalledWith({ impact: 'person', urgency: 'later' });
  await waitFor(() => expect(screen.getByRole('status').textContent).toBe('These answers give 4 – Low.'));
});

test('a refusal is shown and the answers in force come back', async () => {
  const onAnswer = jest.fn().mockRejectedValue(new Error('You cannot edit SUP-9'));
  render(<MatrixAnswers matrix={matrix} names={names} onAnswer={onAnswer} />);
  fireEvent.change(screen.getByTestId('answer-impact'), { target: { value: 'person' } });
  await screen.findByText('The answers were not changed');
  expect((screen.getByTestId('answer-impact') as HTMLSelectElement).value).toBe('company');
});
