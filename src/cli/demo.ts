// `npm start` (until the browser sandbox exists): replays the shipped example request SUP-17 event by event
// through the engine and shows what an agent would be told after each step, then the contract's calendar facts.
import path from 'node:path';
import { calendarsOf, evaluate } from '../engine/obligations';
import { guidanceFor } from '../engine/guidance';
import { formatBusinessDuration } from '../engine/wording';
import { formatInstant } from '../engine/instant';
import type { ConfigBundle, Obligation, Timeline, TimelineEvent } from '../engine/types';
import { readBundle, readTimeline } from './files';
import { UsageError } from './errors';

const VIEWER_ZONE = 'Europe/Copenhagen';

function describeEvent(event: TimelineEvent): string {
  switch (event.type) {
    case 'created':
      return `request created (status ${event.status ?? '?'})`;
    case 'status':
      return `status → ${event.to}`;
    case 'comment':
      return `${event.visibility} comment by the ${event.author}`;
    case 'resolution':
      return event.to === null ? 'resolution cleared (reopened)' : `resolved as ${event.to}`;
    case 'priority':
      return `priority ${event.from ?? '?'} → ${event.to}`;
    case 'field':
      return `${event.field} → ${event.to ?? '(empty)'}`;
    case 'impact':
    case 'urgency':
      return `${event.type} ${event.from ?? '?'} → ${event.to}`;
  }
}

function obligationLine(bundle: ConfigBundle, o: Obligation): string {
  const goal = bundle.goals.find((g) => g.id === o.goal);
  const name = `${o.internal ? '[OLA] ' : ''}${goal?.name ?? o.goal}${o.cycle > 1 ? ` #${o.cycle}` : ''}`;
  const spent = `${formatBusinessDuration(o.elapsedMs)} of ${formatBusinessDuration(o.targetMs)}`;
  const extra = o.breached ? `BREACHED at ${formatInstant(o.breachedAt ?? 0)}` : o.deadline !== null ? `due ${formatInstant(o.deadline)}` : '';
  return `    ${name.padEnd(36)} ${o.state.padEnd(10)} ${spent.padEnd(18)} ${extra}`;
}

function replay(bundle: ConfigBundle, timeline: Timeline): void {
  console.log(`Request ${timeline.issue.key}: ${timeline.issue.requestType} for ${timeline.issue.customer}, ${timeline.issue.environment}, ${timeline.issue.product}, priority ${timeline.issue.priority}`);
  const first = evaluate(bundle, timeline, timeline.issue.created);
  console.log(`Agreement: ${first.agreement ?? 'none'}\n`);
  const moments = [...timeline.events.map((e) => ({ at: e.at, label: describeEvent(e) }))];
  const last = timeline.events[timeline.events.length - 1];
  if (last) moments.push({ at: last.at + 3_600_000, label: 'one hour later' });
  for (const moment of moments) {
    const evaluation = evaluate(bundle, timeline, moment.at);
    const guidance = guidanceFor(bundle, evaluation, moment.at, VIEWER_ZONE);
    console.log(`${formatInstant(moment.at)}  ${moment.label}`);
    console.log(`  → ${guidance.text}`);
    for (const o of evaluation.obligations) console.log(obligationLine(bundle, o));
    console.log('');
  }
}

function calendarFacts(bundle: ConfigBundle): void {
  const calendars = calendarsOf(bundle);
  for (const definition of bundle.calendars) {
    const calendar = calendars.get(definition.id);
    const from = Date.parse('2026-12-21T00:00:00Z');
    const openings = calendar.openings(from, from + 14 * 86_400_000);
    console.log(`Calendar ${definition.id} (${definition.timezone}): open ${formatBusinessDuration(calendar.between(from, from + 14 * 86_400_000))} in the two weeks from 21 Dec 2026, first openings:`);
    for (const [s, e] of openings.slice(0, 5)) console.log(`    ${formatInstant(s)} – ${formatInstant(e)}`);
    console.log('');
  }
}

function run(): void {
  const examples = path.join(__dirname, '../../examples');
  const bundle = readBundle(path.join(examples, 'config.json'));
  const timeline = readTimeline(path.join(examples, 'timeline-sup-17.json'));
  console.log('Contract SLA — engine demo on examples/config.json (deadlines in UTC, guidance for a viewer in Copenhagen)\n');
  replay(bundle, timeline);
  calendarFacts(bundle);
  console.log('Try the CLI yourself: npm run --silent cli -- help');
}

try {
  run();
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  console.error(error.message);
  process.exitCode = 2;
}
