// Small form controls shared by every editor. Each input carries data-path (the JSON path it edits) so the error
// summary can take the admin to it, and shows its own errors right below it.
import { useEffect, useId, useState, type ButtonHTMLAttributes, type ReactNode } from 'react';
import { Button } from '../../shared/components';
import { FieldErrors, useIssues } from './errors';
import { at } from './paths';
import { listInWords } from './usage';

interface TextFieldProps {
  label: string;
  path: string;
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  hint?: ReactNode;
  /** Suggestions offered while typing; free text stays allowed. */
  suggestions?: readonly string[];
  type?: 'text' | 'date' | 'number';
  testId?: string;
  className?: string;
  /** Hide the visible label (the input keeps it as its accessible name), for dense tables. */
  compact?: boolean;
  /** Shown but not changed here (the hint says why). */
  readOnly?: boolean;
}

export function TextField({ label, path, value, onChange, placeholder, hint, suggestions, type = 'text', testId, className, compact, readOnly }: TextFieldProps) {
  const listId = useId();
  const invalid = useIssues(path).length > 0;
  return (
    <div className={`field ${className ?? ''}`}>
      <label>
        <span className={compact ? 'visually-hidden' : 'field-label'}>{label}</span>
        <input
          type={type}
          value={value}
          placeholder={placeholder}
          onChange={(e) => onChange(e.target.value)}
          data-path={path}
          data-testid={testId}
          readOnly={readOnly}
          aria-invalid={invalid || undefined}
          list={suggestions && suggestions.length > 0 ? listId : undefined}
        />
      </label>
      {suggestions && suggestions.length > 0 && (
        <datalist id={listId}>
          {[...new Set(suggestions)].map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
      )}
      {hint && <div className="hint">{hint}</div>}
      <FieldErrors path={path} />
    </div>
  );
}

export interface Option {
  value: string;
  label: string;
}

interface SelectFieldProps {
  label: string;
  path: string;
  value: string;
  options: readonly Option[];
  onChange: (value: string) => void;
  /** Label of the empty choice; without it there is none. */
  emptyLabel?: string;
  hint?: ReactNode;
  compact?: boolean;
}

export function SelectField({ label, path, value, options, onChange, emptyLabel, hint, compact }: SelectFieldProps) {
  const invalid = useIssues(path).length > 0;
  // A reference to something that no longer exists stays visible (and is flagged by the validator).
  const unknown = value !== '' && !options.some((o) => o.value === value);
  return (
    <div className="field">
      <label>
        <span className={compact ? 'visually-hidden' : 'field-label'}>{label}</span>
        <select value={value} onChange={(e) => onChange(e.target.value)} data-path={path} aria-invalid={invalid || undefined}>
          {(emptyLabel !== undefined || value === '') && <option value="">{emptyLabel ?? '— choose —'}</option>}
          {unknown && <option value={value}>{value} (unknown)</option>}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </label>
      {hint && <div className="hint">{hint}</div>}
      <FieldErrors path={path} />
    </div>
  );
}

export function CheckboxField({ label, path, checked, onChange, hint }: { label: string; path: string; checked: boolean; onChange: (checked: boolean) => void; hint?: ReactNode }) {
  return (
    <div className="field">
      <label className="checkbox">
        <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} data-path={path} />
        <span>{label}</span>
      </label>
      {hint && <div className="hint">{hint}</div>}
      <FieldErrors path={path} />
    </div>
  );
}

interface CheckboxGroupProps {
  legend: string;
  path: string;
  options: readonly Option[];
  selected: readonly string[];
  onChange: (selected: string[]) => void;
  /** What nothing ticked means, e.g. "any priority". */
  noneMeans?: string;
  compact?: boolean;
}

/** A multi-select as checkboxes, keeping the order of the options; unknown selected values stay visible. */
export function CheckboxGroup({ legend, path, options, selected, onChange, noneMeans, compact }: CheckboxGroupProps) {
  const unknown = selected.filter((s) => !options.some((o) => o.value === s)).map((s) => ({ value: s, label: `${s} (unknown)` }));
  const all = [...options, ...unknown];
  const toggle = (value: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(value);
    else next.delete(value);
    onChange(all.map((o) => o.value).filter((v) => next.has(v)));
  };
  return (
    <fieldset className={`field checkbox-group ${compact ? 'compact' : ''}`} data-path={path}>
      <legend className={compact ? 'visually-hidden' : 'field-label'}>{legend}</legend>
      {all.length === 0 && <span className="hint">Nothing to choose from yet.</span>}
      {all.map((o) => (
        <label key={o.value} className="checkbox">
          <input type="checkbox" checked={selected.includes(o.value)} onChange={(e) => toggle(o.value, e.target.checked)} />
          <span>{o.label}</span>
        </label>
      ))}
      {noneMeans && selected.length === 0 && all.length > 0 && <span className="hint">None ticked: {noneMeans}.</span>}
      <FieldErrors path={path} under />
    </fieldset>
  );
}

interface StringListProps {
  label: string;
  /** Singular noun for buttons: "Add status". */
  noun: string;
  path: string;
  values: readonly string[];
  onChange: (values: string[]) => void;
  suggestions?: readonly string[];
  /** What an empty list means, e.g. "any status". */
  emptyMeans?: string;
  compact?: boolean;
}

/** A list of free-text values (status names, request types), one input each. */
export function StringListEditor({ label, noun, path, values, onChange, suggestions, emptyMeans, compact }: StringListProps) {
  const listId = useId();
  const [added, setAdded] = useState(-1);
  const set = (i: number, value: string) => onChange(values.map((v, k) => (k === i ? value : v)));
  return (
    <fieldset className={`field string-list ${compact ? 'compact' : ''}`} data-path={path}>
      <legend className={compact ? 'visually-hidden' : 'field-label'}>{label}</legend>
      {values.length === 0 && emptyMeans && <span className="hint">{emptyMeans}</span>}
      {values.map((value, i) => (
        <div key={i} className="string-item">
          <div className="row">
            <input
              value={value}
              aria-label={`${label} ${i + 1}`}
              data-path={at(path, i)}
              onChange={(e) => set(i, e.target.value)}
              list={suggestions && suggestions.length > 0 ? listId : undefined}
              autoFocus={i === added}
            />
            <IconButton label={`Remove ${noun} ${i + 1}`} onClick={() => onChange(values.filter((_, k) => k !== i))}>
              ×
            </IconButton>
          </div>
          <FieldErrors path={at(path, i)} under />
        </div>
      ))}
      {suggestions && suggestions.length > 0 && (
        <datalist id={listId}>
          {[...new Set(suggestions)].map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
      )}
      <Button
        appearance="link"
        onClick={() => {
          setAdded(values.length);
          onChange([...values, '']);
        }}
      >
        + Add {noun}
      </Button>
      <FieldErrors path={path} />
    </fieldset>
  );
}

/** A one-character button (×, ↑): its label is its accessible name and its tooltip. */
export function IconButton({ label, children, ...rest }: { label: string } & ButtonHTMLAttributes<HTMLButtonElement>) {
  return (
    <Button appearance="subtle" spacing="compact" aria-label={label} title={label} {...rest}>
      {children}
    </Button>
  );
}

/** Up/down buttons for lists whose order means something (priorities, target rows: the first match wins). */
export function MoveButtons({ noun, index, count, onMove }: { noun: string; index: number; count: number; onMove: (by: -1 | 1) => void }) {
  return (
    <span className="move-buttons">
      <IconButton label={`Move ${noun} ${index + 1} up`} disabled={index === 0} onClick={() => onMove(-1)}>
        ↑
      </IconButton>
      <IconButton label={`Move ${noun} ${index + 1} down`} disabled={index === count - 1} onClick={() => onMove(1)}>
        ↓
      </IconButton>
    </span>
  );
}

interface DeleteProps {
  /** What is deleted, for the button and the explanation: `Calendar “Office”`. */
  what: string;
  /** Where it is still used; non-empty refuses the deletion. */
  usedBy: readonly string[];
  onDelete: () => void;
  label?: string;
}

/** Deletes, unless the entry is still referenced: then it explains where, since the bundle would be invalid. */
export function DeleteButton({ what, usedBy, onDelete, label = 'Delete' }: DeleteProps) {
  const [refusal, setRefusal] = useState<string | null>(null);
  const stillUsed = usedBy.length > 0;
  useEffect(() => {
    if (!stillUsed) setRefusal(null);
  }, [stillUsed]);
  return (
    <span className="delete">
      <Button
        appearance="danger"
        aria-label={`${label} ${what}`}
        onClick={() => {
          if (stillUsed) setRefusal(`${what} cannot be deleted: it is used by ${listInWords([...usedBy])}. Change ${usedBy.length === 1 ? 'that' : 'those'} first.`);
          else onDelete();
        }}
      >
        {label}
      </Button>
      {refusal && (
        <span className="refusal" role="status" data-testid="delete-refused">
          {refusal}
        </span>
      )}
    </span>
  );
}

/** One entry of a section (a calendar, a goal…) with its title and actions. */
export function Card({ title, actions, children, path }: { title: ReactNode; actions?: ReactNode; children: ReactNode; path: string }) {
  return (
    <section className="card" data-path={path}>
      <header className="card-header">
        <h3>{title}</h3>
        <div className="card-actions">{actions}</div>
      </header>
      {/* Problems with the entry as a whole, such as a calendar that is never open. */}
      <FieldErrors path={path} />
      {children}
    </section>
  );
}

export function SectionIntro({ children, onAdd, addLabel }: { children: ReactNode; onAdd: () => void; addLabel: string }) {
  return (
    <div className="section-intro">
      <p>{children}</p>
      <Button appearance="primary" onClick={onAdd}>
        {addLabel}
      </Button>
    </div>
  );
}
