// The viewer's time zone, from the host: Jira knows the user's profile zone, the browser may not agree with it.
import { view } from '@forge/bridge';
import { useEffect, useState } from 'react';
import { isKnownZone } from './format';

function browserZone(): string {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return zone && isKnownZone(zone) ? zone : 'UTC';
}

export async function viewerTimezone(): Promise<string> {
  try {
    const context = await view.getContext();
    const zone = context?.timezone;
    return typeof zone === 'string' && isKnownZone(zone) ? zone : browserZone();
  } catch {
    // Outside a Forge host (a plain browser) there is no context; the browser's zone is the best guess.
    return browserZone();
  }
}

/** The viewer's zone once the host has told it; null until then (surfaces wait rather than guess and re-fetch). */
export function useViewerTimezone(): string | null {
  const [zone, setZone] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void viewerTimezone().then((z) => {
      if (live) setZone(z);
    });
    return () => {
      live = false;
    };
  }, []);
  return zone;
}
