import { fireEvent, screen } from '@testing-library/react';
import fc from 'fast-check';
import { parseDuration } from '../../../src/engine/duration';
import type { ConfigBundle } from '../../../src/engine/types';
import { isoDuration, isoFromSeconds } from '../../../static/admin/src/duration-input';
import { openTab, renderAdmin, type } from './render';

jest.mock('@forge/bridge', () => ({ invoke: jest.fn(), view: { theme: { enable: jest.fn() } } }));

describe('durations as admins type them', () => {
  it.each([
    ['1h30m', 'PT1H30M'],
    ['90m', 'PT1H30M'],
    ['90 min', 'PT1H30M'],
    ['2 h', 'PT2H'],
    ['4 hours', 'PT4H'],
    ['45 minutes', 'PT45M'],
    ['30s', 'PT30S'],
    ['1h 0m 5s', 'PT1H5S'],
    ['0m', 'PT0S'],
    ['40h', 'PT40H'],
    ['PT1H30M', 'PT1H30M'],
    ['pt4h', 'PT4H'],
    [' P1DT2H ', 'P1DT2H'],
    ['PT0S', 'PT0S'],
  ])('%s → %s', (typed, iso) => expect(isoDuration(typed)).toBe(iso));

  it.each([[''], ['1'], ['h'], ['1d'], ['1.5h'], ['1h30'], ['P1Y'], ['PT'], ['ten minutes'], ['-5m'], ['1m1h']])('%j is not a duration (kept as typed for the validator)', (typed) =>
    expect(isoDuration(typed)).toBeUndefined(),
  );

  it('the ISO form means the same business time as what was typed', () => {
    fc.assert(
      fc.property(fc.nat(500), fc.nat(59), fc.nat(59), (h, m, s) => {
        const typed = `${h}h${m}m${s}s`;
        expect(parseDuration(isoDuration(typed)!)).toBe((h * 3600 + m * 60 + s) * 1000);
        expect(parseDuration(isoFromSeconds(h * 3600 + m * 60 + s))).toBe((h * 3600 + m * 60 + s) * 1000);
      }),
    );
  });
});

describe('duration fields on the admin page', () => {
  it('keeps what the admin types while typing and saves the ISO form', async () => {
    const backend = await renderAdmin();
    openTab('Agreements');
    const target = screen.getByRole('textbox', { name: 'Target of row 2' }) as HTMLInputElement;
    fireEvent.focus(target);
    type(target, '1h30m');
    expect(target.value).toBe('1h30m');
    expect(screen.getByTestId('target-row-0-1').textContent).toContain('PT1H30M = 1 hour 30 minutes of business time');
    fireEvent.blur(target);
    expect(target.value).toBe('PT1H30M');

    const left = screen.getByRole('textbox', { name: 'Time left of escalation 2' }) as HTMLInputElement;
    fireEvent.focus(left);
    type(left, '15 min');
    fireEvent.blur(left);
    fireEvent.click(screen.getByTestId('save'));
    await screen.findByTestId('saved');
    const { bundle } = backend.sent('admin/config/save')[0] as { bundle: ConfigBundle };
    expect(bundle.agreements[0]!.targets[1]!.target).toBe('PT1H30M');
    expect(bundle.agreements[0]!.escalations[1]!.when).toEqual({ remaining: 'PT15M' });
  });
});
