// What an escalation says: the notification Jira e-mails (subject, text and HTML) and the comment it adds. Times are
// shown in the zone of the agreement's calendar, business time in hours and minutes (engine/wording.ts).
import { businessDurationInWords, formatBusinessDuration, formatDateTime } from '../engine/wording';
import { parseDuration } from '../engine/duration';
import type { Agreement, ConfigBundle, Escalation, EscalationWhen, Obligation } from '../engine/types';

/** An escalation is late when it is carried out this long after it was reached: two runs of the five-minute watch. */
export const LATE_AFTER_MS = 10 * 60_000;

export interface EscalationNotice {
  subject: string;
  textBody: string;
  htmlBody: string;
}

/** The threshold in words: `75 % of the time used`, `10 minutes before the deadline`, `2 hours overdue`. */
export function thresholdInWords(when: EscalationWhen): string {
  if ('elapsedPercent' in when) return `${when.elapsedPercent} % of the time used`;
  if ('remaining' in when) return `${businessDurationInWords(parseDuration(when.remaining) ?? 0)} before the deadline`;
  const overdue = parseDuration(when.overdue) ?? 0;
  return overdue === 0 ? 'the deadline passed' : `${businessDurationInWords(overdue)} overdue`;
}

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export interface NoticeInput {
  bundle: ConfigBundle;
  agreement: Agreement;
  escalation: Escalation;
  issueKey: string;
  summary?: string;
  /** The cycle as it stands when the notice is sent. */
  obligation: Obligation | undefined;
  reachedAt: number;
  now: number;
}

/** Where the cycle stands now, in words: `Deadline Mon 23 Nov 2026, 15:05 — 1 hour left` or `Breached since …`. */
function standing(o: Obligation | undefined, zone: string): string | undefined {
  if (!o) return undefined;
  const target = `Target ${formatBusinessDuration(o.targetMs)} of business time, ${formatBusinessDuration(o.elapsedMs)} used.`;
  if (o.breached && o.breachedAt !== null) return `Breached since ${formatDateTime(o.breachedAt, zone)}. ${target}`;
  if (o.state === 'paused') return `Paused. ${target}`;
  if (o.state === 'completed' || o.state === 'cancelled') return `The cycle has ended (${o.state}). ${target}`;
  if (o.deadline !== null) return `Deadline ${formatDateTime(o.deadline, zone)}, ${formatBusinessDuration(o.targetMs - o.elapsedMs)} of business time left. ${target}`;
  return target;
}

export function escalationNotice(input: NoticeInput): EscalationNotice {
  const { bundle, agreement, escalation, issueKey, obligation, reachedAt, now } = input;
  const zone = bundle.calendars.find((c) => c.id === agreement.calendar)?.timezone ?? 'UTC';
  const goalName = bundle.goals.find((g) => g.id === escalation.goal)?.name ?? escalation.goal;
  const customerName = bundle.customers.find((c) => c.id === agreement.customer)?.name ?? agreement.customer;
  const threshold = thresholdInWords(escalation.when);
  const late = now - reachedAt > LATE_AFTER_MS;
  const lines = [
    `${issueKey}${input.summary ? ` "${input.summary}"` : ''} (${agreement.name ?? agreement.id}, ${customerName}) reached the escalation ${escalation.id} of ${goalName}: ${threshold}, at ${formatDateTime(reachedAt, zone)} (${zone}).`,
    standing(obligation, zone),
    late ? `Sent late, at ${formatDateTime(now, zone)}: the app could not carry it out when it was reached.` : undefined,
  ].filter((line): line is string => line !== undefined);
  return {
    subject: `${late ? '[late] ' : ''}${issueKey}: ${goalName}, ${threshold}`,
    textBody: lines.join('\n\n'),
    htmlBody: lines.map((line) => `<p>${escapeHtml(line)}</p>`).join(''),
  };
}

/** The configured comment, with the late note when it is added late. */
export function escalationComment(text: string, reachedAt: number, now: number, zone: string): string {
  if (now - reachedAt <= LATE_AFTER_MS) return text;
  return `${text}\n\n(Added late, at ${formatDateTime(now, zone)}: the escalation was reached at ${formatDateTime(reachedAt, zone)}.)`;
}
