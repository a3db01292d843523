// A link to an issue that opens it in Jira itself: the surfaces run in frames, where a plain link would open Jira
// inside the frame. The work list, the monitoring rows, the reports and the issue panel's development issue use it.
import { router } from '@forge/bridge';
import type { MouseEvent } from 'react';

export function RequestLink({ issueKey, className }: { issueKey: string; className?: string }) {
  const path = `/browse/${issueKey}`;
  const open = (event: MouseEvent<HTMLAnchorElement>): void => {
    event.preventDefault();
    void router.open(path);
  };
  return (
    <a href={path} onClick={open} className={className}>
      {issueKey}
    </a>
  );
}
