// What the forms can offer from Jira: the JSM organizations (for customers), the service desk's request types
// (for target rows) and the site's statuses (for actions and action models). Any may be unavailable (no permission, not a service project); the forms then take typed values.
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { ApiError, call } from '../../shared/api';

export interface Organization {
  id: string;
  name: string;
}

export interface RequestType {
  id: string;
  name: string;
  description?: string;
}

interface Lookup<T> {
  items: T[];
  /** Why the list could not be loaded; the forms fall back to typing. */
  error?: string;
  loading: boolean;
}

export interface JiraStatus {
  id: string;
  name: string;
  category: string;
}

export interface JiraLookups {
  organizations: Lookup<Organization>;
  requestTypes: Lookup<RequestType>;
  statuses: Lookup<JiraStatus>;
}

const LOADING = { items: [], loading: true };
const LookupsContext = createContext<JiraLookups>({ organizations: LOADING, requestTypes: LOADING, statuses: LOADING });

export const useLookups = (): JiraLookups => useContext(LookupsContext);

async function fetchList<T>(key: string): Promise<Lookup<T>> {
  try {
    const items = await call<T[]>(key);
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
      fetchList<Organization>('admin/jira/organizations'),
      fetchList<RequestType>('admin/jira/request-types'),
      fetchList<JiraStatus>('admin/jira/statuses'),
    ]).then(([organizations, requestTypes, statuses]) => {
      if (live) setLookups({ organizations, requestTypes, statuses });
    });
    return () => {
      live = false;
    };
  }, []);
  return <LookupsContext.Provider value={lookups}>{children}</LookupsContext.Provider>;
}
