// Sites (formats.md §6) through `simulate`: a Copenhagen provider (Mon–Fri 08–16, Danish public holidays) whose
// agreement measures in the request's site. The response deadline of each request, worked out by hand in the
// table: New York is UTC−5 (EST) or UTC−4 (EDT, from 8 March to 1 November 2026); Copenhagen UTC+1 or UTC+2 (from
// 29 March to 25 October 2026), so for three weeks a year the two are 5 hours apart instead of 6.
import { created, daily, simulate, weekdays } from './contract-cli';

const bundle = {
  version: 1,
  holidayCollections: [
    { id: 'dk-public', preset: { country: 'DK', types: ['public'] } },
    { id: 'us-public', preset: { country: 'US', types: ['public'] } },
  ],
  calendars: [
    { id: 'cph', timezone: 'Europe/Copenhagen', week: weekdays([['08:00', '16:00']]), holidays: ['dk-public'] },
    { id: 'always', timezone: 'UTC', week: daily([['00:00', '24:00']]) },
    { id: 'us-office', timezone: 'America/Chicago', week: weekdays([['09:00', '17:00']]), holidays: ['us-public'] },
  ],
  priorityModels: [{ id: 'numeric', priorities: [{ id: 'p1', rank: 1 }, { id: 'p2', rank: 2 }, { id: 'p3', rank: 3 }] }],
  actions: [
    { id: 'created', when: { event: 'created' } },
    { id: 'agent-reply', when: { event: 'comment', visibility: 'public', author: 'agent' } },
  ],
  actionModels: [{ id: 'standard' }],
  goals: [{ id: 'response', actionModel: 'standard', start: ['created'], stop: ['agent-reply'] }],
  customers: [
    { id: 'harbor', name: 'Harbor Group', sites: [{ id: 'harbor-tokyo', timezone: 'Asia/Tokyo' }] },
    {
      id: 'harbor-us', name: 'Harbor US', parent: 'harbor',
      sites: [
        { id: 'nyc', name: 'New York office', timezone: 'America/New_York' },
        { id: 'houston', name: 'Houston terminal', timezone: 'America/Chicago', calendar: 'us-office' },
      ],
    },
    { id: 'other', sites: [{ id: 'other-la', timezone: 'America/Los_Angeles' }] },
  ],
  agreements: [
    ['harbor-us-site', 'Production', { measureIn: 'site' }],
    ['harbor-us-uat', 'UAT', {}],
  ].map(([id, environment, extra]) => ({
    id, customer: 'harbor-us', environment, validFrom: '2026-01-01', priorityModel: 'numeric', calendar: 'cph', ...(extra as object),
    targets: [
      { goal: 'response', priorities: ['p1'], target: 'PT1H', calendar: 'always' },
      { goal: 'response', priorities: ['p2'], target: 'PT2H' },
      { goal: 'response', priorities: ['p3'], target: 'PT4H' },
    ],
  })),
};

type Row = [why: string, site: string | undefined, created: string, priority: string, deadline: string, environment?: string];

const CASES: Row[] = [
  // Mon 16:00 New York: closed there; Tue 08:00 EST = 13:00Z, + 4 h.
  ['16:00 in New York on a Mon–Fri 08–16 calendar: measured in New York hours', 'nyc', '2026-11-23T16:00:00-05:00', 'p3', '2026-11-24T17:00:00Z'],
  // The same instant is 22:00 in Copenhagen: Tue 08:00 CET = 07:00Z, + 4 h.
  ['the same request without a site: Copenhagen hours', undefined, '2026-11-23T16:00:00-05:00', 'p3', '2026-11-24T11:00:00Z'],
  ['an agreement without measureIn ignores the site', 'nyc', '2026-11-23T16:00:00-05:00', 'p3', '2026-11-24T11:00:00Z', 'UAT'],
  ["a site of an unrelated customer is ignored", 'other-la', '2026-11-23T16:00:00-05:00', 'p3', '2026-11-24T11:00:00Z'],
  // Asia/Tokyo (UTC+9): Mon 16:00 closes; Tue 08:00 JST = Mon 23:00Z, + 4 h.
  ["a group's site serves its members", 'harbor-tokyo', '2026-11-23T16:00:00+09:00', 'p3', '2026-11-24T03:00:00Z'],
  // A row with its own calendar (24x7 UTC) is read in the site's zone: still 24x7.
  ["a row's own 24x7 calendar stays 24x7", 'nyc', '2026-11-23T16:00:00-05:00', 'p1', '2026-11-23T22:00:00Z'],

  // March: New York on EDT since 8 March, Copenhagen on CET until 29 March. 15–16 EDT is 1 h; Tue 08:00 EDT = 12:00Z.
  ['March, DST in New York only: 08:00 New York is 12:00Z', 'nyc', '2026-03-16T15:00:00-04:00', 'p2', '2026-03-17T13:00:00Z'],
  // 19:00Z is 20:00 CET: Tue 08:00 CET = 07:00Z, + 2 h.
  ['… and the same instant in Copenhagen hours', undefined, '2026-03-16T15:00:00-04:00', 'p2', '2026-03-17T09:00:00Z'],
  // Fri 15–16 EST (1 h); Mon 9 March 08:00 EDT = 12:00Z, + 3 h.
  ["across New York's spring-forward weekend", 'nyc', '2026-03-06T15:00:00-05:00', 'p3', '2026-03-09T15:00:00Z'],
  // Fri 14–16 CET (2 h); Mon 30 March 08:00 CEST = 06:00Z, + 2 h.
  ["across Copenhagen's spring-forward weekend, without a site", undefined, '2026-03-27T14:00:00+01:00', 'p3', '2026-03-30T08:00:00Z'],
  // The same instant is 09:00 EDT on Friday in New York: 4 h that day.
  ['… and the same instant in New York hours', 'nyc', '2026-03-27T14:00:00+01:00', 'p3', '2026-03-27T17:00:00Z'],
  // October: Copenhagen back on CET since 25 October, New York on EDT until 1 November.
  ['late October, DST in New York only', 'nyc', '2026-10-26T15:00:00-04:00', 'p2', '2026-10-27T13:00:00Z'],
  // After 1 November both on standard time: Tue 08:00 EST = 13:00Z, + 1 h.
  ['November, both on standard time', 'nyc', '2026-11-02T15:00:00-05:00', 'p2', '2026-11-03T14:00:00Z'],

  // The site's own calendar (Chicago 09–17, US holidays): Wed 16–17 CST (1 h), Thanksgiving closed, Fri 09:00 CST = 15:00Z, + 1 h.
  ["a site's own calendar replaces the agreement's: Thanksgiving is closed in Houston", 'houston', '2026-11-25T16:00:00-06:00', 'p2', '2026-11-27T16:00:00Z'],
  // Re-zoned, the Copenhagen calendar keeps its Danish holidays on New York's dates: Ascension Day, Thu 14 May 2026.
  ['the Danish holidays fall on the local dates of the site: Ascension Day closed in New York', 'nyc', '2026-05-13T15:00:00-04:00', 'p2', '2026-05-15T13:00:00Z'],
  // 19:00Z is 21:00 CEST: Thu closed, Fri 08:00 CEST = 06:00Z, + 2 h.
  ['… as it is in Copenhagen', undefined, '2026-05-13T15:00:00-04:00', 'p2', '2026-05-15T08:00:00Z'],
];

describe('a request measured in its site', () => {
  test.each(CASES)('%s', (_why, site, createdAt, priority, deadline, environment = 'Production') => {
    const timeline = {
      issue: { key: 'SITE-1', customer: 'harbor-us', environment, priority, created: createdAt, ...(site === undefined ? {} : { site }) },
      events: [created(createdAt)],
    };
    const result = simulate(bundle, timeline, createdAt);
    expect(result.obligations[0]).toMatchObject({ goal: 'response', state: 'running', deadline });
  });
});

describe('what simulate says about the site', () => {
  const timeline = (site?: string, environment = 'Production') => ({
    issue: { key: 'SITE-2', customer: 'harbor-us', environment, priority: 'p2', created: '2026-11-23T16:00:00-05:00', ...(site === undefined ? {} : { site }) },
    events: [created('2026-11-23T16:00:00-05:00')],
  });

  test.each<[string, string | undefined, string, unknown]>([
    ['a site read in its zone', 'nyc', 'Production', { id: 'nyc', timezone: 'America/New_York', calendar: null }],
    ['a site with its own calendar', 'houston', 'Production', { id: 'houston', timezone: 'America/Chicago', calendar: 'us-office' }],
    ['no site: null, the calendars as written', undefined, 'Production', null],
  ])('%s', (_why, site, environment, expected) => {
    expect(simulate(bundle, timeline(site, environment), '2026-11-24T12:00:00Z').site).toEqual(expected);
  });

  test('an agreement that does not measure in the site prints no site at all', () => {
    expect('site' in simulate(bundle, timeline('nyc', 'UAT'), '2026-11-24T12:00:00Z')).toBe(false);
  });
});
