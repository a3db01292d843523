// The app's one global page (Jira allows an app a single jira:globalPage) with its two sub-pages from the manifest's
// `pages`: SLA monitoring and Contracts. Jira's sidebar changes only the page's own history; this follows it.
import { view } from '@forge/bridge';
import { useEffect, useState } from 'react';
import { Loading } from '../../shared/components';
import { ContractsPage } from './ContractsPage';
import { MonitoringPage } from './MonitoringPage';

export type SubPage = 'monitoring' | 'contracts';

/** The sub-page a history location names: `/contracts` is the contracts page; anything else is monitoring. */
export function subPageOf(pathname: string): SubPage {
  return pathname.replace(/\/+$/, '') === '/contracts' ? 'contracts' : 'monitoring';
}

export function GlobalPage() {
  const [page, setPage] = useState<SubPage | null>(null);
  useEffect(() => {
    let unlisten: (() => void) | undefined;
    let live = true;
    void view
      .createHistory()
      .then((history) => {
        if (!live) return;
        setPage(subPageOf(history.location.pathname));
        unlisten = history.listen((location) => setPage(subPageOf(location.pathname)));
      })
      .catch(() => live && setPage('monitoring'));
    return () => {
      live = false;
      unlisten?.();
    };
  }, []);
  if (page === null) return <Loading label="Opening…" />;
  return page === 'contracts' ? <ContractsPage /> : <MonitoringPage />;
}
