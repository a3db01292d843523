// What an agreement's escalations mean on a sample cycle: for each target a goal can have, the elapsed business time
// at which each escalation is reached, in the order they happen ("for a 4 h target: at 3 h, then 10 m before, then
// 2 h overdue"). The thresholds come from the engine's own rule (spec §3), so the preview is what the replay does.
import { parseDuration } from '../../../src/engine/duration';
import { thresholdRule } from '../../../src/engine/escalation';
import type { Agreement, Escalation, EscalationWhen, PriorityModel } from '../../../src/engine/types';
import { formatBusinessDuration } from '../../../src/engine/wording';

export interface PreviewStep {
  id: string;
  /** Elapsed business time at which it is reached. */
  atMs: number;
  /** How the admin wrote it: `75 %`, `10 m before the deadline`, `2 h overdue`, `at the deadline`. */
  threshold: string;
}

export interface SamplePreview {
  goal: string;
  targetMs: number;
  /** Which requests get this target: `priorities 1 – Critical`, `any request`. */
  appliesTo: string;
  steps: PreviewStep[];
  /** Escalations on this goal not shown because their threshold is not valid yet. */
  unreadable: string[];
}

const MAX_PERCENT = 100;

/** The threshold when it is well formed; undefined while the admin is still typing it. */
function readableWhen(when: EscalationWhen | undefined): EscalationWhen | undefined {
  if (!when) return undefined;
  if ('elapsedPercent' in when) {
    const p = when.elapsedPercent;
    return typeof p === 'number' && Number.isFinite(p) && p > 0 && p <= MAX_PERCENT ? when : undefined;
  }
  if ('remaining' in when) return parseDuration(when.remaining) === undefined ? undefined : when;
  if ('overdue' in when) return parseDuration(when.overdue) === undefined ? undefined : when;
  return undefined;
}

export function describeThreshold(when: EscalationWhen): string {
  if ('elapsedPercent' in when) return `${when.elapsedPercent} % of the target`;
  if ('remaining' in when) return `${formatBusinessDuration(parseDuration(when.remaining) ?? 0)} before the deadline`;
  const after = parseDuration(when.overdue) ?? 0;
  return after === 0 ? 'at the deadline' : `${formatBusinessDuration(after)} overdue`;
}

function appliesTo(row: Agreement['targets'][number], model: PriorityModel | undefined): string {
  const names = (row.priorities ?? []).map((id) => model?.priorities.find((p) => p.id === id)?.name || id);
  const parts = [names.length > 0 ? `priority ${names.join(', ')}` : '', row.requestTypes?.length ? row.requestTypes.join(', ') : ''].filter(Boolean);
  return parts.length > 0 ? parts.join('; ') : 'any request';
}

/**
 * One sample cycle per distinct target of each goal that has escalations, in the order of the agreement's target
 * rows; the steps of each sorted by when they are reached (ties in the agreement's order, as the replay lists them).
 */
export function previewEscalations(agreement: Agreement, escalations: readonly Escalation[], model: PriorityModel | undefined): SamplePreview[] {
  const out: SamplePreview[] = [];
  const goals = [...new Set(escalations.map((e) => e.goal).filter(Boolean))];
  for (const goal of goals) {
    const own = escalations.filter((e) => e.goal === goal);
    const readable = own.flatMap((e) => {
      const when = readableWhen(e.when);
      return when ? [{ id: e.id, when, rule: thresholdRule(when) }] : [];
    });
    const unreadable = own.filter((e) => !readableWhen(e.when)).map((e) => e.id || '(no id)');
    const seen = new Set<number>();
    for (const row of agreement.targets) {
      if (row.goal !== goal) continue;
      const targetMs = parseDuration(row.target.trim());
      if (targetMs === undefined || seen.has(targetMs)) continue;
      seen.add(targetMs);
      const steps = readable
        .map((e, order) => ({ id: e.id, atMs: e.rule(targetMs), threshold: describeThreshold(e.when), order }))
        .sort((a, b) => a.atMs - b.atMs || a.order - b.order)
        .map(({ id, atMs, threshold }) => ({ id, atMs, threshold }));
      out.push({ goal, targetMs, appliesTo: appliesTo(row, model), steps, unreadable });
    }
  }
  return out;
}

/** "an 8 h", "an 11 m", "an 18 h", "an 80 h": the numbers said with a vowel first; "a" before every other. */
function articleFor(amount: string): string {
  return /^(8|1[18](?!\d))/.test(amount) ? 'an' : 'a';
}

/** `For a 4 h target: at 3 h (75 % of the target), then at 3 h 50 m (10 m before the deadline), then at 6 h (2 h overdue).` */
export function previewSentence(sample: SamplePreview): string {
  const at = (ms: number): string => (ms === 0 ? 'as soon as the cycle starts' : `at ${formatBusinessDuration(ms)}`);
  const steps = sample.steps.map((s, i) => `${i === 0 ? '' : 'then '}${at(s.atMs)} (${s.threshold}: ${s.id || 'no id'})`);
  const body = steps.length > 0 ? steps.join(', ') : 'no escalation can be placed yet';
  const target = formatBusinessDuration(sample.targetMs);
  return `For ${articleFor(target)} ${target} target (${sample.appliesTo}): ${body}.`;
}
