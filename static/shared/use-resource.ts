// One resolver answer kept on screen: the last good data stays visible while a refresh runs or after it fails, and
// only the newest request may write (a slow answer to an older filter or refresh never overwrites a newer one).
import { useCallback, useEffect, useRef, useState } from 'react';

export interface Resource<T> {
  data: T | null;
  error: unknown;
  loading: boolean;
  /** When the data shown was received (epoch ms): relative times are read from then, as its sentences were. */
  receivedAt: number;
  /** Fetches again. */
  reload: () => Promise<void>;
  /** Shows an answer obtained otherwise (e.g. a change's result) and drops any request still under way. */
  replace: (data: T) => void;
}

/** `fetcher` must be memoized; a new one fetches at once, and null means "not ready to ask yet". */
export function useResource<T>(fetcher: (() => Promise<T>) | null): Resource<T> {
  const [state, setState] = useState<{ data: T | null; error: unknown; loading: boolean; receivedAt: number }>({ data: null, error: null, loading: true, receivedAt: 0 });
  const ticket = useRef(0);

  const reload = useCallback(async (): Promise<void> => {
    if (!fetcher) return;
    const mine = ++ticket.current;
    setState((s) => ({ ...s, loading: true }));
    try {
      const data = await fetcher();
      if (mine === ticket.current) setState({ data, error: null, loading: false, receivedAt: Date.now() });
    } catch (error) {
      if (mine === ticket.current) setState((s) => ({ ...s, error, loading: false }));
    }
  }, [fetcher]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const replace = useCallback((data: T) => {
    ticket.current++;
    setState({ data, error: null, loading: false, receivedAt: Date.now() });
  }, []);

  return { ...state, reload, replace };
}
