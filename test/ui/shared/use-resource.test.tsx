// The data hook every surface loads through: newest answer wins, a delayed first ask, polling while asked to.
import { act, renderHook } from '@testing-library/react';
import { useResource } from '../../../static/shared/use-resource';

afterEach(() => jest.useRealTimers());

/** A fetcher whose answers the test releases one by one. */
function deferredFetcher<T>() {
  const pending: Array<(value: T) => void> = [];
  const fetcher = jest.fn(() => new Promise<T>((resolve) => pending.push(resolve)));
  const answer = async (index: number, value: T) => {
    await act(async () => pending[index]!(value));
  };
  return { fetcher, answer };
}

describe('useResource', () => {
  it('keeps the newest answer when an older one arrives later', async () => {
    const { fetcher, answer } = deferredFetcher<string>();
    const { result } = renderHook(() => useResource(fetcher));
    await act(async () => void result.current.reload());
    await answer(1, 'newer');
    await answer(0, 'older');
    expect(result.current.data).toBe('newer');
    expect(result.current.loading).toBe(false);
  });

  it('waits delayMs after a new fetcher before asking; reload asks at once', async () => {
    jest.useFakeTimers();
    const fetcher = jest.fn(async () => 'answer');
    const { result, rerender } = renderHook(({ f }) => useResource(f, { delayMs: 500 }), { initialProps: { f: null as (() => Promise<string>) | null } });
    rerender({ f: fetcher });
    await act(async () => void jest.advanceTimersByTime(499));
    expect(fetcher).not.toHaveBeenCalled();
    await act(async () => void jest.advanceTimersByTime(1));
    expect(fetcher).toHaveBeenCalledTimes(1);
    expect(result.current.data).toBe('answer');

    await act(async () => result.current.reload());
    expect(fetcher).toHaveBeenCalledTimes(2);
  });

  it('a fetcher replaced during its delay never asks', async () => {
    jest.useFakeTimers();
    const first = jest.fn(async () => 'first');
    const second = jest.fn(async () => 'second');
    const { result, rerender } = renderHook(({ f }) => useResource(f, { delayMs: 500 }), { initialProps: { f: first } });
    await act(async () => void jest.advanceTimersByTime(300));
    rerender({ f: second });
    await act(async () => void jest.advanceTimersByTime(500));
    expect(first).not.toHaveBeenCalled();
    expect(result.current.data).toBe('second');
  });

  it('polls while pollMs asks for it, and stops when it says null', async () => {
    jest.useFakeTimers();
    const states = ['running', 'running', 'done'];
    let asked = 0;
    const fetcher = async () => states[Math.min(asked++, states.length - 1)]!;
    const { result } = renderHook(() => useResource(fetcher, { pollMs: (state) => (state === 'running' ? 1000 : null) }));
    await act(async () => undefined);
    expect(result.current.data).toBe('running');
    await act(async () => void jest.advanceTimersByTime(1000));
    expect(result.current.data).toBe('running');
    await act(async () => void jest.advanceTimersByTime(1000));
    expect(result.current.data).toBe('done');
    await act(async () => void jest.advanceTimersByTime(10_000));
    expect(asked).toBe(3);
  });

  it('stops polling when unmounted', async () => {
    jest.useFakeTimers();
    let asked = 0;
    const fetcher = async () => ++asked;
    const { unmount } = renderHook(() => useResource(fetcher, { pollMs: () => 1000 }));
    await act(async () => undefined);
    unmount();
    await act(async () => void jest.advanceTimersByTime(5000));
    expect(asked).toBe(1);
  });

  it('keeps the last good data after a failed refresh, with the error beside it', async () => {
    let fail = false;
    const fetcher = async () => {
      if (fail) throw new Error('offline');
      return 'good';
    };
    const { result } = renderHook(() => useResource(fetcher));
    await act(async () => undefined);
    fail = true;
    await act(async () => result.current.reload());
    expect(result.current.data).toBe('good');
    expect((result.current.error as Error).message).toBe('offline');
  });
});
