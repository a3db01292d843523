// Replays a request — made up, or a real one loaded with its history from Jira — against the configuration on screen
// (saved or not) and shows what the engine would report at an instant: every obligation and the next goal, beside
// what the saved configuration gives when the edits change it. Nothing is stored.
import { useState } from 'react';
import { ApiError, call } from '../../shared/api';
import { Button, SectionMessage } from '../../shared/components';
import { messagesOf } from '../../shared/problem';
import { knownStatuses } from './ActionEditor';
import { SelectField, TextField } from './controls';
import { FieldErrors, IssuesProvider, type FieldIssue } from './errors';
import { nowIn } from './format';
import { useLookups } from './lookups';
import type { ConfigBundle } from './model';
import { ObligationsTable, type EvaluationJson } from './ObligationsTable';
import { withoutPrefix } from './paths';
import { routeBundleErrors } from './places';
import { emptyTimeline, fromTimelineJson, issueForAgreement, toTimelineJson, type TimelineDraft } from './timeline';
import { TimelineEditor } from './TimelineEditor';
import { useZone } from './viewer-zone';

interface Props {
  bundle: ConfigBundle;
  /** Problems in the configuration itself go to the page's summary and fields. */
  onBundleIssues: (issues: FieldIssue[]) => void;
}

const FORM_ISSUE_FIELDS = new Set(['key', 'created', 'requestType', 'customer', 'environment', 'product', 'priority']);
const FORM_EVENT_TYPES = new Set(['created', 'status', 'comment', 'resolution', 'priority', 'field']);

/** Whether the events form can show a timeline without losing anything (it edits the spec's §2 fields only). */
function formHolds(timeline: { issue: Record<string, unknown>; events: Array<Record<string, unknown>> }): boolean {
  return Object.keys(timeline.issue).every((k) => FORM_ISSUE_FIELDS.has(k)) && timeline.events.every((e) => FORM_EVENT_TYPES.has(String(e.type)));
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
  const zone = useZone();
  const [agreementId, setAgreementId] = useState('');
  const [timeline, setTimeline] = useState<TimelineDraft>(() => emptyTimeline(zone));
  const [mode, setMode] = useState<'form' | 'json'>('form');
  const [json, setJson] = useState('');
  const [evaluateAt, setEvaluateAt] = useState(() => nowIn(zone));
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [messages, setMessages] = useState<string[]>([]);
  const [result, setResult] = useState<EvaluationJson | null>(null);
  /** The same timeline with the saved configuration, shown when it differs from the page's. */
  const [savedResult, setSavedResult] = useState<EvaluationJson | null>(null);
  const [running, setRunning] = useState(false);
  const [issueKey, setIssueKey] = useState('');
  const [loaded, setLoaded] = useState<string | null>(null);

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

  const run = async (given?: unknown) => {
    setMessages([]);
    setIssues([]);
    let payloadTimeline: unknown = given;
    if (given !== undefined) {
      // A loaded request: the timeline as Jira has it.
    } else if (mode === 'json') {
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
      // The same timeline with the saved configuration too: what the edits on this page would change.
      const [edited, saved] = await Promise.all([
        call('admin/simulate', { bundle, timeline: payloadTimeline, at: evaluateAt }),
        call('admin/simulate', { timeline: payloadTimeline, at: evaluateAt }).catch(() => null),
      ]);
      setResult(edited);
      setSavedResult(saved);
    } catch (error) {
      setResult(null);
      setSavedResult(null);
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

  const load = async () => {
    setMessages([]);
    setIssues([]);
    setRunning(true);
    let timelineJson: unknown;
    try {
      const answer = await call('admin/request/timeline', { issueKey, bundle });
      timelineJson = answer.timeline;
      setLoaded(answer.issueKey);
      const draft = fromTimelineJson(answer.timeline);
      // The form shows what it can edit; a request with fields it does not know (sites, impact) stays JSON.
      if (draft && formHolds(answer.timeline)) {
        setTimeline(draft);
        setMode('form');
      } else {
        setJson(JSON.stringify(answer.timeline, null, 2));
        setMode('json');
      }
    } catch (error) {
      setRunning(false);
      setLoaded(null);
      if (error instanceof ApiError) setIssues(error.errors.map((e) => ({ path: 'simulator.issueKey', message: e.message })));
      else setMessages(messagesOf(error));
      return;
    }
    setRunning(false);
    await run(timelineJson);
  };

  const sameAsSaved = result !== null && savedResult !== null && JSON.stringify(result) === JSON.stringify(savedResult);

  return (
    <IssuesProvider value={issues}>
      <div className="simulator">
        <p>
          Replay a request against the configuration as edited here, saved or not, and see what Contract SLA would
          report at an instant. Nothing is stored.
        </p>
        <div className="grid">
          <TextField
            label="Replay a request"
            path="simulator.issueKey"
            value={issueKey}
            placeholder="SUP-7"
            onChange={setIssueKey}
            hint={loaded ? `${loaded}'s history as Jira has it: change the configuration or the events and simulate again` : 'Its real history from Jira, to try changes on'}
          />
          <div className="field">
            <span className="field-label">&nbsp;</span>
            <Button onClick={() => void load()} disabled={running || issueKey.trim() === ''} data-testid="load-request">
              Load its history
            </Button>
          </div>
        </div>
        <div className="grid">
          <SelectField
            label="Agreement"
            path="simulator.agreement"
            value={agreementId}
            emptyLabel="— pick one to fill in the request —"
            options={bundle.agreements.map((a) => ({ value: a.id, label: a.name ? `${a.name} (${a.id})` : a.id }))}
            onChange={pickAgreement}
          />
          <TextField label="Evaluate at" path="at" value={evaluateAt} placeholder="2026-11-23T15:00:00+01:00" onChange={setEvaluateAt} hint={`An instant with an offset; now in ${zone}`} />
          <div className="field">
            <span className="field-label">&nbsp;</span>
            <Button appearance="link" onClick={() => setEvaluateAt(nowIn(zone))}>
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
        {result && (
          <section data-testid="simulation-edited">
            <h3>{savedResult && !sameAsSaved ? 'With the configuration on this page' : 'Result'}</h3>
            {sameAsSaved && <p className="hint">The saved configuration gives the same.</p>}
            <ObligationsTable evaluation={result} bundle={bundle} />
          </section>
        )}
        {result && savedResult && !sameAsSaved && (
          <section data-testid="simulation-saved">
            <h3>With the saved configuration</h3>
            <ObligationsTable evaluation={savedResult} bundle={bundle} />
          </section>
        )}
      </div>
    </IssuesProvider>
  );
}
