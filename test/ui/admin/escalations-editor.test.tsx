import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Agreement, ConfigBundle, Escalation } from '../../../src/engine/types';
import { previewEscalations, previewSentence } from '../../../static/admin/src/escalation-preview';
import { exampleBundle } from './backend';
import { openTab, renderAdmin, type } from './render';

jest.mock('@forge/bridge', () => ({ invoke: jest.fn(), view: { theme: { enable: jest.fn() } } }));
// Many interactions in one test: on a loaded machine they take longer than jest's 5 s.
jest.setTimeout(20_000);

const savedBundle = async (backend: Awaited<ReturnType<typeof renderAdmin>>): Promise<ConfigBundle> => {
  fireEvent.click(screen.getByTestId('save'));
  await screen.findByTestId('saved');
  return (backend.sent('admin/config/save')[0] as { bundle: ConfigBundle }).bundle;
};
const alertAt = (path: string) => [...document.querySelectorAll<HTMLElement>('[data-error-path]')].filter((el) => el.dataset.errorPath === path);
const box = (name: string) => screen.getByRole('textbox', { name });
const select = (name: string) => screen.getByRole('combobox', { name });

describe('the escalation preview on sample cycles', () => {
  const agreement = (targets: Agreement['targets'], escalations: Escalation[]): Agreement => ({
    id: 'a',
    customer: 'c',
    environment: 'Production',
    products: [],
    validFrom: '2026-01-01',
    validTo: null,
    priorityModel: 'm',
    calendar: 'cal',
    targets,
    escalations,
  });
  const esc = (id: string, when: Escalation['when'], goal = 'resolution'): Escalation => ({ id, goal, when, notify: ['assignee'] });

  it.each([
    [
      'the issue’s example: a share, a time left and an overdue, in the order they happen',
      [{ goal: 'resolution', target: 'PT4H' }],
      [esc('late', { overdue: 'PT2H' }), esc('soon', { remaining: 'PT10M' }), esc('three-quarters', { elapsedPercent: 75 })],
      ['For a 4 h target (any request): at 3 h (75 % of the target: three-quarters), then at 3 h 50 m (10 m before the deadline: soon), then at 6 h (2 h overdue: late).'],
    ],
    [
      'a percent rounded down to a whole second; more time left than the target is reached at the start',
      [{ goal: 'resolution', target: 'PT1000S' }],
      [esc('third', { elapsedPercent: 33.3 }), esc('early', { remaining: 'PT1H' }), esc('due', { overdue: 'PT0S' })],
      ['For a 16 m target (any request): as soon as the cycle starts (1 h before the deadline: early), then at 5 m (33.3 % of the target: third), then at 16 m (at the deadline: due).'],
    ],
    [
      'one sample per distinct target of the goal, named by its priorities; ties keep the agreement’s order',
      [
        { goal: 'resolution', priorities: ['p1'], target: 'PT4H' },
        { goal: 'resolution', priorities: ['p2'], target: 'PT4H' },
        { goal: 'resolution', target: 'PT16H' },
        { goal: 'response', target: 'PT1H' },
      ],
      [esc('b', { elapsedPercent: 100 }), esc('a', { overdue: 'PT0S' }), esc('r', { remaining: 'PT5H' }, 'response')],
      [
        'For a 4 h target (priority 1 – Critical): at 4 h (100 % of the target: b), then at 4 h (at the deadline: a).',
        'For a 16 h target (any request): at 16 h (100 % of the target: b), then at 16 h (at the deadline: a).',
        'For a 1 h target (any request): as soon as the cycle starts (5 h before the deadline: r).',
      ],
    ],
  ])('%s', (_, targets, escalations, expected) => {
    const model = { id: 'm', priorities: [{ id: 'p1', name: '1 – Critical', rank: 1 }] };
    expect(previewEscalations(agreement(targets, escalations), escalations, model).map(previewSentence)).toEqual(expected);
  });

  it('leaves out a threshold that is not valid yet, and says which', () => {
    const escalations = [esc('bad', { elapsedPercent: 150 }), esc('typing', { remaining: 'PT' }), esc('ok', { elapsedPercent: 50 })];
    const [sample] = previewEscalations(agreement([{ goal: 'resolution', target: 'PT2H' }], escalations), escalations, undefined);
    expect(sample!.steps.map((s) => s.id)).toEqual(['ok']);
    expect(sample!.unreadable).toEqual(['bad', 'typing']);
  });
});

describe('escalations on the admin page', () => {
  it('shows the agreement’s escalations as forms, with the preview on its own targets', async () => {
    await renderAdmin();
    openTab('Agreements');
    const first = screen.getByTestId('escalation-0');
    expect((within(first).getByRole('textbox', { name: 'Id of escalation 1' }) as HTMLInputElement).value).toBe('resolution-75');
    expect((select('Threshold of escalation 2') as HTMLSelectElement).value).toBe('remaining');
    expect((box('Time left of escalation 2') as HTMLInputElement).value).toBe('PT10M');
    expect((box('Account id 1 of escalation 3') as HTMLInputElement).value).toBe('5b10a2844c20165700ede21g');
    expect((screen.getByRole('textbox', { name: 'Comment text of escalation 1' }) as HTMLTextAreaElement).value).toBe('75 % of the resolution time is used');

    const preview = screen.getByTestId('escalation-preview-0').textContent ?? '';
    expect(preview).toContain(
      'Time to resolution: For a 4 h target (priority 1 – Critical): at 3 h (75 % of the target: resolution-75), then at 6 h (2 h overdue: resolution-overdue-2h).',
    );
    expect(preview).toContain('For a 16 h target (any request): at 12 h (75 % of the target: resolution-75), then at 18 h (2 h overdue: resolution-overdue-2h).');
    expect(preview).toContain('Time to first response: For a 30 m target (priority 1 – Critical; Incident): at 20 m (10 m before the deadline: response-10m).');
  });

  it('adds an escalation through the forms and saves exactly what the admin chose', async () => {
    const backend = await renderAdmin();
    openTab('Agreements');
    fireEvent.click(within(screen.getByTestId('escalations-0')).getByRole('button', { name: '+ Add escalation' }));
    type(box('Id of escalation 4'), 'update-overdue');
    fireEvent.change(select('Goal of escalation 4'), { target: { value: 'update' } });
    fireEvent.change(select('Threshold of escalation 4'), { target: { value: 'overdue' } });
    type(box('Time overdue of escalation 4'), 'PT30M');
    fireEvent.change(select('Who 1 of escalation 4'), { target: { value: 'group' } });
    type(box('Group name 1 of escalation 4'), 'service-managers');
    fireEvent.click(within(screen.getByTestId('escalation-3')).getByRole('button', { name: '+ Add who is told' }));
    fireEvent.change(select('Who 2 of escalation 4'), { target: { value: 'watchers' } });
    fireEvent.change(select('Comment of escalation 4'), { target: { value: 'public' } });
    type(screen.getByRole('textbox', { name: 'Comment text of escalation 4' }), 'We are late with an update; it follows within the hour.');
    fireEvent.click(screen.getByRole('button', { name: 'Move escalation 4 up' }));

    expect(screen.getByTestId('escalation-preview-0').textContent).toContain('Keep the customer informed: For an 8 h target (priority 1 – Critical, 2 – High): at 8 h 30 m (30 m overdue: update-overdue).');
    const bundle = await savedBundle(backend);
    const expected = exampleBundle().agreements[0]!.escalations;
    expect(bundle.agreements[0]!.escalations).toEqual([
      expected[0],
      expected[1],
      {
        id: 'update-overdue',
        goal: 'update',
        when: { overdue: 'PT30M' },
        notify: ['group:service-managers', 'watchers'],
        comment: { visibility: 'public', text: 'We are late with an update; it follows within the hour.' },
      },
      expected[2],
    ]);
  });

  it('removes a comment and a recipient, and changes the threshold kind to a fresh valid value', async () => {
    const backend = await renderAdmin();
    openTab('Agreements');
    fireEvent.change(select('Comment of escalation 1'), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Remove who 2 of escalation 1' }));
    fireEvent.change(select('Threshold of escalation 1'), { target: { value: 'remaining' } });
    fireEvent.click(screen.getByRole('button', { name: 'Remove escalation 3' }));
    const bundle = await savedBundle(backend);
    expect(bundle.agreements[0]!.escalations).toEqual([
      { id: 'resolution-75', goal: 'resolution', when: { remaining: 'PT30M' }, notify: ['assignee'] },
      exampleBundle().agreements[0]!.escalations[1],
    ]);
  });

  it('shows the validator’s problems on the escalation’s own fields as the admin types', async () => {
    jest.useFakeTimers();
    try {
      const backend = await renderAdmin();
      openTab('Agreements');
      type(screen.getByRole('spinbutton', { name: 'Percent of escalation 1' }), '150');
      fireEvent.click(screen.getByRole('button', { name: 'Remove who 1 of escalation 2' }));
      await act(async () => {
        jest.advanceTimersByTime(500);
      });
      await act(async () => undefined);
      expect(backend.sent('admin/config/validate')).toHaveLength(1);
      await waitFor(() => expect(alertAt('agreements[0].escalations[0].when.elapsedPercent')).toHaveLength(1));
      expect(alertAt('agreements[0].escalations[0].when.elapsedPercent')[0]!.textContent).toMatch(/100/);
      expect(alertAt('agreements[0].escalations[1]')[0]!.textContent).toContain('notifies no one and adds no comment');
      // The preview says which ones it cannot place yet.
      expect(screen.getByTestId('escalation-preview-0').textContent).toContain('Not placed until their threshold is valid: resolution-75.');
    } finally {
      jest.useRealTimers();
    }
  });

  it('follows a goal renamed on the Goals tab', async () => {
    const backend = await renderAdmin();
    openTab('Goals');
    type(screen.getAllByRole('textbox', { name: 'Id' })[1]!, 'resolve');
    const bundle = await savedBundle(backend);
    expect(bundle.agreements[0]!.escalations.map((e) => e.goal)).toEqual(['resolve', 'response', 'resolve']);
  });
});

describe('the article before a target', () => {
  const sentence = (target: string) =>
    previewSentence({ goal: 'g', targetMs: Number(target) * 3_600_000, appliesTo: 'any request', steps: [], unreadable: [] }).split(' target')[0];
  it.each([
    ['8', 'For an 8 h'],
    ['11', 'For an 11 h'],
    ['18', 'For an 18 h'],
    ['80', 'For an 80 h'],
    ['1', 'For a 1 h'],
    ['110', 'For a 110 h'],
    ['4', 'For a 4 h'],
  ])('%s hours', (hours, expected) => expect(sentence(hours)).toBe(expected));
});
