// The app's one source of "now". Forge functions read the real time; the local sandbox and its tests move time
// forward by installing their own clock, so deadlines pass without waiting for them.
let source: () => number = Date.now;

export function now(): number {
  return source();
}

/** Replaces the clock (the local Forge host does); returns a function that restores the previous one. */
export function useClock(next: () => number): () => void {
  const previous = source;
  source = next;
  return () => {
    source = previous;
  };
}
