import type { ConfigBundle } from './model';

/**
 * Every form changes the bundle through one function: it receives a copy to change in place. One shape of update
 * everywhere keeps the editors short, and the page re-validates whatever changed.
 */
export type Edit = (change: (draft: ConfigBundle) => void) => void;

export interface SectionProps {
  bundle: ConfigBundle;
  edit: Edit;
  /** The stored configuration the edits started from: what requests already use (ids they store). */
  saved?: ConfigBundle;
}
