// The shapes the resolvers answer with, taken from the backend's own types so the surfaces cannot drift from them
// (type-only: nothing of the backend is bundled).

export type { AgreementView, IssuePanelView, ObligationView } from '../../src/views/issue-panel';
export type { AgreementCommitments, PriorityCommitments } from '../../src/views/commitments';
export type { WorkItem } from '../../src/views/work-list';
export type { EscalationLevel, EscalationMark, EscalationSummary } from '../../src/views/escalation-state';

export type { WorkListAnswer, WorkListOrder } from '../../src/views/work-list';
export type { PortalCommitments, PortalPriorities } from '../../src/resolver-contract';
export type { AgreementReports, PortalReports } from '../../src/resolver-contract';
export type { IssuedReportView } from '../../src/views/issued-reports';
export type { ContractReminderView, ContractRowView, ContractsView, NextDateKind } from '../../src/views/contracts';
export type { DevelopmentLinkView, DevelopmentPanel, HandOverPayload } from '../../src/resolver-contract';
