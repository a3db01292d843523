// The shapes the resolvers answer with, taken from the backend's own types so the surfaces cannot drift from them
// (type-only: nothing of the backend is bundled).
import type { ObligationView } from '../../src/views/issue-panel';
import type { AgreementCommitments } from '../../src/views/commitments';
import type { WorkItem } from '../../src/views/work-list';

export type { AgreementView, IssuePanelView, ObligationView } from '../../src/views/issue-panel';
export type { AgreementCommitments, PriorityCommitments } from '../../src/views/commitments';
export type { WorkItem } from '../../src/views/work-list';

/** `worklist/list`: the matching requests, how many are open in all, and what each filter can choose from. */
export interface WorkListAnswer {
  items: WorkItem[];
  total: number;
  options: {
    customers: Array<{ id: string; name: string }>;
    agreements: Array<{ id: string; name: string }>;
    goals: Array<{ id: string; name: string }>;
    assignees: Array<{ accountId: string; displayName: string }>;
  };
}

/** `portal/priorities`: the caller's own organization's agreements in force, each with its priority model. */
export interface PortalPriorities {
  requestType: string | null;
  agreements: AgreementCommitments[];
}

/** `portal/commitments`: the request's customer-facing obligations (internal goals never leave the backend). */
export interface PortalCommitments {
  request: string;
  agreement: { id: string; name: string } | null;
  obligations: ObligationView[];
}
