// What the forms can offer from Jira: the JSM organizations (for customers), the service desk's request types
// (for target rows) and the site's statuses (for actions and action models). Any may be unavailable (no permission, not a service project); the forms then take typed values.
import { createContext, useContext, type ReactNode } from 'react';
import type { AnswerOf } from '../../../src/resolver-contract';
import { call } from '../../shared/api';
import { messagesOf } from '../../shared/problem';
import { useResource } from '../../shared/use-resource';

export type Organization = AnswerOf<'admin/jira/organizations'>[number];
export type RequestType = AnswerOf<'admin/jira/request-types'>[number];
export type JiraStatus = AnswerOf<'admin/jira/statuses'>[number];

interface Lookup<T> {
  items: T[];
  /** Why the list could not be loaded; the forms fall back to typing. */
  error?: string;
  loading: boolean;
}

export interface JiraLookups {
  organizations: Lookup<Organization>;
  requestTypes: Lookup<RequestType>;
  statuses: Lookup<JiraStatus>;
}

const LOADING = { items: [], loading: true };
const ALL_LOADING: JiraLookups = { organizations: LOADING, requestTypes: LOADING, statuses: LOADING };
const LookupsContext = createContext<JiraLookups>(ALL_LOADING);

export const useLookups = (): JiraLookups => useContext(LookupsContext);

/** A list from Jira, or why it could not be had (the forms then take typed values). */
async function fetchList<T>(request: () => Promise<T[]>): Promise<Lookup<T>> {
  try {
    const items = await request();
    return { items: Array.isArray(items) ? items : [], loading: false };
  } catch (error) {
    return { items: [], error: messagesOf(error).join('; '), loading: false };
  }
}

// Each list answers for itself: one Jira refusing (no permission) leaves the others usable.
const fetchLookups = async (): Promise<JiraLookups> => {
  const [organizations, requestTypes, statuses] = await Promise.all([
    fetchList(() => call('admin/jira/organizations')),
    fetchList(() => call('admin/jira/request-types')),
    fetchList(() => call('admin/jira/statuses')),
  ]);
  return { organizations, requestTypes, statuses };
};

export function LookupsProvider({ children }: { children: ReactNode }) {
  const lookups = useResource(fetchLookups);
  return <LookupsContext.Provider value={lookups.data ?? ALL_LOADING}>{children}</LookupsContext.Provider>;
}
