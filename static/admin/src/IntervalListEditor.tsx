// One day's opening intervals: start and end as HH:MM text ("24:00" is a valid end, which a time input cannot
// express), with add and remove. Used for the weekly hours and for a holiday's special hours.
import { Button } from '../../shared/components';
import { IconButton } from './controls';
import { FieldErrors, useIssues } from './errors';
import { at } from './paths';

type Interval = [string, string];

/** The next interval after the last one: an hour from its end, or office hours on an empty day. */
export function nextInterval(intervals: readonly Interval[]): Interval {
  const last = intervals[intervals.length - 1];
  if (!last) return ['09:00', '17:00'];
  const match = /^(\d{2}):(\d{2})$/.exec(last[1]);
  if (!match) return ['', ''];
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  if (minutes >= 23 * 60) return ['', ''];
  const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  return [hhmm(minutes), hhmm(minutes + 60)];
}

function TimeInput({ label, path, value, onChange, testId }: { label: string; path: string; value: string; onChange: (v: string) => void; testId?: string }) {
  const invalid = useIssues(path).length > 0;
  return (
    <input
      className="time"
      value={value}
      size={5}
      maxLength={5}
      placeholder="HH:MM"
      aria-label={label}
      aria-invalid={invalid || undefined}
      data-path={path}
      data-testid={testId}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}

interface Props {
  /** The day, in words: "Monday", "24 Dec". */
  label: string;
  path: string;
  intervals: readonly Interval[];
  onChange: (intervals: Interval[]) => void;
  /** `calendar-0-mon`: the inputs become `calendar-0-mon-1-start` and the add button `calendar-0-mon-add`. */
  testIdPrefix?: string;
}

export function IntervalListEditor({ label, path, intervals, onChange, testIdPrefix }: Props) {
  const setEnd = (i: number, side: 0 | 1, value: string) =>
    onChange(intervals.map((interval, k): Interval => (k !== i ? [interval[0], interval[1]] : side === 0 ? [value, interval[1]] : [interval[0], value])));
  const testId = (suffix: string) => (testIdPrefix ? `${testIdPrefix}-${suffix}` : undefined);
  return (
    <div className="interval-list" data-path={path}>
      {intervals.length === 0 && <span className="hint">Closed</span>}
      {intervals.map((interval, i) => {
        const own = at(path, i);
        return (
          <div key={i} className="interval" data-path={own}>
            <div className="row">
              <TimeInput label={`${label} interval ${i + 1} start`} path={at(own, 0)} value={interval[0]} onChange={(v) => setEnd(i, 0, v)} testId={testId(`${i}-start`)} />
              <span aria-hidden="true">–</span>
              <TimeInput label={`${label} interval ${i + 1} end`} path={at(own, 1)} value={interval[1]} onChange={(v) => setEnd(i, 1, v)} testId={testId(`${i}-end`)} />
              <IconButton label={`Remove ${label} interval ${i + 1}`} onClick={() => onChange(intervals.filter((_, k) => k !== i))}>
                ×
              </IconButton>
            </div>
            <FieldErrors path={own} />
            <FieldErrors path={at(own, 0)} />
            <FieldErrors path={at(own, 1)} />
          </div>
        );
      })}
      <Button appearance="link" aria-label={`Add ${label} interval`} data-testid={testId('add')} onClick={() => onChange([...intervals, nextInterval(intervals)])}>
        + Interval
      </Button>
      <FieldErrors path={path} />
    </div>
  );
}
