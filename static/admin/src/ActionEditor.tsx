// An action: a named kind of event on a request ("Agent replied to customer") that goals start, stop, pause,
// resume or cancel on. The matcher's filters depend on the event type; an absent filter matches anything.
import type { Action, ActionMatcher } from '../../../src/engine/types';
import { Card, DeleteButton, SectionIntro, SelectField, StringListEditor, TextField } from './controls';
import type { SectionProps } from './editing';
import { FieldErrors } from './errors';
import { labelOf, matcherFor, newAction, renameEntity, setOptionalList, type ConfigBundle } from './model';
import { useLookups } from './lookups';
import { at } from './paths';
import { actionUsage } from './usage';

const EVENTS: Array<{ value: ActionMatcher['event']; label: string }> = [
  { value: 'created', label: 'Request created' },
  { value: 'status', label: 'Status changed' },
  { value: 'comment', label: 'Comment added' },
  { value: 'resolution', label: 'Resolution set or cleared' },
  { value: 'priority', label: 'Priority changed' },
  { value: 'field', label: 'Field changed' },
];

/** Status names the bundle already mentions, offered while typing (Jira's own list is not available here). */
/** Status names to suggest: the site's own statuses, and those the bundle already names. */
export function knownStatuses(bundle: ConfigBundle, site: Array<{ name: string }> = []): string[] {
  const names = new Set<string>(site.map((s) => s.name));
  for (const model of bundle.actionModels) model.pauseInStatuses.forEach((s) => names.add(s));
  for (const action of bundle.actions) {
    if (action.when.event !== 'status') continue;
    action.when.from?.forEach((s) => names.add(s));
    action.when.to?.forEach((s) => names.add(s));
  }
  return [...names].filter(Boolean).sort();
}

type MatcherChange = (change: (when: ActionMatcher) => void) => void;

function MatcherFilters({ when, path, change, bundle }: { when: ActionMatcher; path: string; change: MatcherChange; bundle: ConfigBundle }) {
  const siteStatuses = useLookups().statuses.items;
  switch (when.event) {
    case 'created':
      return <p className="hint">Matches the creation of every request.</p>;
    case 'status': {
      const statuses = knownStatuses(bundle, siteStatuses);
      return (
        <div className="grid">
          <StringListEditor
            label="From statuses"
            noun="status"
            path={at(path, 'from')}
            values={when.from ?? []}
            suggestions={statuses}
            emptyMeans="Any status."
            onChange={(v) => change((w) => w.event === 'status' && setOptionalList(w, 'from', v))}
          />
          <StringListEditor
            label="To statuses"
            noun="status"
            path={at(path, 'to')}
            values={when.to ?? []}
            suggestions={statuses}
            emptyMeans="Any status."
            onChange={(v) => change((w) => w.event === 'status' && setOptionalList(w, 'to', v))}
          />
          <SelectField
            label="Or: to a status in category"
            path={at(path, 'toCategory')}
            value={when.toCategory ?? ''}
            emptyLabel="Any category"
            options={[
              { value: 'new', label: 'To do (new)' },
              { value: 'indeterminate', label: 'In progress (indeterminate)' },
              { value: 'done', label: 'Done' },
            ]}
            onChange={(v) =>
              change((w) => {
                if (w.event !== 'status') return;
                if (v === '') delete w.toCategory;
                else w.toCategory = v as 'new' | 'indeterminate' | 'done';
              })
            }
          />
        </div>
      );
    }
    case 'comment':
      return (
        <div className="grid">
          <SelectField
            label="Visibility"
            path={at(path, 'visibility')}
            value={when.visibility ?? ''}
            emptyLabel="Any comment"
            options={[
              { value: 'public', label: 'Public (reply to customer)' },
              { value: 'internal', label: 'Internal note' },
            ]}
            onChange={(v) =>
              change((w) => {
                if (w.event !== 'comment') return;
                if (v === '') delete w.visibility;
                else w.visibility = v as 'public' | 'internal';
              })
            }
          />
          <SelectField
            label="Author"
            path={at(path, 'author')}
            value={when.author ?? ''}
            emptyLabel="Anyone"
            options={[
              { value: 'agent', label: 'An agent' },
              { value: 'customer', label: 'The customer' },
            ]}
            onChange={(v) =>
              change((w) => {
                if (w.event !== 'comment') return;
                if (v === '') delete w.author;
                else w.author = v as 'agent' | 'customer';
              })
            }
          />
        </div>
      );
    case 'resolution':
      return (
        <SelectField
          label="When the resolution is"
          path={at(path, 'set')}
          value={when.set === undefined ? '' : String(when.set)}
          emptyLabel="Set or cleared"
          options={[
            { value: 'true', label: 'Set (request resolved)' },
            { value: 'false', label: 'Cleared (request reopened)' },
          ]}
          onChange={(v) =>
            change((w) => {
              if (w.event !== 'resolution') return;
              if (v === '') delete w.set;
              else w.set = v === 'true';
            })
          }
        />
      );
    case 'priority':
      return (
        <StringListEditor
          label="To priorities (ids)"
          noun="priority"
          path={at(path, 'to')}
          values={when.to ?? []}
          suggestions={bundle.priorityModels.flatMap((m) => m.priorities.map((p) => p.id))}
          emptyMeans="Any priority change."
          onChange={(v) => change((w) => w.event === 'priority' && setOptionalList(w, 'to', v))}
        />
      );
    case 'field':
      return (
        <div className="grid">
          <TextField label="Field" path={at(path, 'field')} value={when.field} placeholder="customfield_10010 or a field name" onChange={(v) => change((w) => w.event === 'field' && (w.field = v))} />
          <StringListEditor
            label="To values"
            noun="value"
            path={at(path, 'to')}
            values={when.to ?? []}
            emptyMeans="Any new value."
            onChange={(v) => change((w) => w.event === 'field' && setOptionalList(w, 'to', v))}
          />
        </div>
      );
  }
}

export function ActionEditor({ bundle, edit, index }: SectionProps & { index: number }) {
  const action: Action = bundle.actions[index]!;
  const path = at('actions', index);
  const whenPath = at(path, 'when');
  const change: MatcherChange = (fn) => edit((d) => fn(d.actions[index]!.when));
  return (
    <Card
      path={path}
      title={action.name || action.id || 'Unnamed action'}
      actions={<DeleteButton what={`Action ${labelOf(action)}`} usedBy={actionUsage(bundle, action.id)} onDelete={() => edit((d) => void d.actions.splice(index, 1))} />}
    >
      <div className="grid">
        <TextField label="Id" path={at(path, 'id')} value={action.id} onChange={(v) => edit((d) => renameEntity(d, 'action', index, v))} />
        <TextField label="Name" path={at(path, 'name')} value={action.name ?? ''} onChange={(v) => edit((d) => void (d.actions[index]!.name = v))} />
        <SelectField
          label="When"
          path={at(whenPath, 'event')}
          value={action.when.event}
          options={EVENTS}
          onChange={(v) => edit((d) => void (d.actions[index]!.when = matcherFor(v as ActionMatcher['event'])))}
        />
      </div>
      <MatcherFilters when={action.when} path={whenPath} change={change} bundle={bundle} />
      <FieldErrors path={whenPath} />
    </Card>
  );
}

export function ActionsSection({ bundle, edit }: SectionProps) {
  return (
    <div>
      <SectionIntro addLabel="Add action" onAdd={() => edit((d) => void d.actions.push(newAction(d)))}>
        Actions name the events on a request that goals react to: a reply to the customer, a status change, a
        resolution. Every action whose filters match an event fires; a filter left empty matches anything.
      </SectionIntro>
      {bundle.actions.length === 0 && <p className="empty">No actions yet.</p>}
      {bundle.actions.map((_, i) => (
        <ActionEditor key={i} bundle={bundle} edit={edit} index={i} />
      ))}
    </div>
  );
}
