// The sentence an agent reads, from the worked example SUP-17 (examples/).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { validateBundle } from '../../src/config/validate-bundle';
import { validateTimeline } from '../../src/config/validate-timeline';
import { evaluate } from '../../src/engine/obligations';
import { formatBusinessDuration, guidanceFor } from '../../src/engine/guidance';

const read = (name: string): unknown => JSON.parse(readFileSync(path.join(__dirname, '../../examples', name), 'utf8'));
const bundle = validateBundle(read('config.json'));
const timeline = validateTimeline(read('timeline-sup-17.json'));
if (!bundle.ok || !timeline.ok) throw new Error('the examples must be valid');
const config = bundle.value;
const sup17 = timeline.value;

function say(at: string, zone = 'Europe/Copenhagen') {
  const now = Date.parse(at);
  return guidanceFor(config, evaluate(config, sup17, now), now, zone);
}

test.each([
  ['2026-11-23T09:50:00+01:00', 'Europe/Copenhagen', 'running', 'Triage (internal) by 10:00 — 10 m of business time left'],
  ['2026-11-23T11:00:00+01:00', 'Europe/Copenhagen', 'paused', 'Resolve the request — paused while the request is "Waiting for customer"'],
  ['2026-11-23T13:30:00+01:00', 'Europe/Copenhagen', 'running', 'Inform the customer of the status by Tue 24 Nov 12:45 — 7 h 15 m of business time left'],
  ['2026-11-23T15:00:00+01:00', 'Europe/Copenhagen', 'running', 'Resolve the request by 16:05 (15:05 UTC) — 1 h 5 m of business time left'],
  ['2026-11-23T15:00:00+01:00', 'America/New_York', 'running', 'Resolve the request by 10:05 (15:05 UTC) — 1 h 5 m of business time left'],
  ['2026-11-23T15:00:00+01:00', 'UTC', 'running', 'Resolve the request by 15:05 — 1 h 5 m of business time left'],
  ['2026-11-23T17:00:00+01:00', 'Europe/Copenhagen', 'breached', 'Resolve the request — overdue since 16:05 (15:05 UTC), 55 m of business time over'],
  ['2026-11-24T12:00:00+01:00', 'Europe/Copenhagen', 'done', 'Nothing is due: every goal is met or closed'],
])('at %s for a viewer in %s: %s, "%s"', (at, zone, state, text) => {
  expect(say(at, zone)).toMatchObject({ state, text });
});

test('an issue without an agreement says so', () => {
  const other = { ...sup17, issue: { ...sup17.issue, customer: 'globex' } };
  const now = Date.parse('2026-11-23T10:00:00Z');
  expect(guidanceFor(config, evaluate(config, other, now), now, 'UTC')).toMatchObject({ state: 'none', text: 'No agreement applies to this request' });
});

test.each([
  [0, '0 s'],
  [59_000, '59 s'],
  [60_000, '1 m'],
  [4_800_000, '1 h 20 m'],
  [7_200_000, '2 h'],
  [86_400_000, '1 d'],
  [93_900_000, '1 d 2 h'],
  [-3_300_000, '55 m'],
])('%d ms reads "%s"', (ms, text) => {
  expect(formatBusinessDuration(ms)).toBe(text);
});
