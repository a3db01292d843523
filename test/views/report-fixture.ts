// A report snapshot made from the spec's worked example (examples/report-acme-prod-2026-11.json), with the names of
// examples/config.json, for the document and PDF tests.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ReportSnapshot } from '../../src/adapters/storage/issued-report';
import type { ComplianceReportJson } from '../../src/engine/compliance-report-json';
import type { ReportLanguage } from '../../src/engine/types';

const examples = path.join(__dirname, '../../examples');
export const exampleReport = JSON.parse(readFileSync(path.join(examples, 'report-acme-prod-2026-11.json'), 'utf8')) as ComplianceReportJson;

export function exampleSnapshot(language: ReportLanguage, overrides: Partial<ReportSnapshot> = {}): ReportSnapshot {
  return {
    format: 1,
    id: 'acme-prod:2026-11:1',
    agreement: { id: 'acme-prod', name: 'ACME Produktion – løn' },
    customer: { id: 'acme', name: 'ACME Søfart A/S', organizationId: '12' },
    environment: 'Production',
    month: '2026-11',
    version: 1,
    issuedAt: '2026-12-03T06:00:00Z',
    issuedBy: 'schedule',
    configVersion: 1,
    language,
    report: structuredClone(exampleReport),
    goalNames: { response: 'Første svar', resolution: 'Løsning', update: 'Opdatering' },
    priorities: { p1: { name: 'Kritisk', rank: 1 }, p2: { name: 'Høj', rank: 2 } },
    complianceTargets: { response: 75, resolution: 95 },
    trend: [
      { month: '2026-09', goals: [{ goal: 'response', met: 9, breached: 1, compliance: 0.9 }, { goal: 'resolution', met: 10, breached: 0, compliance: 1 }] },
      { month: '2026-10', goals: [{ goal: 'response', met: 6, breached: 2, compliance: 0.75 }, { goal: 'resolution', met: 7, breached: 1, compliance: 0.875 }] },
    ],
    ...overrides,
  };
}
