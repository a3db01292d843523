// The rules of an escalation (spec §1) that relate its fields: exactly one threshold in `when`, and someone to
// notify or a comment to add. Plain TypeScript on the raw input, like bundle-hours.ts, so they are reported even when
// a threshold or a notify target is itself broken (zod reports that part). References (the goal, duplicate ids) are
// checked with the others in bundle-references.ts.
import { issueAt, type PathIssue, type PathSegment } from './issues';
import { fieldOf, isRecord, recordsOf, type RawRecord } from './raw';

const THRESHOLDS = ['elapsedPercent', 'remaining', 'overdue'] as const;
const ONE_THRESHOLD = 'expected exactly one threshold (elapsedPercent, remaining or overdue)';

function checkThreshold(when: unknown, path: PathSegment[], out: PathIssue[]): void {
  // A missing or non-object `when` is zod's to report.
  if (!isRecord(when)) return;
  const given = THRESHOLDS.filter((name) => fieldOf(when, name) !== undefined);
  if (given.length === 0) out.push(issueAt(path, `${ONE_THRESHOLD}, got none`));
  if (given.length > 1) out.push(issueAt(path, `${ONE_THRESHOLD}, got ${given.slice(0, -1).join(', ')} and ${given.at(-1)!}`));
}

function checkAudience(escalation: RawRecord, path: PathSegment[], out: PathIssue[]): void {
  const notify = fieldOf(escalation, 'notify');
  // A notify that is not a list is zod's to report; only an absent or empty one leaves nobody to tell.
  const notifies = notify !== undefined && !(Array.isArray(notify) && notify.length === 0);
  if (!notifies && fieldOf(escalation, 'comment') === undefined) {
    out.push(issueAt(path, 'notifies no one and adds no comment; expected a non-empty notify, a comment or both'));
  }
}

export function checkEscalations(bundle: unknown): PathIssue[] {
  const out: PathIssue[] = [];
  if (!isRecord(bundle)) return out;
  for (const [i, agreement] of recordsOf(fieldOf(bundle, 'agreements'))) {
    for (const [e, escalation] of recordsOf(fieldOf(agreement, 'escalations'))) {
      const path = ['agreements', i, 'escalations', e];
      checkThreshold(fieldOf(escalation, 'when'), [...path, 'when'], out);
      checkAudience(escalation, path, out);
    }
  }
  return out;
}
