// Validation errors on the fields they concern. Every error renders beside its input as role="alert" with
// data-error-path = its path relative to the edited value; the summary at the top lists them all.
import { createContext, useContext, useMemo } from 'react';
import { FieldErrorList } from '../../shared/components';
import type { ConfigBundle } from './model';
import { isUnder } from './paths';
import { placeOf, type Place } from './places';

export interface FieldIssue {
  path: string;
  message: string;
}

const IssuesContext = createContext<readonly FieldIssue[]>([]);
export const IssuesProvider = IssuesContext.Provider;

/** The issues at `path` exactly, or (with `under`) at it and everything inside it. */
export function useIssues(path: string, under = false): FieldIssue[] {
  const issues = useContext(IssuesContext);
  return useMemo(() => issues.filter((issue) => (under ? isUnder(issue.path, path) : issue.path === path)), [issues, path, under]);
}

export function FieldErrors({ path, under = false }: { path: string; under?: boolean }) {
  const issues = useIssues(path, under);
  return (
    <>
      {issues.map((issue, i) => (
        <FieldErrorList key={`${issue.path}:${i}`} path={issue.path} messages={[issue.message]} />
      ))}
    </>
  );
}

interface SummaryProps {
  issues: readonly FieldIssue[];
  /** The configuration on screen, to name the entries the issues are in. */
  bundle: ConfigBundle;
  /** Takes the admin to a place a form shows. */
  onShow: (place: Place) => void;
}

export function ErrorSummary({ issues, bundle, onShow }: SummaryProps) {
  if (issues.length === 0) return null;
  const count = issues.length === 1 ? '1 problem' : `${issues.length} problems`;
  return (
    <section className="error-summary" aria-labelledby="error-summary-title" data-testid="error-summary">
      <h2 id="error-summary-title">{count} to fix before the configuration can be saved</h2>
      <ul>
        {issues.map((issue, i) => {
          const place = placeOf(bundle, issue.path);
          return (
            <li key={`${issue.path}:${i}`} data-summary-path={issue.path}>
              {place.tab ? (
                <button type="button" className="link" onClick={() => onShow(place)}>
                  {place.description}
                </button>
              ) : (
                <strong>{place.description}</strong>
              )}
              : {issue.message}
              {/* The exact place, for whoever edits the file itself. */}
              <code className="path-detail">{issue.path}</code>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

const FOCUSABLE = 'input, select, textarea, button';

/**
 * Brings the field of `path` into view and focuses it: the input editing exactly that path, else the first input
 * inside it (an interval's start for an error on the interval), else the input of the closest enclosing value.
 */
export function revealField(path: string, root: ParentNode = document): void {
  const alert = [...root.querySelectorAll<HTMLElement>('[data-error-path]')].find((el) => el.dataset.errorPath === path);
  const inputs = [...root.querySelectorAll<HTMLElement>('[data-path]')].filter((el) => el.matches(FOCUSABLE));
  const own = (el: HTMLElement) => el.dataset.path ?? '';
  const enclosing = inputs.filter((el) => isUnder(path, own(el))).sort((a, b) => own(b).length - own(a).length);
  const input = inputs.find((el) => own(el) === path) ?? inputs.find((el) => isUnder(own(el), path)) ?? enclosing[0];
  (alert ?? input)?.scrollIntoView?.({ block: 'center', behavior: 'smooth' });
  input?.focus();
}
