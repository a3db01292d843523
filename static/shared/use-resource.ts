// One resolver answer kept on screen: the last good data stays visible while a refresh runs or after it fails, and
// only the newest request may write (a slow answer to an older filter or refresh never overwrites a newer one).
import { useCallback, useEffect, useRef, useState } from 'react';

export interface Resource<T> {
  data: T | null;
  error: unknown;
  loading: boolean;
  /** When the data shown was received (epoch ms): relative times are read from then, as its sentences were. */
  receivedAt: number;
  /** Fetches again, at once. */
  reload: () => Promise<void>;
  /** Shows an answer obtained otherwise (e.g. a change's result) and drops any request still under way. */
  replace: (data: T) => void;
}

export interface ResourceOptions<T> {
  /** Waits this long after the fetcher changes before asking, so a burst of edits asks once; `reload` asks at once. */
  delayMs?: number;
  /** How long to wait before asking again given the data just received (a job still running), or null to stop. */
  pollMs?: (data: T) => number | null;
}

/** `fetcher` must be memoized; a new one fetches (after `delayMs`), and null means "not ready to ask yet". */
export function useResource<T>(fetcher: (() => Promise<T>) | null, { delayMs = 0, pollMs }: ResourceOptions<T> = {}): Resource<T> {
  const [state, setState] = useState<{ data: T | null; error: unknown; loading: boolean; receivedAt: number }>({ data: null, error: null, loading: true, receivedAt: 0 });
  const ticket = useRef(0);
  // The ask scheduled next (a delayed first ask or a poll); any other ask cancels it.
  const next = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latest = useRef<() => Promise<void>>(async () => undefined);
  // Read when data arrives, so callers may pass an inline function without refetching on every render.
  const poll = useRef(pollMs);
  poll.current = pollMs;

  /** Schedules the next ask in `ms`, replacing any scheduled one; null only cancels. */
  const askAgainIn = useCallback((ms: number | null) => {
    clearTimeout(next.current);
    next.current = ms === null ? undefined : setTimeout(() => void latest.current(), ms);
  }, []);

  const reload = useCallback(async (): Promise<void> => {
    askAgainIn(null);
    if (!fetcher) return;
    const mine = ++ticket.current;
    setState((s) => ({ ...s, loading: true }));
    try {
      const data = await fetcher();
      if (mine !== ticket.current) return;
      setState({ data, error: null, loading: false, receivedAt: Date.now() });
      askAgainIn(poll.current?.(data) ?? null);
    } catch (error) {
      if (mine === ticket.current) setState((s) => ({ ...s, error, loading: false }));
    }
  }, [fetcher, askAgainIn]);
  latest.current = reload;

  useEffect(() => {
    if (delayMs > 0) askAgainIn(delayMs);
    else void reload();
    return () => {
      // A new fetcher or an unmount: what was asked or scheduled for the old one no longer counts.
      ticket.current++;
      askAgainIn(null);
    };
  }, [reload, delayMs, askAgainIn]);

  const replace = useCallback(
    (data: T) => {
      ticket.current++;
      setState({ data, error: null, loading: false, receivedAt: Date.now() });
      askAgainIn(poll.current?.(data) ?? null);
    },
    [askAgainIn],
  );

  return { ...state, reload, replace };
}
