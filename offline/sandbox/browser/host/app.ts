// What the pages and the control strip share: the site as last fetched, who is looking, and how to report a change.
import type { PersonView, SandboxStateView } from '../../api-types';
import type { BridgeHost, SiteChange } from './bridge-host';

export interface HostApp {
  readonly state: SandboxStateView;
  readonly bridge: BridgeHost;
  /** The person using the page ("You are"). */
  identity(): PersonView;
  person(name: string): PersonView | undefined;
  navigate(path: string): void;
  /**
   * After a change on the site: fetch it again, redraw what the host shows, and tell the frames (an issue event or
   * a reload). `message` goes to the control strip.
   */
  changed(change: SiteChange, message: string): Promise<void>;
  /** After the demo was reset: fetch the site and draw the page again from scratch, frames included. */
  redraw(message: string): Promise<void>;
  /** Shows a message in the control strip (an error in red). */
  say(message: string, error?: boolean): void;
}

/** A page of the host: what it is about, and how it redraws the site's data (never its frames). */
export interface Page {
  /** The request the page shows, which the control strip acts on. */
  requestKey?: string;
  /** Whether the page is for agents (Jira) or customers (the portal). */
  audience: 'agent' | 'customer';
  update(): Promise<void>;
}
