// The one envelope: a failure the caller's input caused is INVALID with the reason, whatever raised it; only the
// app's own faults are INTERNAL, and those never show a stack.
import { CalendarRangeError } from '../../src/engine/calendar';
import { enveloped, invalid } from '../../src/resolvers/envelope';

const request = { payload: {}, context: {} } as never;

test.each<[string, () => never, unknown]>([
  ['a computation beyond the years calendars cover', () => {
    throw new CalendarRangeError('calendar cph-office: the computation reaches beyond 200 years of opening hours (1700–2026)');
  }, { ok: false, errors: [{ code: 'INVALID', message: 'calendar cph-office: the computation reaches beyond 200 years of opening hours (1700–2026)' }] }],
  ['a validation issue, on its path', () => {
    throw invalid([{ path: 'calendars[0].timezone', message: 'unknown time zone "Mars/Olympus"' }], 'bundle');
  }, { ok: false, errors: [{ code: 'INVALID', path: 'bundle.calendars[0].timezone', message: 'unknown time zone "Mars/Olympus"' }] }],
  ['anything else: the app failed, and says so without details', () => {
    throw new TypeError("Cannot read properties of undefined (reading 'id')");
  }, { ok: false, errors: [{ code: 'INTERNAL', message: 'Contract SLA could not complete the request; the app log has the details' }] }],
])('%s', async (_case, fail, expected) => {
  const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  expect(await enveloped(async () => fail())(request)).toEqual(expected);
  error.mockRestore();
});
