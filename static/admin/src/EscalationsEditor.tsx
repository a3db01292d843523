// The escalations of an agreement as forms (spec §1, §3): per escalation its goal, one threshold (a share of the
// target, business time before the deadline, or after it), who is told and an optional comment; below them a preview
// on sample cycles of the agreement's own targets, so the admin sees when each one fires before saving.
import type { Agreement, Escalation, EscalationWhen, NotifyTarget } from '../../../src/engine/types';
import { Button } from '../../shared/components';
import { IconButton, MoveButtons, SelectField, TextField, type Option } from './controls';
import { DurationField } from './DurationField';
import type { Edit } from './editing';
import { FieldErrors, useIssues } from './errors';
import { previewEscalations, previewSentence } from './escalation-preview';
import { businessDurationInWords } from '../../../src/engine/wording';
import { parseDuration } from '../../../src/engine/duration';
import { move, uniqueId, type ConfigBundle } from './model';
import { at } from './paths';

type ThresholdKind = 'elapsedPercent' | 'remaining' | 'overdue';
type NotifyKind = 'assignee' | 'watchers' | 'group' | 'user';

const THRESHOLD_KINDS: Option[] = [
  { value: 'elapsedPercent', label: 'Share of the target used (%)' },
  { value: 'remaining', label: 'Business time left' },
  { value: 'overdue', label: 'Business time overdue' },
];

/** What a new threshold of each kind starts as: a sensible value the admin adjusts, never an invalid blank. */
const FIRST_VALUE: Record<ThresholdKind, EscalationWhen> = {
  elapsedPercent: { elapsedPercent: 75 },
  remaining: { remaining: 'PT30M' },
  overdue: { overdue: 'PT0S' },
};

const NOTIFY_KINDS: Option[] = [
  { value: 'assignee', label: 'The assignee' },
  { value: 'watchers', label: 'The watchers' },
  { value: 'group', label: 'A Jira group' },
  { value: 'user', label: 'A Jira user (account id)' },
];

const COMMENT_KINDS: Option[] = [
  { value: 'internal', label: 'Internal comment' },
  { value: 'public', label: 'Public comment (the customer sees it)' },
];

const kindOf = (when: EscalationWhen): ThresholdKind => (Object.keys(when)[0] as ThresholdKind | undefined) ?? 'elapsedPercent';

function notifyKindOf(target: string): NotifyKind {
  if (target === 'assignee' || target === 'watchers') return target;
  return target.startsWith('user:') ? 'user' : 'group';
}

const notifyName = (target: string): string => target.replace(/^(group|user):/, '');

function notifyTarget(kind: NotifyKind, name: string): NotifyTarget {
  return kind === 'assignee' || kind === 'watchers' ? kind : `${kind}:${name}`;
}

/** `1 hour of business time before the deadline`; the grammar while the text is not a duration yet. */
function thresholdHint(kind: 'remaining' | 'overdue', text: string): string {
  const ms = parseDuration(text.trim());
  if (ms === undefined) return 'Business time: 10m, 2h, 1h30m or ISO-8601 (PT10M)';
  if (ms < 1000) return 'at the deadline itself';
  return `${businessDurationInWords(ms)} of business time ${kind === 'remaining' ? 'before' : 'after'} the deadline`;
}

/** A percentage as typed: a number when it reads as one, else the text, so the validator names the field. */
function percentValue(text: string): number {
  const n = Number(text);
  return (text.trim() !== '' && Number.isFinite(n) ? n : text) as number;
}

/** Escalations are optional in a bundle (absent = none), so an agreement read from an older bundle may lack them. */
export function escalationsOf(agreement: Agreement): Escalation[] {
  return (agreement as Partial<Agreement>).escalations ?? [];
}

function newEscalation(agreement: Agreement): Escalation {
  const goal = agreement.targets[0]?.goal ?? '';
  const taken = escalationsOf(agreement).map((e) => e.id);
  return { id: uniqueId(goal ? `${goal}-75` : 'escalation', taken), goal, when: { elapsedPercent: 75 }, notify: ['assignee'] };
}

interface Props {
  bundle: ConfigBundle;
  edit: Edit;
  agreementIndex: number;
}

export function EscalationsEditor({ bundle, edit, agreementIndex }: Props) {
  const agreement = bundle.agreements[agreementIndex]!;
  const escalations = escalationsOf(agreement);
  const path = at(at('agreements', agreementIndex), 'escalations');
  const change = (e: number, fn: (x: Escalation) => void) => edit((d) => fn(escalationsOf(d.agreements[agreementIndex]!)[e]!));
  // Only goals the agreement measures can escalate; one it no longer measures stays visible, flagged as unknown.
  const measured = [...new Set(agreement.targets.map((r) => r.goal))];
  const goalOptions = bundle.goals.filter((g) => measured.includes(g.id)).map((g) => ({ value: g.id, label: `${g.name || g.id}${g.internal ? ' (internal)' : ''}` }));
  const model = bundle.priorityModels.find((m) => m.id === agreement.priorityModel);
  const samples = previewEscalations(agreement, escalations, model);
  const goalName = (id: string): string => bundle.goals.find((g) => g.id === id)?.name || id;
  return (
    <fieldset className="field escalations" data-path={path} data-testid={`escalations-${agreementIndex}`}>
      <legend className="field-label">Escalations (who is told, and when, before or after a deadline)</legend>
      {escalations.length === 0 && <p className="hint">No escalations: nobody is told before a promise is broken.</p>}
      {escalations.map((escalation, e) => (
        <EscalationForm
          key={e}
          escalation={escalation}
          index={e}
          count={escalations.length}
          path={at(path, e)}
          goalOptions={goalOptions}
          change={(fn) => change(e, fn)}
          onMove={(by) => edit((d) => move(escalationsOf(d.agreements[agreementIndex]!), e, by))}
          onRemove={() => edit((d) => void escalationsOf(d.agreements[agreementIndex]!).splice(e, 1))}
        />
      ))}
      <Button
        appearance="link"
        disabled={agreement.targets.length === 0}
        onClick={() =>
          edit((d) => {
            const a = d.agreements[agreementIndex]!;
            (a.escalations ??= []).push(newEscalation(a));
          })
        }
      >
        + Add escalation
      </Button>
      {agreement.targets.length === 0 && <p className="hint">Add a target row first: an escalation belongs to a goal the agreement measures.</p>}
      {samples.length > 0 && (
        <div className="escalation-preview" data-testid={`escalation-preview-${agreementIndex}`}>
          <h4>On a sample cycle</h4>
          <ul>
            {samples.map((s) => (
              <li key={`${s.goal}-${s.targetMs}`}>
                <strong>{goalName(s.goal)}</strong>: {previewSentence(s)}
                {s.unreadable.length > 0 && <span className="hint"> Not placed until their threshold is valid: {s.unreadable.join(', ')}.</span>}
              </li>
            ))}
          </ul>
          <p className="hint">Elapsed business time of the cycle, in the calendar that measures it; pauses do not count.</p>
        </div>
      )}
      <FieldErrors path={path} />
    </fieldset>
  );
}

interface FormProps {
  escalation: Escalation;
  index: number;
  count: number;
  path: string;
  goalOptions: Option[];
  change: (fn: (x: Escalation) => void) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}

function EscalationForm({ escalation, index, count, path, goalOptions, change, onMove, onRemove }: FormProps) {
  const name = `escalation ${index + 1}`;
  const kind = kindOf(escalation.when);
  const whenPath = at(at(path, 'when'), kind);
  const value = String((escalation.when as Record<string, unknown>)[kind] ?? '');
  return (
    <div className="escalation" data-path={path} data-testid={`escalation-${index}`}>
      <div className="escalation-header">
        <span className="order">{index + 1}</span>
        <MoveButtons noun="escalation" index={index} count={count} onMove={onMove} />
        <IconButton label={`Remove ${name}`} onClick={onRemove}>
          ×
        </IconButton>
      </div>
      <FieldErrors path={path} />
      <div className="grid">
        <TextField label={`Id of ${name}`} path={at(path, 'id')} value={escalation.id} onChange={(v) => change((x) => void (x.id = v))} />
        <SelectField label={`Goal of ${name}`} path={at(path, 'goal')} value={escalation.goal} options={goalOptions} onChange={(v) => change((x) => void (x.goal = v))} />
        <SelectField
          label={`Threshold of ${name}`}
          path={at(path, 'when')}
          value={kind}
          options={THRESHOLD_KINDS}
          onChange={(v) => change((x) => void (x.when = { ...FIRST_VALUE[v as ThresholdKind] }))}
        />
        {kind === 'elapsedPercent' ? (
          <TextField
            label={`Percent of ${name}`}
            type="number"
            path={whenPath}
            value={value}
            hint="More than 0, at most 100; rounded down to a whole second of the target"
            onChange={(v) => change((x) => void (x.when = { elapsedPercent: percentValue(v) }))}
          />
        ) : (
          <DurationField
            label={kind === 'remaining' ? `Time left of ${name}` : `Time overdue of ${name}`}
            path={whenPath}
            value={value}
            placeholder={kind === 'remaining' ? '30m' : '0m'}
            hint={thresholdHint(kind, value)}
            onChange={(v) => change((x) => void (x.when = kind === 'remaining' ? { remaining: v } : { overdue: v }))}
          />
        )}
      </div>
      <NotifyList escalation={escalation} name={name} path={at(path, 'notify')} change={change} />
      <CommentFields escalation={escalation} name={name} path={at(path, 'comment')} change={change} />
    </div>
  );
}

function NotifyList({ escalation, name, path, change }: { escalation: Escalation; name: string; path: string; change: FormProps['change'] }) {
  const set = (k: number, target: NotifyTarget) => change((x) => void (x.notify[k] = target));
  return (
    <fieldset className="field notify-list" data-path={path}>
      <legend className="field-label">Who is told (never the customer)</legend>
      {escalation.notify.length === 0 && <span className="hint">Nobody: only the comment below is added.</span>}
      {escalation.notify.map((target, k) => {
        const kind = notifyKindOf(target);
        const own = at(path, k);
        return (
          <div key={k} className="row notify-item">
            <SelectField compact label={`Who ${k + 1} of ${name}`} path={own} value={kind} options={NOTIFY_KINDS} onChange={(v) => set(k, notifyTarget(v as NotifyKind, notifyName(target)))} />
            {(kind === 'group' || kind === 'user') && (
              <TextField
                compact
                label={kind === 'group' ? `Group name ${k + 1} of ${name}` : `Account id ${k + 1} of ${name}`}
                path={`${own}.name`}
                value={notifyName(target)}
                placeholder={kind === 'group' ? 'service-managers' : '5b10a2844c20165700ede21g'}
                onChange={(v) => set(k, notifyTarget(kind, v))}
              />
            )}
            <IconButton label={`Remove who ${k + 1} of ${name}`} onClick={() => change((x) => void x.notify.splice(k, 1))}>
              ×
            </IconButton>
          </div>
        );
      })}
      <Button appearance="link" onClick={() => change((x) => void x.notify.push('assignee'))}>
        + Add who is told
      </Button>
      <FieldErrors path={path} />
    </fieldset>
  );
}

function CommentFields({ escalation, name, path, change }: { escalation: Escalation; name: string; path: string; change: FormProps['change'] }) {
  const comment = escalation.comment;
  const textPath = at(path, 'text');
  const invalid = useIssues(textPath).length > 0;
  return (
    <div className="grid">
      <SelectField
        label={`Comment of ${name}`}
        path={at(path, 'visibility')}
        value={comment?.visibility ?? ''}
        emptyLabel="No comment"
        options={COMMENT_KINDS}
        onChange={(v) =>
          change((x) => {
            if (v === '') delete x.comment;
            else x.comment = { visibility: v as 'internal' | 'public', text: x.comment?.text ?? '' };
          })
        }
      />
      {comment && (
        <div className="field">
          <label>
            <span className="field-label">{`Comment text of ${name}`}</span>
            <textarea rows={2} value={comment.text} data-path={textPath} aria-invalid={invalid || undefined} onChange={(e) => change((x) => void (x.comment = { ...comment, text: e.target.value }))} />
          </label>
          <FieldErrors path={textPath} />
        </div>
      )}
    </div>
  );
}
