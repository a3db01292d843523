// The next two weeks of a calendar as edited (not as saved): the backend computes the openings from the bundle on
// screen, holidays and time-zone changes included, so the admin sees what the hours they typed really mean.
import { useMemo, useRef, useState } from 'react';
import { ApiError, call } from '../../shared/api';
import { Button, SectionMessage } from '../../shared/components';
import { messagesOf } from '../../shared/problem';
import { useResource } from '../../shared/use-resource';
import { formatSeconds, nowInstant, safeZone } from './format';
import type { ConfigBundle } from './model';

export const PREVIEW_DAYS = 14;

function dayAndTime(iso: string, zone: string): { day: string; time: string } {
  const date = new Date(iso);
  const day = new Intl.DateTimeFormat('en-GB', { timeZone: zone, weekday: 'short', day: 'numeric', month: 'short' }).format(date);
  const time = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(date);
  return { day, time };
}

function Opening({ from, to, zone }: { from: string; to: string; zone: string }) {
  const a = dayAndTime(from, zone);
  const b = dayAndTime(to, zone);
  return (
    <li>
      <time dateTime={from}>
        {a.day} {a.time}
      </time>
      {' – '}
      <time dateTime={to}>{a.day === b.day ? b.time : `${b.day} ${b.time}`}</time>
    </li>
  );
}

/** Typing in the calendar asks once it pauses, not on every keystroke. */
const PREVIEW_DELAY_MS = 500;

function problemOf(error: unknown): string {
  const invalid = error instanceof ApiError && error.errors.some((x) => x.code === 'INVALID');
  return invalid ? 'The preview needs a configuration without problems; fix the problems listed at the top, then refresh.' : messagesOf(error).join('; ');
}

export function CalendarPreview({ bundle, calendarIndex }: { bundle: ConfigBundle; calendarIndex: number }) {
  const calendar = bundle.calendars[calendarIndex];
  const [open, setOpen] = useState(false);
  // Only what shapes this calendar's openings triggers a new preview, not edits elsewhere in the bundle.
  const shape = useMemo(() => JSON.stringify([calendar, bundle.holidayCollections]), [calendar, bundle.holidayCollections]);
  const latestBundle = useRef(bundle);
  latestBundle.current = bundle;
  const calendarId = calendar?.id;

  const fetchPreview = useMemo(
    () => (open && calendarId !== undefined ? () => call('admin/calendar/preview', { bundle: latestBundle.current, calendar: calendarId, from: nowInstant(), days: PREVIEW_DAYS }) : null),
    // The bundle is read when the preview is fetched; `shape` decides when that is.
    [open, shape, calendarId],
  );
  const resource = useResource(fetchPreview, { delayMs: PREVIEW_DELAY_MS });
  // Openings of a configuration that no longer passes would mislead: an error hides them.
  const preview = resource.error ? null : resource.data;
  const error = resource.error ? problemOf(resource.error) : null;
  const loading = resource.loading;

  if (!calendar) return null;
  const zone = safeZone(calendar.timezone);
  return (
    <div className="preview" data-testid={`calendar-${calendarIndex}-preview`}>
      <div className="row">
        <Button appearance="link" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? 'Hide preview' : `Preview the next ${PREVIEW_DAYS} days`}
        </Button>
        {open && (
          <Button appearance="link" onClick={() => void resource.reload()} disabled={loading}>
            Refresh
          </Button>
        )}
      </div>
      {open && loading && !preview && <p className="hint">Computing openings…</p>}
      {open && error && (
        <SectionMessage appearance="warning" announce="no">
          <p>{error}</p>
        </SectionMessage>
      )}
      {open && preview && (
        <div>
          <p>
            Open {formatSeconds(preview.openSeconds)} in the next {PREVIEW_DAYS} days ({zone} time, as edited here):
          </p>
          {preview.openings.length === 0 ? (
            <p className="hint">No openings at all in this period.</p>
          ) : (
            <ol className="openings">
              {preview.openings.map((o) => (
                <Opening key={o.from} from={o.from} to={o.to} zone={zone} />
              ))}
            </ol>
          )}
        </div>
      )}
    </div>
  );
}
