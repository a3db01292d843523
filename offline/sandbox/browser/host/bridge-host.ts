// The host side of the Custom UI bridge: Jira's role for the app's iframes. Each surface is mounted as an iframe with
// a frame id; its bridge (../bridge.ts) forwards @forge/bridge calls here, and they are answered the way Jira answers
// them: `invoke` runs the surface's resolver on the server with the surface's context and the current person as the
// caller, `getContext` gives the module's Forge context, `submit` is the portal create form's, events go between
// frames, `router` moves the host page, and flags show on the host page.
import type { Placement, Surface } from '../../api-types';
import type { SandboxHostApi } from '../host-api';
import { api } from './api';
import { h } from './dom';
import { applyTheme, type ColorMode } from './theme';

export interface HostEnvironment {
  /** The short name of the person using the page (the "You are" switcher). */
  identity(): string;
  /** Sandbox clock minus the browser's clock (ms). */
  clockOffset(): number;
  /** Moves the host page to one of its own paths (/issue/SUP-1, /portal, …). */
  navigate(path: string): void;
  flag(flag: { id: string; title: string; description?: string; type?: string }): void;
  closeFlag(id: string): void;
  /** A resolver changed the site (a hand-over moved the request): Jira's own page shows it, the frames stay. */
  siteChangedByApp(): void;
  /** The colour mode the person chose (the sandbox's light/dark switch, Jira's theme preference). */
  colorMode(): ColorMode;
}

export interface FrameOptions {
  placement: Placement;
  title: string;
  /** Panels follow their content's height; pages fill the space they are given. */
  autoHeight: boolean;
  /** The portal create form learns what the panel submitted. */
  onSubmit?: (submission: unknown) => void;
}

interface Frame {
  id: string;
  options: FrameOptions;
  element: HTMLIFrameElement;
  subscriptions: Map<string, { event: string; deliver: (payloadJson: string) => void }>;
  /** Whether the surface asked for theming (view.theme.enable()): only then does it follow the mode. */
  themed?: boolean;
}

/** What changed on the site, so each frame can be told in the way its module is told in Jira. */
export type SiteChange =
  | { kind: 'issue'; issueKey: string; issueId: string; projectId: string; changeType: 'updated' | 'commented'; atlassianId: string }
  | { kind: 'clock' };

/** Surfaces whose content only the user changes: refreshing them would throw away what they are typing. */
const KEEP_ON_CHANGE: ReadonlySet<Surface> = new Set<Surface>(['admin', 'portal-create']);

/** A frame shown as a dashboard gadget's edit view is the user's typing too. */
const keptOnChange = (placement: { surface: Surface; entryPoint?: 'edit' }): boolean => KEEP_ON_CHANGE.has(placement.surface) || placement.entryPoint === 'edit';

export class BridgeHost implements SandboxHostApi {
  private readonly frames = new Map<string, Frame>();
  private counter = 0;

  constructor(private readonly env: HostEnvironment) {}

  /** An iframe showing a built surface; the caller puts it on the page. */
  mount(options: FrameOptions): HTMLIFrameElement {
    const id = `f${++this.counter}`;
    const element = h('iframe', {
      src: `/apps/${options.placement.surface}/?frame=${id}${options.placement.entryPoint ? `&entryPoint=${options.placement.entryPoint}` : ''}${options.placement.route ? `&route=${encodeURIComponent(options.placement.route)}` : ''}`,
      title: options.title,
      class: `surface surface-${options.placement.surface}${options.autoHeight ? ' surface-panel' : ' surface-page'}`,
      'data-testid': `surface-${options.placement.surface}`,
      'data-frame-id': id,
    });
    this.frames.set(id, { id, options, element, subscriptions: new Map() });
    return element;
  }

  /** The person switched light and dark: every themed frame follows at once, as Jira's do. */
  recolor(): void {
    for (const frame of this.liveFrames()) {
      const doc = frame.element.contentDocument;
      if (frame.themed && doc) applyTheme(doc, this.env.colorMode());
    }
  }

  /** Tells every frame on the page about a change: the issue event its module listens to, or a reload. */
  afterChange(change: SiteChange): void {
    for (const frame of this.liveFrames()) {
      const { surface, issueKey } = frame.options.placement;
      if (keptOnChange(frame.options.placement)) continue;
      if (change.kind === 'issue') {
        if (surface !== 'worklist' && surface !== 'monitoring' && surface !== 'monitoring-gadget' && issueKey !== change.issueKey) continue;
        const listeners = [...frame.subscriptions.values()].filter((s) => s.event === 'JIRA_ISSUE_CHANGED');
        if (issueKey === change.issueKey && listeners.length > 0) {
          // The payload Jira sends issue view modules when the issue is updated or commented on.
          const payload = JSON.stringify({ issueId: change.issueId, projectId: change.projectId, changes: [{ changeType: change.changeType, atlassianId: change.atlassianId }] });
          for (const listener of listeners) deliver(listener.deliver, payload);
          continue;
        }
      }
      // Time passing, or a module without an issue event: what a person would do is reload.
      this.reload(frame);
    }
  }

  // ---- SandboxHostApi (called from the frames) -------------------------------------------------------------------

  subscribe(frameId: string, event: string, deliverPayload: (payloadJson: string) => void): string {
    const frame = this.frameOrThrow(frameId);
    const id = `s${++this.counter}`;
    frame.subscriptions.set(id, { event, deliver: deliverPayload });
    return id;
  }

  unsubscribe(frameId: string, subscriptionId: string): void {
    this.frames.get(frameId)?.subscriptions.delete(subscriptionId);
  }

  clockOffset(): number {
    return this.env.clockOffset();
  }

  frameStarted(frameId: string): void {
    const frame = this.frames.get(frameId);
    frame?.subscriptions.clear();
    // A reloaded surface asks for theming again, if it wants it.
    if (frame) frame.themed = false;
  }

  resized(frameId: string, height: number): void {
    const frame = this.frames.get(frameId);
    if (!frame || !frame.options.autoHeight) return;
    const wanted = Math.max(80, Math.min(4000, height));
    if (Math.abs(frame.element.getBoundingClientRect().height - wanted) > 1) frame.element.style.height = `${wanted}px`;
  }

  async callBridge(frameId: string, name: string, payloadJson: string): Promise<string | undefined> {
    const frame = this.frameOrThrow(frameId);
    const payload = JSON.parse(payloadJson) as unknown;
    const answer = await this.answer(frame, name, payload);
    return answer === undefined ? undefined : JSON.stringify(answer);
  }

  // ---- the bridge calls ------------------------------------------------------------------------------------------

  private async answer(frame: Frame, name: string, payload: unknown): Promise<unknown> {
    const { placement } = frame.options;
    const as = this.env.identity();
    switch (name) {
      case 'invoke': {
        // invokeRemote/invokeService reach Forge Remote endpoints, which the app does not declare.
        if ((payload as { invokeType?: unknown }).invokeType !== undefined) throw new Error('the app has no Forge Remote endpoints');
        const { functionKey, payload: body, metadata } = payload as { functionKey: string; payload?: unknown; metadata?: unknown };
        const { answer: result, siteChanged } = await api.invoke(placement, as, functionKey, body ?? {});
        if (siteChanged) this.env.siteChangedByApp();
        // With metadata asked for, Forge wraps the answer: { body, metadata }.
        return metadata ? { body: result, metadata: {} } : result;
      }
      case 'getContext': {
        const context = (await api.context(placement, as)) as { theme?: Record<string, unknown> };
        return { ...context, theme: { ...context.theme, colorMode: this.env.colorMode() } };
      }
      case 'enableTheming': {
        frame.themed = true;
        const doc = frame.element.contentDocument;
        if (doc) applyTheme(doc, this.env.colorMode());
        return undefined;
      }
      case 'submit':
        // The portal create form's fields, or a dashboard gadget's settings from its edit view.
        if ((placement.surface !== 'portal-create' && placement.surface !== 'monitoring-gadget') || !frame.options.onSubmit) return false;
        frame.options.onSubmit(payload);
        return true;
      case 'refresh':
        this.reload(frame);
        return true;
      case 'close':
      case 'open':
      case 'onClose':
      case 'openModal':
        // Only modals and dialogs open and close; none of the app's surfaces is one.
        return false;
      case 'emit':
      case 'emitPublic': {
        const { event, payload: body } = payload as { event: string; payload?: unknown };
        this.emit(event, body, frame.id);
        return undefined;
      }
      case 'getUrl':
        return new URL(this.pathFor(payload as Record<string, unknown>), window.location.origin).toString();
      case 'navigate': {
        const location = payload as Record<string, unknown> & { type?: string };
        const target = this.pathFor(location);
        if (location.type === 'new-tab') window.open(new URL(target, window.location.origin).toString(), '_blank', 'noopener');
        else if (/^https?:/.test(target) && !target.startsWith(window.location.origin)) window.location.assign(target);
        else this.env.navigate(new URL(target, window.location.origin).pathname);
        return undefined;
      }
      case 'reload':
        window.location.reload();
        return undefined;
      case 'changeWindowTitle':
        document.title = `${String(payload)} · Nordlys IT (sandbox)`;
        return undefined;
      case 'showFlag': {
        const flag = payload as { id: string; title?: string; description?: string; type?: string };
        this.env.flag({ id: String(flag.id), title: flag.title ?? '', ...(flag.description ? { description: flag.description } : {}), ...(flag.type ? { type: flag.type } : {}) });
        return undefined;
      }
      case 'closeFlag':
        this.env.closeFlag(String((payload as { id: string }).id));
        return undefined;
      case 'fetchProduct': {
        const { product, restPath, fetchRequestInit } = payload as { product: string; restPath: string; fetchRequestInit?: unknown };
        if (product !== 'jira') throw new Error(`the sandbox site is Jira only; there is no ${product}`);
        return api.product(as, restPath, fetchRequestInit ?? {});
      }
      case 'getFrameId':
        return frame.id;
      case 'getCookieConsentPreferences':
        return null;
      case 'isRovoEnabled':
        return false;
      case 'emitReadyEvent':
      case 'getFrameDispatch':
      case 'trackObjectStoreAction':
      case 'emitFrontendCustomMetric':
        return undefined;
      default:
        throw new Error(`@forge/bridge "${name}" is not available in the sandbox`);
    }
  }

  /** Forge events go to every other extension on the page. */
  private emit(event: string, payload: unknown, from: string): void {
    const json = payload === undefined ? '' : JSON.stringify(payload);
    for (const frame of this.liveFrames()) {
      if (frame.id === from) continue;
      for (const subscription of frame.subscriptions.values()) if (subscription.event === event) deliver(subscription.deliver, json);
    }
  }

  /** A host page path for a router location: a URL, or a `{ target, … }` NavigationLocation. */
  private pathFor(location: Record<string, unknown>): string {
    if (typeof location.url === 'string') {
      const url = location.url;
      const browse = /\/browse\/([A-Z]+-\d+)/.exec(url);
      if (browse) return `/issue/${browse[1]}`;
      const portal = /\/servicedesk\/customer\/portal\/\d+\/([A-Z]+-\d+)/.exec(url);
      if (portal) return `/portal/${portal[1]}`;
      return url;
    }
    switch (location.target) {
      case 'issue':
        return `/issue/${String(location.issueKey ?? '')}`;
      case 'projectSettingsDetails':
        return '/admin';
      case 'module': {
        const key = String(location.moduleKey ?? '');
        if (key.includes('admin')) return '/admin';
        if (key.includes('worklist')) return '/worklist';
        return '/';
      }
      default:
        throw new Error(`the sandbox cannot navigate to ${JSON.stringify(location)}`);
    }
  }

  private reload(frame: Frame): void {
    frame.subscriptions.clear();
    frame.element.contentWindow?.location.reload();
  }

  /** The page is redrawn: its frames are gone with it. */
  unmountAll(): void {
    this.frames.clear();
  }

  /** Frames still on the page (one replaced within a page, e.g. on another request type, is not). */
  private liveFrames(): Frame[] {
    return [...this.frames.values()].filter((frame) => frame.element.isConnected);
  }

  private frameOrThrow(frameId: string): Frame {
    const frame = this.frames.get(frameId);
    if (!frame) throw new Error(`frame ${frameId} is no longer on the page`);
    return frame;
  }
}

/** A listener in a frame that is going away must not stop the others from hearing the event. */
function deliver(listener: (payloadJson: string) => void, json: string): void {
  try {
    listener(json);
  } catch (error) {
    console.warn('a surface failed to handle an event', error);
  }
}
