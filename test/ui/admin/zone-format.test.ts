import { addMinutes, formatSavedAt, nowIn } from '../../../static/admin/src/format';

describe('times on the admin page, in the viewer’s zone', () => {
  it.each([
    // Copenhagen across both DST changes, and a zone west of UTC.
    ['Europe/Copenhagen', Date.UTC(2026, 2, 29, 0, 59, 30), '2026-03-29T01:59:00+01:00'],
    ['Europe/Copenhagen', Date.UTC(2026, 2, 29, 1, 0, 0), '2026-03-29T03:00:00+02:00'],
    ['Europe/Copenhagen', Date.UTC(2026, 9, 25, 0, 30), '2026-10-25T02:30:00+02:00'],
    ['Europe/Copenhagen', Date.UTC(2026, 9, 25, 1, 30), '2026-10-25T02:30:00+01:00'],
    ['America/New_York', Date.UTC(2026, 10, 23, 14, 0), '2026-11-23T09:00:00-05:00'],
    ['Not/AZone', Date.UTC(2026, 10, 23, 14, 0), '2026-11-23T14:00:00Z'],
  ])('now in %s at %i is %s', (zone, now, expected) => expect(nowIn(zone, now)).toBe(expected));

  it.each([
    ['2026-03-29T01:30:00+01:00', 60, '2026-03-29T02:30:00+01:00'],
    ['2026-11-23T09:00:00-05:00', 90, '2026-11-23T10:30:00-05:00'],
    ['2026-11-23T14:00:00Z', 15, '2026-11-23T14:15:00Z'],
    ['not a time', 15, undefined],
  ])('%s plus %i minutes keeps its offset: %s', (iso, minutes, expected) => expect(addMinutes(iso, minutes)).toBe(expected));

  it('shows a saved instant in the zone it is given, whatever the browser’s', () => {
    const savedAt = Date.UTC(2026, 10, 20, 9, 30);
    expect(formatSavedAt(savedAt, 'Europe/Copenhagen')).toBe('Fri 20 Nov 2026, 10:30');
    expect(formatSavedAt(savedAt, 'America/New_York')).toBe('Fri 20 Nov 2026, 04:30');
    expect(formatSavedAt(null, 'UTC')).toBe('never');
  });
});
