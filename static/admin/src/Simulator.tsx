// Replays a made-up request against the configuration on screen (saved or not) and shows what the engine
// would report at an instant: every obligation and the next goal. Nothing is stored.
import { useState } from 'react';
import { ApiError, call } from '../../shared/api';
import { Button, SectionMessage } from '../../shared/components';
import { messagesOf } from '../../shared/problem';
import { knownStatuses } from './ActionEditor';
import { SelectField, TextField } from './controls';
import { FieldErrors, IssuesProvider, type FieldIssue } from './errors';
import { nowInstant } from './format';
import { useLookups } from './lookups';
import type { ConfigBundle } from './model';
import { ObligationsTable, type EvaluationJson } from './ObligationsTable';
import { withoutPrefix } from './paths';
import { routeBundleErrors } from './places';
import { emptyTimeline, fromTimelineJson, issueForAgreement, toTimelineJson, type TimelineDraft } from './timeline';
import { TimelineEditor } from './TimelineEditor';

interface Props {
  bundle: ConfigBundle;
  /** Problems in the configuration itself go to the page's summary and fields. */
  onBundleIssues: (issues: FieldIssue[]) => void;
}

/** Moves the whole timeline so the request is created on `created` (keeping the gaps between events). */
function shiftTo(timeline: TimelineDraft, created: string): TimelineDraft {
  const delta = Date.parse(created) - Date.parse(timeline.issue.created);
  if (Number.isNaN(delta)) return { ...timeline, issue: { ...timeline.issue, created } };
  const shift = (iso: string) => {
    const ms = Date.parse(iso);
    return Number.isNaN(ms) ? iso : new Date(ms + delta).toISOString().replace('.000Z', 'Z');
  };
  return { issue: { ...timeline.issue, created }, events: timeline.events.map((e) => ({ ...e, at: shift(e.at) })) };
}

export function Simulator({ bundle, onBundleIssues }: Props) {
  const { requestTypes, statuses } = useLookups();
  const [agreementId, setAgreementId] = useState('');
  const [timeline, setTimeline] = useState<TimelineDraft>(() => emptyTimeline());
  const [mode, setMode] = useState<'form' | 'json'>('form');
  const [json, setJson] = useState('');
  const [evaluateAt, setEvaluateAt] = useState(() => nowInstant());
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [messages, setMessages] = useState<string[]>([]);
  const [result, setResult] = useState<EvaluationJson | null>(null);
  const [running, setRunning] = useState(false);

  const typeNames = requestTypes.items.map((t) => t.name);
  const agreement = bundle.agreements.find((a) => a.id === agreementId);
  const modelId = agreement?.priorityModel;
  const priorities = bundle.priorityModels
    .filter((m) => modelId === undefined || m.id === modelId)
    .flatMap((m) => m.priorities.map((p) => ({ value: p.id, label: p.name ? `${p.name} (${p.id})` : p.id })));

  const pickAgreement = (id: string) => {
    setAgreementId(id);
    const picked = bundle.agreements.find((a) => a.id === id);
    if (!picked) return;
    let next: TimelineDraft = { ...timeline, issue: issueForAgreement(bundle, id, typeNames, timeline.issue) };
    // A request created outside the agreement's validity would match no agreement at all.
    const created = next.issue.created.slice(0, 10);
    if (created < picked.validFrom || (picked.validTo !== null && created >= picked.validTo)) next = shiftTo(next, `${picked.validFrom}T09:00:00Z`);
    setTimeline(next);
  };

  const switchMode = (to: 'form' | 'json') => {
    if (to === mode) return;
    if (to === 'json') {
      setJson(JSON.stringify(toTimelineJson(timeline), null, 2));
      setMode('json');
      setIssues([]);
      return;
    }
    try {
      const parsed = fromTimelineJson(JSON.parse(json));
      if (!parsed) throw new Error('expected an object with "issue" and "events"');
      setTimeline(parsed);
      setMode('form');
      setIssues([]);
    } catch (error) {
      setIssues([{ path: 'timeline', message: `The JSON cannot be shown as a form: ${(error as Error).message}` }]);
    }
  };

  const run = async () => {
    setMessages([]);
    setIssues([]);
    let payloadTimeline: unknown;
    if (mode === 'json') {
      try {
        payloadTimeline = JSON.parse(json);
      } catch (error) {
        setIssues([{ path: 'timeline', message: `not valid JSON: ${(error as Error).message}` }]);
        return;
      }
    } else {
      payloadTimeline = toTimelineJson(timeline);
    }
    setRunning(true);
    try {
      setResult(await call('admin/simulate', { bundle, timeline: payloadTimeline, at: evaluateAt }));
    } catch (error) {
      setResult(null);
      if (!(error instanceof ApiError)) {
        setMessages(messagesOf(error));
        return;
      }
      const { issues: inBundle, rest } = routeBundleErrors(error.errors);
      const own: FieldIssue[] = [];
      const other: string[] = [];
      for (const item of rest) {
        if (item.path?.startsWith('timeline')) own.push({ path: item.path, message: item.message });
        else if (withoutPrefix(item.path, 'payload') === 'at') own.push({ path: 'at', message: item.message });
        else other.push(item.path ? `${item.path}: ${item.message}` : item.message);
      }
      if (inBundle.length > 0) {
        onBundleIssues(inBundle);
        other.unshift('The configuration has problems (listed at the top); fix them to simulate.');
      }
      setIssues(own);
      setMessages(other);
    } finally {
      setRunning(false);
    }
  };

  return (
    <IssuesProvider value={issues}>
      <div className="simulator">
        <p>
          Replay a request against the configuration as edited here, saved or not, and see what Contract SLA would
          report at an instant. Nothing is stored.
        </p>
        <div className="grid">
          <SelectField
            label="Agreement"
            path="simulator.agreement"
            value={agreementId}
            emptyLabel="— pick one to fill in the request —"
            options={bundle.agreements.map((a) => ({ value: a.id, label: a.name ? `${a.name} (${a.id})` : a.id }))}
            onChange={pickAgreement}
          />
          <TextField label="Evaluate at" path="at" value={evaluateAt} placeholder="2026-11-23T15:00:00+01:00" onChange={setEvaluateAt} hint="An instant with an offset" />
          <div className="field">
            <span className="field-label">&nbsp;</span>
            <Button appearance="link" onClick={() => setEvaluateAt(nowInstant())}>
              Now
            </Button>
          </div>
        </div>
        <div className="row" role="group" aria-label="Timeline input">
          <Button appearance={mode === 'form' ? 'default' : 'link'} aria-pressed={mode === 'form'} onClick={() => switchMode('form')}>
            Events form
          </Button>
          <Button appearance={mode === 'json' ? 'default' : 'link'} aria-pressed={mode === 'json'} onClick={() => switchMode('json')}>
            Timeline JSON
          </Button>
        </div>
        {mode === 'form' ? (
          <>
            <TimelineEditor timeline={timeline} onChange={setTimeline} requestTypes={typeNames} priorities={priorities} statuses={knownStatuses(bundle, statuses.items)} />
            <FieldErrors path="timeline" />
          </>
        ) : (
          <div className="field">
            <label>
              <span className="field-label">Timeline JSON (as in the spec: {'{ "issue": …, "events": [ … ] }'})</span>
              <textarea className="json" rows={16} value={json} onChange={(e) => setJson(e.target.value)} data-path="timeline" spellCheck={false} />
            </label>
            <FieldErrors path="timeline" under />
          </div>
        )}
        {issues.length > 0 && (
          <ul className="simulator-issues" aria-label="Problems in the simulation input">
            {issues.map((issue, i) => (
              <li key={i}>
                <strong>{issue.path}</strong>: {issue.message}
              </li>
            ))}
          </ul>
        )}
        <div className="row">
          <Button appearance="primary" onClick={() => void run()} disabled={running} data-testid="simulate">
            {running ? 'Simulating…' : 'Simulate'}
          </Button>
        </div>
        {messages.length > 0 && (
          <SectionMessage appearance="error" announce="politely">
            {messages.map((m, i) => (
              <p key={i}>{m}</p>
            ))}
          </SectionMessage>
        )}
        {result && <ObligationsTable evaluation={result} bundle={bundle} />}
      </div>
    </IssuesProvider>
  );
}
