// A monitoring answer as the resolver gives it on Thursday 26 November 2026 at 10:35 in Copenhagen (09:35 UTC):
// ACME's P1 breached its reply at 10:30 after its half-time escalation went to the service managers at 10:15, its
// triage due at 11:00; Fjord's red incident reaches its half-time escalation at 10:50.
import type { MonitoringView } from '../../../static/shared/monitoring';

export const NOW = Date.parse('2026-11-26T09:35:00Z');
export const ZONE = 'Europe/Copenhagen';

const acme = { id: 'acme', name: 'ACME A/S' };
const fjord = { id: 'fjord', name: 'Fjord Logistik ApS' };
const lars = { accountId: '712020:lars', displayName: 'Lars Nielsen' };
const response = { id: 'response', name: 'Time to first response' };
const base = { summary: 'Payroll is down', customer: acme, agreement: { id: 'acme-prod', name: 'ACME Production' }, assignee: null, cycle: 1 };

const zero = { breached: 0, deadline: 0, escalation: 0, escalated: 0 };

export const monitoring: MonitoringView = {
  at: '2026-11-26T09:35:00Z',
  horizonHours: 8,
  groupBy: 'customer',
  totals: { breached: 1, deadline: 1, escalation: 1, escalated: 1 },
  customers: [acme, fjord],
  truncated: false,
  groups: [
    {
      key: 'acme',
      label: 'ACME A/S',
      counts: { ...zero, breached: 1, deadline: 1, escalated: 1 },
      rows: [
        { ...base, kind: 'breached', issueKey: 'SUP-9', goal: response, at: '2026-11-26T09:30:00Z' },
        { ...base, kind: 'deadline', issueKey: 'SUP-9', goal: { id: 'triage-ola', name: 'Triage (internal)' }, at: '2026-11-26T10:00:00Z' },
        { ...base, kind: 'escalated', issueKey: 'SUP-9', goal: response, at: '2026-11-26T09:15:00Z', escalation: { id: 'response-half', threshold: '50 % of the time used' }, recipients: ['group service-managers'], late: false },
      ],
    },
    {
      key: 'fjord',
      label: 'Fjord Logistik ApS',
      counts: { ...zero, escalation: 1 },
      rows: [
        {
          ...base, kind: 'escalation', issueKey: 'SUP-10', summary: 'Trucks invisible', customer: fjord, agreement: { id: 'fjord-prod', name: 'Fjord Production' }, assignee: lars,
          goal: response, at: '2026-11-26T09:50:00Z', escalation: { id: 'response-half', threshold: '50 % of the time used' },
        },
      ],
    },
  ],
};

export const empty: MonitoringView = { ...monitoring, totals: zero, groups: [] };
