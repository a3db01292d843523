// The Custom UI bridge inside each surface's iframe: what Jira provides as `globalThis.__bridge`, through which every
// @forge/bridge call goes (`callBridge(name, payload)`). It is loaded by a plain <script> ahead of the app's bundle,
// because @forge/bridge modules look the bridge up when they are evaluated. Calls are forwarded to the host page
// (host/bridge-host.ts), except those that must stay in this window: event callbacks and the page history.
import type { SandboxHostApi } from './host-api';

type Listener = (location: MemoryLocation, action: string) => void;
interface MemoryLocation {
  pathname: string;
  search: string;
  hash: string;
  state: unknown;
  key: string;
}

const frameId = new URLSearchParams(window.location.search).get('frame') ?? '';

function host(): SandboxHostApi {
  const found = window.parent !== window ? window.parent.sandboxHost : undefined;
  if (!found || !frameId) {
    throw new Error('This Contract SLA surface runs inside the sandbox host page: open the sandbox (npm start) and navigate there.');
  }
  return found;
}

/** `view.createHistory()`: a history of the app's own sub-pages, kept in memory as Jira keeps it per extension. */
function memoryHistory() {
  // A global page's sub-page opens with its route as the history's location, as Jira's sidebar links do.
  const route = new URLSearchParams(window.location.search).get('route');
  const entries: MemoryLocation[] = [{ pathname: route ? `/${route.replace(/^\//, '')}` : '/', search: '', hash: '', state: null, key: 'default' }];
  let index = 0;
  const listeners = new Set<Listener>();
  const parse = (to: string | Partial<MemoryLocation>, state: unknown): MemoryLocation => {
    const target = typeof to === 'string' ? new URL(to, `http://app${entries[index]?.pathname ?? '/'}`) : undefined;
    return {
      pathname: target ? target.pathname : (to as Partial<MemoryLocation>).pathname ?? '/',
      search: target ? target.search : (to as Partial<MemoryLocation>).search ?? '',
      hash: target ? target.hash : (to as Partial<MemoryLocation>).hash ?? '',
      state,
      key: Math.random().toString(36).slice(2, 10),
    };
  };
  const notify = (action: string) => listeners.forEach((listener) => listener(history.location, action));
  const history = {
    get location(): MemoryLocation {
      return entries[index]!;
    },
    set location(_ignored: MemoryLocation) {
      // @forge/bridge assigns the location it is told about; this history already has it.
    },
    get action() {
      return 'POP';
    },
    get length() {
      return entries.length;
    },
    push(to: string | Partial<MemoryLocation>, state?: unknown) {
      entries.splice(index + 1, entries.length, parse(to, state ?? null));
      index = entries.length - 1;
      notify('PUSH');
    },
    replace(to: string | Partial<MemoryLocation>, state?: unknown) {
      entries[index] = parse(to, state ?? null);
      notify('REPLACE');
    },
    go(delta: number) {
      index = Math.min(entries.length - 1, Math.max(0, index + delta));
      notify('POP');
    },
    back() {
      history.go(-1);
    },
    forward() {
      history.go(1);
    },
    listen(listener: Listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    block() {
      return () => undefined;
    },
    createHref(to: string | Partial<MemoryLocation>) {
      return typeof to === 'string' ? to : `${to.pathname ?? ''}${to.search ?? ''}${to.hash ?? ''}`;
    },
  };
  return history;
}

async function callBridge(name: string, payload?: unknown): Promise<unknown> {
  if (name === 'on' || name === 'onPublic') {
    const { event, callback } = payload as { event: string; callback: (payload: unknown) => unknown };
    const id = host().subscribe(frameId, event, (json) => void callback(json === '' ? undefined : JSON.parse(json)));
    return { unsubscribe: () => host().unsubscribe(frameId, id) };
  }
  if (name === 'createHistory') return memoryHistory();
  const answer = await host().callBridge(frameId, name, JSON.stringify(payload ?? null) ?? 'null');
  return answer === undefined ? undefined : JSON.parse(answer);
}

(globalThis as { __bridge?: unknown }).__bridge = { callBridge };

/** `Date` in this frame runs on the sandbox clock: now is the sandbox's now, and time goes on from there. */
function followSandboxClock(offset: number): void {
  if (offset === 0) return;
  const RealDate = Date;
  const SandboxDate = function (this: unknown, ...args: unknown[]): unknown {
    // Called without `new`, Date() answers the current time as text.
    if (!new.target) return new RealDate(RealDate.now() + offset).toString();
    return Reflect.construct(RealDate, args.length === 0 ? [RealDate.now() + offset] : args, new.target === SandboxDate ? RealDate : new.target);
  } as unknown as DateConstructor;
  Object.defineProperty(SandboxDate, 'prototype', { value: RealDate.prototype });
  SandboxDate.now = () => RealDate.now() + offset;
  SandboxDate.parse = RealDate.parse;
  SandboxDate.UTC = RealDate.UTC;
  globalThis.Date = SandboxDate;
}

if (frameId && window.parent !== window && window.parent.sandboxHost) followSandboxClock(window.parent.sandboxHost.clockOffset());

let pending = false;
/** At most once a frame, however many mutations arrive. */
function scheduleReport(): void {
  if (pending) return;
  pending = true;
  window.requestAnimationFrame(() => {
    pending = false;
    reportHeight();
  });
}

/** Panels are as tall as their content, as Forge's iframe resizer makes them. */
function reportHeight(): void {
  const body = document.body;
  if (!body) return;
  let bottom = 0;
  for (const child of Array.from(body.children)) {
    const style = window.getComputedStyle(child);
    if (style.position === 'fixed' || style.display === 'none') continue;
    bottom = Math.max(bottom, child.getBoundingClientRect().bottom + parseFloat(style.marginBottom || '0'));
  }
  const padding = parseFloat(window.getComputedStyle(body).paddingBottom || '0') + parseFloat(window.getComputedStyle(body).marginBottom || '0');
  window.parent.sandboxHost?.resized(frameId, Math.ceil(bottom + window.scrollY + padding));
}

if (frameId && window.parent !== window) {
  window.parent.sandboxHost?.frameStarted(frameId);
  const observe = (): void => {
    const observer = new ResizeObserver(() => scheduleReport());
    observer.observe(document.body);
    for (const child of Array.from(document.body.children)) observer.observe(child);
    // React mounts into a child of <body> after this runs; watch for it and for anything else added later.
    new MutationObserver(() => {
      for (const child of Array.from(document.body.children)) observer.observe(child);
      scheduleReport();
    }).observe(document.body, { childList: true, subtree: true });
    reportHeight();
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', observe);
  else observe();
}
