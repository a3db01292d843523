// Small presentational pieces shared by the surfaces, styled in shared/ui.css with Atlassian design tokens so they
// look like Jira's own lozenges, badges and section messages in light and dark mode.
import type { ButtonHTMLAttributes, ReactNode } from 'react';
import { messagesOf } from './problem';

/** Atlaskit's lozenge appearances: what a state means, not which colour it is. */
export type LozengeAppearance = 'default' | 'success' | 'removed' | 'inprogress' | 'moved' | 'new';

export function Lozenge({ appearance, children }: { appearance: LozengeAppearance; children: ReactNode }) {
  return <span className={`lozenge lozenge--${appearance}`}>{children}</span>;
}

/** `important` draws the eye to a count that needs acting on (problems on a tab). */
export function Badge({ children, title, appearance = 'default', 'aria-label': label }: { children: ReactNode; title?: string; appearance?: 'default' | 'important'; 'aria-label'?: string }) {
  return (
    <span className={`badge badge--${appearance}`} title={title} aria-label={label}>
      {children}
    </span>
  );
}

export type MessageAppearance = 'information' | 'warning' | 'error' | 'success';

/** How a message reaches a screen reader: `at-once` (alert), `politely` (status), or `no` for what is simply there. */
export type Announcement = 'at-once' | 'politely' | 'no';

const ROLES = { 'at-once': 'alert', politely: 'status', no: undefined } as const;

interface SectionMessageProps {
  appearance: MessageAppearance;
  title?: string;
  /** By default errors are announced at once and the rest politely. */
  announce?: Announcement;
  testId?: string;
  children?: ReactNode;
}

export function SectionMessage({ appearance, title, announce = appearance === 'error' ? 'at-once' : 'politely', testId, children }: SectionMessageProps) {
  return (
    <div className={`section-message section-message--${appearance}`} role={ROLES[announce]} data-testid={testId}>
      {title !== undefined && <p className="section-message__title">{title}</p>}
      {children}
    </div>
  );
}

/** The resolver's messages under a title, e.g. "The panel could not be loaded". */
export function ProblemMessage({ title, error, children }: { title: string; error: unknown; children?: ReactNode }) {
  const messages = messagesOf(error);
  return (
    <SectionMessage appearance="error" title={title}>
      {messages.length === 1 ? <p>{messages[0]}</p> : <ul>{messages.map((m) => <li key={m}>{m}</li>)}</ul>}
      {children}
    </SectionMessage>
  );
}

export function Loading({ label }: { label: string }) {
  return (
    <p className="loading" role="status" aria-live="polite">
      <span className="loading__spinner" aria-hidden="true" />
      {label}
    </p>
  );
}

/**
 * Atlaskit's button appearances, plus `link`: a quiet action in the link colour (add a row, show a preview).
 * `danger` is the quiet destructive one (text in the danger colour, no filled background).
 */
export type ButtonAppearance = 'default' | 'primary' | 'subtle' | 'link' | 'danger';

type ButtonProps = { appearance?: ButtonAppearance; spacing?: 'default' | 'compact' } & ButtonHTMLAttributes<HTMLButtonElement>;

/** `type` defaults to "button": a button inside a form must not submit it unless asked to. */
export function Button({ appearance = 'default', spacing = 'default', type = 'button', className, children, ...rest }: ButtonProps) {
  const classes = ['button', `button--${appearance}`, spacing === 'compact' && 'button--compact', className].filter(Boolean).join(' ');
  return (
    <button type={type} className={classes} {...rest}>
      {children}
    </button>
  );
}

/** The colour a priority model gives a priority, beside its name; decorative, the name carries the meaning. */
export function Swatch({ colour }: { colour?: string }) {
  if (!colour) return null;
  return <span className="swatch" style={{ background: colour }} aria-hidden="true" />;
}

/** A field's errors right under it, each announced, with the path it concerns (the resolver's or the bundle's). */
export function FieldErrorList({ path, messages }: { path: string; messages: readonly string[] }) {
  return (
    <>
      {messages.map((message, i) => (
        <div key={`${path}:${i}`} className="field-error" role="alert" data-error-path={path}>
          {message}
        </div>
      ))}
    </>
  );
}

/** One labelled value of a `<dl className="facts">`; `wide` ones take a line of their own in an inline list. */
export function Fact({ label, children, wide, className }: { label: string; children: ReactNode; wide?: boolean; className?: string }) {
  return (
    <div className={`fact${wide ? ' fact--wide' : ''}`}>
      <dt>{label}</dt>
      <dd className={className}>{children}</dd>
    </div>
  );
}
