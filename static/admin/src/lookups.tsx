// What the forms can offer from Jira: the JSM organizations (for customers), the service desk's request types
// (for target rows) and the site's statuses (for actions and action models). Any may be unavailable (no permission, not a service project); the forms then take typed values.
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import type { AnswerOf } from '../../../src/resolver-contract';
import { ApiError, call } from '../../shared/api';

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
const LookupsContext = createContext<JiraLookups>({ organizations: LOADING, requestTypes: LOADING, statuses: LOADING });

export const useLookups = (): JiraLookups => useContext(LookupsContext);

/** A list from Jira, or why it could not be had (the forms then take typed values). */
async function fetchList<T>(request: () => Promise<T[]>): Promise<Lookup<T>> {
  try {
    const items = await request();
    return { items: Array.isArray(items) ? items : [], loading: false };
  } catch (error) {
    const message = error instanceof ApiError ? error.errors.map((e) => e.message).join('; ') : String(error);
    return { items: [], error: message, loading: false };
  }
}

export function LookupsProvider({ children }: { children: ReactNode }) {
  const [lookups, setLookups] = useState<JiraLookups>({ organizations: LOADING, requestTypes: LOADING, statuses: LOADING });
  useEffect(() => {
    let live = true;
    void Promise.all([
      fetchList(() => call('admin/jira/organizations')),
      fetchList(() => call('admin/jira/request-types')),
      fetchList(() => call('admin/jira/statuses')),
    ]).then(([organizations, requestTypes, statuses]) => {
      if (live) setLookups({ organizations, requestTypes, statuses });
    });
    return () => {
      live = false;
    };
  }, []);
  return <LookupsContext.Provider value={lookups}>{children}</LookupsContext.Provider>;
}
