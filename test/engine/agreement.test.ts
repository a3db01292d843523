// Agreement validity (spec §3): the creation date in the agreement calendar's zone lies in [validFrom, validTo).
// selectAgreement skips the zone look-up far from those dates; near them it must agree with the plain definition.
import fc from 'fast-check';
import { localDate, selectAgreement } from '../../src/engine/agreement';
import type { Agreement, ConfigBundle } from '../../src/engine/types';

const ZONES = ['UTC', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Asia/Kolkata', 'Australia/Lord_Howe', 'America/Havana', 'Europe/Copenhagen'];

function bundleIn(timezone: string, validFrom: string, validTo: string | null): ConfigBundle {
  const agreement: Agreement = {
    id: 'a', customer: 'acme', environment: 'Production', products: [], validFrom, validTo, priorityModel: 'numeric', calendar: 'c', targets: [], escalations: [],
  };
  return {
    version: 1, holidayCollections: [], priorityModels: [], actions: [], actionModels: [], goals: [], customers: [],
    calendars: [{ id: 'c', timezone, week: { mon: [['00:00', '24:00']], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] }, holidays: [] }],
    agreements: [agreement],
  };
}

const issueAt = (created: number) => ({ key: 'SUP-1', customer: 'acme', environment: 'Production', created });

test('validity near its edges, in zones from −11 h to +14 h, matches the dates read in the zone', () => {
  const dates = ['2026-01-01', '2026-03-29', '2026-11-01', '2027-01-01'];
  fc.assert(
    fc.property(
      fc.constantFrom(...ZONES),
      fc.constantFrom(...dates),
      fc.option(fc.constantFrom(...dates), { nil: null }),
      fc.integer({ min: -40 * 60, max: 40 * 60 }),
      fc.constantFrom(0, 1),
      (zone, validFrom, validTo, minutes, edge) => {
        const edgeDate = edge === 1 && validTo !== null ? validTo : validFrom;
        const created = Date.parse(`${edgeDate}T00:00:00Z`) + minutes * 60_000 - (minutes % 7) * 1000;
        const date = localDate(created, zone);
        const expected = validFrom <= date && (validTo === null || date < validTo);
        expect(selectAgreement(bundleIn(zone, validFrom, validTo), issueAt(created))?.id ?? null).toBe(expected ? 'a' : null);
      },
    ),
    { numRuns: 2000 },
  );
});

test.each([
  // zone, created, validity from: the first and last instants of a date far east and far west of UTC
  ['Pacific/Kiritimati', '2026-06-30T09:59:59Z', null],
  ['Pacific/Kiritimati', '2026-06-30T10:00:00Z', 'a'],
  ['Pacific/Pago_Pago', '2026-07-01T10:59:59Z', null],
  ['Pacific/Pago_Pago', '2026-07-01T11:00:00Z', 'a'],
])('%s: created %s, valid from 2026-07-01 → %s', (zone, created, expected) => {
  expect(selectAgreement(bundleIn(zone, '2026-07-01', null), issueAt(Date.parse(created)))?.id ?? null).toBe(expected);
});

test('far from the edges the answer needs no zone: a year inside or outside the validity', () => {
  const bundle = bundleIn('Pacific/Kiritimati', '2026-01-01', '2027-01-01');
  expect(selectAgreement(bundle, issueAt(Date.parse('2026-07-01T00:00:00Z')))?.id).toBe('a');
  expect(selectAgreement(bundle, issueAt(Date.parse('2027-07-01T00:00:00Z')))).toBeNull();
  expect(selectAgreement(bundle, issueAt(Date.parse('2025-07-01T00:00:00Z')))).toBeNull();
  expect(selectAgreement(bundle, issueAt(Date.parse('2026-12-31T09:59:59Z')))?.id).toBe('a');
  expect(selectAgreement(bundle, issueAt(Date.parse('2026-12-31T10:00:00Z')))).toBeNull();
});
