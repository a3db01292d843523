// A calendar: its zone, its weekly opening hours and the holiday collections that close (or shorten) days.
import { useMemo } from 'react';
import { Card, CheckboxGroup, DeleteButton, SectionIntro, TextField } from './controls';
import type { SectionProps } from './editing';
import { safeZone } from './format';
import { labelOf, newCalendar, renameEntity } from './model';
import { at } from './paths';
import { calendarUsage } from './usage';
import { CalendarPreview } from './CalendarPreview';
import { WeeklyHoursEditor } from './WeeklyHoursEditor';
import { knownZones } from './time-zones';


function localTimeIn(zone: string): string | undefined {
  if (safeZone(zone) !== zone) return undefined;
  return new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', weekday: 'short', hourCycle: 'h23' }).format(new Date());
}

export function CalendarEditor({ bundle, edit, index }: SectionProps & { index: number }) {
  const calendar = bundle.calendars[index]!;
  const path = at('calendars', index);
  const zones = useMemo(knownZones, []);
  const localTime = localTimeIn(calendar.timezone);
  return (
    <Card
      path={path}
      title={calendar.name || calendar.id || 'Unnamed calendar'}
      actions={
        <DeleteButton
          what={`Calendar ${labelOf(calendar)}`}
          usedBy={calendarUsage(bundle, calendar.id)}
          onDelete={() => edit((d) => void d.calendars.splice(index, 1))}
        />
      }
    >
      <div className="grid">
        <TextField label="Id" path={at(path, 'id')} value={calendar.id} onChange={(v) => edit((d) => renameEntity(d, 'calendar', index, v))} />
        <TextField label="Name" path={at(path, 'name')} value={calendar.name ?? ''} onChange={(v) => edit((d) => void (d.calendars[index]!.name = v))} />
        <TextField
          label="Time zone (IANA)"
          path={at(path, 'timezone')}
          value={calendar.timezone}
          placeholder="Europe/Copenhagen"
          suggestions={zones}
          hint={localTime ? `Now there: ${localTime}` : 'An IANA zone name such as Europe/Copenhagen or America/New_York'}
          onChange={(v) => edit((d) => void (d.calendars[index]!.timezone = v))}
        />
      </div>
      <WeeklyHoursEditor
        calendarIndex={index}
        path={at(path, 'week')}
        week={calendar.week}
        onChange={(day, intervals) => edit((d) => void (d.calendars[index]!.week[day] = intervals))}
      />
      <CheckboxGroup
        legend="Holiday collections (closed or special hours on these dates)"
        path={at(path, 'holidays')}
        options={bundle.holidayCollections.map((h) => ({ value: h.id, label: h.name ? `${h.name} (${h.id})` : h.id }))}
        selected={calendar.holidays ?? []}
        onChange={(holidays) => edit((d) => void (d.calendars[index]!.holidays = holidays))}
        noneMeans="no holidays; open on every date by the weekly hours"
      />
      <CalendarPreview bundle={bundle} calendarIndex={index} />
    </Card>
  );
}

export function CalendarsSection({ bundle, edit }: SectionProps) {
  return (
    <div>
      <SectionIntro addLabel="Add calendar" onAdd={() => edit((d) => void d.calendars.push(newCalendar(d)))}>
        Calendars say when business time runs: opening hours per weekday in a time zone, minus holidays. Agreements
        and target rows measure their goals in one.
      </SectionIntro>
      {bundle.calendars.length === 0 && <p className="empty">No calendars yet.</p>}
      {bundle.calendars.map((_, i) => (
        <CalendarEditor key={i} bundle={bundle} edit={edit} index={i} />
      ))}
    </div>
  );
}
