// Small presentational pieces shared by the surfaces, styled in shared/ui.css with Atlassian design tokens so they
// look like Jira's own lozenges, badges and section messages in light and dark mode.
import type { ReactNode } from 'react';
import { messagesOf } from './problem';

/** Atlaskit's lozenge appearances: what a state means, not which colour it is. */
export type LozengeAppearance = 'default' | 'success' | 'removed' | 'inprogress' | 'moved' | 'new';

export function Lozenge({ appearance, children }: { appearance: LozengeAppearance; children: ReactNode }) {
  return <span className={`lozenge lozenge--${appearance}`}>{children}</span>;
}

export function Badge({ children, title }: { children: ReactNode; title?: string }) {
  return (
    <span className="badge" title={title}>
      {children}
    </span>
  );
}

export type MessageAppearance = 'information' | 'warning' | 'error' | 'success';

/** A section message: errors are announced at once (alert), the rest politely (status). */
export function SectionMessage({ appearance, title, children }: { appearance: MessageAppearance; title: string; children?: ReactNode }) {
  return (
    <div className={`section-message section-message--${appearance}`} role={appearance === 'error' ? 'alert' : 'status'}>
      <p className="section-message__title">{title}</p>
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

export function Button({ children, onClick, disabled, appearance = 'default' }: { children: ReactNode; onClick: () => void; disabled?: boolean; appearance?: 'default' | 'subtle' }) {
  return (
    <button type="button" className={`button button--${appearance}`} onClick={onClick} disabled={disabled}>
      {children}
    </button>
  );
}

/** The colour a priority model gives a priority, beside its name; decorative, the name carries the meaning. */
export function Swatch({ colour }: { colour?: string }) {
  if (!colour) return null;
  return <span className="swatch" style={{ background: colour }} aria-hidden="true" />;
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
