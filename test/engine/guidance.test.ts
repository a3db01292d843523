// The sentence an agent reads, from the worked example SUP-17 (examples/).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { validateBundle } from '../../src/config/validate-bundle';
import { validateTimeline } from '../../src/config/validate-timeline';
import { evaluate } from '../../src/engine/obligations';
import { guidanceFor } from '../../src/engine/guidance';
import { businessDurationInWords, formatBusinessDuration, formatDateTime, formatLocalTime, formatRelative } from '../../src/engine/wording';

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
  // 09:50: the customer's update is what the contract promises; the internal triage, due sooner, is named beside it.
  ['2026-11-23T09:50:00+01:00', 'Europe/Copenhagen', 'running', 'Inform the customer of the status by Tue 24 Nov 09:40 — 7 h 50 m of business time left', ['Triage (internal) by 10:00 — 10 m of business time left']],
  ['2026-11-23T11:00:00+01:00', 'Europe/Copenhagen', 'paused', 'Resolve the request — paused while the request is "Waiting for customer"', []],
  ['2026-11-23T13:30:00+01:00', 'Europe/Copenhagen', 'running', 'Inform the customer of the status by Tue 24 Nov 12:45 — 7 h 15 m of business time left', []],
  ['2026-11-23T15:00:00+01:00', 'Europe/Copenhagen', 'running', 'Resolve the request by 16:05 (15:05 UTC) — 1 h 5 m of business time left', []],
  ['2026-11-23T15:00:00+01:00', 'America/New_York', 'running', 'Resolve the request by 10:05 (15:05 UTC) — 1 h 5 m of business time left', []],
  ['2026-11-23T15:00:00+01:00', 'UTC', 'running', 'Resolve the request by 15:05 — 1 h 5 m of business time left', []],
  ['2026-11-23T17:00:00+01:00', 'Europe/Copenhagen', 'breached', 'Resolve the request — overdue since 16:05 (15:05 UTC), 55 m of business time over', []],
  ['2026-11-24T12:00:00+01:00', 'Europe/Copenhagen', 'done', 'Nothing is due: every goal is met or closed', []],
])('at %s for a viewer in %s: %s, "%s", also %j', (at, zone, state, text, alsoDue) => {
  expect(say(at, zone)).toMatchObject({ state, text, alsoDue });
});

// Nobody answered and nobody started work: the customer's first response and the internal triage are both overdue.
const unanswered = { ...sup17, events: sup17.events.slice(0, 1) };
const sayUnanswered = (at: string) => {
  const now = Date.parse(at);
  return guidanceFor(config, evaluate(config, unanswered, now), now, 'Europe/Copenhagen');
};

test('what the customer was promised comes first, and every overdue obligation is named', () => {
  const guidance = sayUnanswered('2026-11-23T13:00:00+01:00');
  expect(guidance).toMatchObject({ state: 'breached', goal: 'response' });
  expect(guidance.text).toMatch(/^Reply to the customer — overdue since /);
  expect(guidance.alsoDue).toHaveLength(1);
  expect(guidance.alsoDue[0]).toMatch(/^Triage \(internal\) — overdue since /);
  // The CLI's `next` stays the earliest deadline, as the spec defines it.
  expect(evaluate(config, unanswered, Date.parse('2026-11-23T13:00:00+01:00')).next?.goal).toBe('triage-ola');
});

test('an internal goal heads the guidance only when nothing the customer was promised is open', () => {
  const internalOnly = { ...config, goals: config.goals.map((g) => ({ ...g, internal: true })) };
  const now = Date.parse('2026-11-23T09:50:00+01:00');
  const guidance = guidanceFor(internalOnly, evaluate(internalOnly, sup17, now), now, 'Europe/Copenhagen');
  expect(guidance.text).toBe('Triage (internal) by 10:00 — 10 m of business time left');
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
  // Business time is working time: a week of office hours reads 40 h, never 1 d 16 h.
  [86_400_000, '24 h'],
  [144_000_000, '40 h'],
  [93_900_000, '26 h 5 m'],
  [-3_300_000, '55 m'],
])('%d ms reads "%s"', (ms, text) => {
  expect(formatBusinessDuration(ms)).toBe(text);
});

test.each([
  [1_800_000, '30 minutes'],
  [3_600_000, '1 hour'],
  [5_400_000, '1 hour 30 minutes'],
  [144_000_000, '40 hours'],
  [1_188_000, '19 minutes 48 seconds'],
  [0, '0 minutes'],
])('%d ms in words: "%s"', (ms, text) => {
  expect(businessDurationInWords(ms)).toBe(text);
});

test.each([
  // [instant, zone, now, shown]: the same day shows the time only; another day its weekday and date; another year its year.
  ['2026-11-23T13:30:00Z', 'Europe/Copenhagen', '2026-11-23T08:00:00Z', '14:30'],
  ['2026-11-24T11:45:00Z', 'Europe/Copenhagen', '2026-11-23T08:00:00Z', 'Tue 24 Nov 12:45'],
  ['2027-01-04T08:00:00Z', 'America/New_York', '2026-11-23T08:00:00Z', 'Mon 4 Jan 2027 03:00'],
  // 23:30 UTC is already tomorrow in Copenhagen.
  ['2026-11-23T23:30:00Z', 'Europe/Copenhagen', '2026-11-23T08:00:00Z', 'Tue 24 Nov 00:30'],
])('%s in %s seen at %s reads "%s"', (instant, zone, now, text) => {
  expect(formatLocalTime(Date.parse(instant), zone, Date.parse(now))).toBe(text);
});

test('relative and dated forms', () => {
  const now = Date.parse('2026-11-23T08:00:00Z');
  expect([formatRelative(now + 4_800_000, now), formatRelative(now - 3 * 3_600_000, now), formatRelative(now + 30_000, now)]).toEqual(['in 1 h 20 m', '3 h ago', 'now']);
  expect(formatDateTime(Date.parse('2026-03-29T01:30:00Z'), 'Europe/Copenhagen')).toBe('Sun 29 Mar 2026, 03:30');
});
