// Instants and durations: the text at the edges of the engine.
import { parseDuration } from '../../src/engine/duration';
import { formatInstant, parseInstant, parseInstantAt, writeInstant } from '../../src/engine/instant';

describe('parseInstant', () => {
  test.each([
    ['2026-11-23T09:00:00+01:00', '2026-11-23T08:00:00.000Z'],
    ['2026-11-23T09:00:00Z', '2026-11-23T09:00:00.000Z'],
    ['2026-11-23T09:00:00z', '2026-11-23T09:00:00.000Z'],
    ['2026-11-23T09:00:00-05:00', '2026-11-23T14:00:00.000Z'],
    ['2026-11-23T09:00:00+0530', '2026-11-23T03:30:00.000Z'],
    ['2026-11-23T09:00:00+05', '2026-11-23T04:00:00.000Z'],
    ['2026-11-23T09:00Z', '2026-11-23T09:00:00.000Z'],
    ['2026-11-23 09:00:00Z', '2026-11-23T09:00:00.000Z'],
    ['2026-11-23T09:00:00.250Z', '2026-11-23T09:00:00.250Z'],
    // Jira's own timestamps: milliseconds and an offset without a colon.
    ['2026-11-23T09:00:00.000+0100', '2026-11-23T08:00:00.000Z'],
    ['2026-11-23T09:00:00.007-0330', '2026-11-23T12:30:00.007Z'],
    ['2026-11-23T09:00:00.5Z', '2026-11-23T09:00:00.500Z'],
    ['2026-11-23T09:00:00,5+01:00', '2026-11-23T08:00:00.500Z'],
    ['2028-02-29T12:00:00Z', '2028-02-29T12:00:00.000Z'],
    ['2000-02-29T00:00:00Z', '2000-02-29T00:00:00.000Z'],
    ['2026-12-31T24:00:00Z', '2027-01-01T00:00:00.000Z'],
    ['1969-12-31T23:59:59Z', '1969-12-31T23:59:59.000Z'],
  ])('%s is %s', (text, iso) => {
    expect(new Date(parseInstant(text)!).toISOString()).toBe(iso);
  });

  test.each([
    '2026-11-23T09:00:00', // no offset: a wall-clock time names no instant
    '2026-11-23',
    '2026-02-29T09:00:00Z',
    '1900-02-29T09:00:00Z',
    '2026-13-01T09:00:00Z',
    '2026-11-31T09:00:00Z',
    '2026-11-23T25:00:00Z',
    '2026-11-23T24:30:00Z',
    '2026-11-23T09:60:00Z',
    '2026-11-23T09:00:60Z',
    '2026-11-23T09:00:00+24:00',
    '2026-11-23T09:00:00.000+01:0',
    '2026-11-23T09:00:00.000+010',
    '2026-11-23T09:00:00.0a0Z',
    'yesterday',
    '',
  ])('%j is refused', (text) => {
    expect(parseInstant(text)).toBeUndefined();
  });

  test('reads in place inside a longer text', () => {
    const line = '{"from":"2026-11-23T09:00:00+01:00"}';
    expect(parseInstantAt(line, 9, 34)).toBe(Date.parse('2026-11-23T08:00:00Z'));
    expect(parseInstantAt(line, 9, 33)).toBeUndefined();
  });
});

describe('formatInstant', () => {
  test.each([
    [Date.parse('2026-11-23T08:00:00Z'), '2026-11-23T08:00:00Z'],
    [Date.parse('2026-11-23T08:00:00.999Z'), '2026-11-23T08:00:00Z'],
    [Date.parse('1969-12-31T23:59:59.500Z'), '1969-12-31T23:59:59Z'],
    [Date.parse('2028-02-29T23:59:59Z'), '2028-02-29T23:59:59Z'],
    [Date.parse('0001-01-01T00:00:00Z'), '0001-01-01T00:00:00Z'],
    [Date.parse('+012026-01-01T00:00:00Z'), '+012026-01-01T00:00:00Z'],
  ])('%d prints %s', (ms, text) => {
    expect(formatInstant(ms)).toBe(text);
  });

  test('writeInstant writes the same text as bytes and refuses years past 9999', () => {
    const bytes = new Uint8Array(22);
    expect(writeInstant(bytes, 1, Date.parse('2026-11-23T08:07:06Z'))).toBe(true);
    expect(Buffer.from(bytes.subarray(1, 21)).toString('latin1')).toBe('2026-11-23T08:07:06Z');
    expect(writeInstant(bytes, 0, Date.parse('+012026-01-01T00:00:00Z'))).toBe(false);
  });
});

describe('parseDuration', () => {
  test.each([
    ['PT30M', 1_800_000],
    ['PT4H', 14_400_000],
    ['PT16H', 57_600_000],
    ['P1D', 86_400_000],
    ['P1DT2H', 93_600_000],
    ['PT1H30M15S', 5_415_000],
    ['PT0S', 0],
    ['PT0.5S', 500],
    ['PT1,25S', 1250],
    ['PT90M', 5_400_000],
    ['P10DT0H', 864_000_000],
  ])('%s is %d ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  test.each(['P1M', 'P1Y', 'P1W', 'P1Y2M', 'one hour', 'PT', 'P', 'P1DT', 'PT1H1H', 'PT1M1H', 'PT1.5H', 'PT0.1234S', '-PT1H', 'pt1h', 'PT1H ', ' PT1H', 'PTH', 'P1H'])(
    '%j is refused',
    (text) => {
      expect(parseDuration(text)).toBeUndefined();
    },
  );
});
