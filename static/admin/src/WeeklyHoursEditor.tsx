// The opening hours of an ordinary week, per weekday, as wall-clock intervals in the calendar's zone.
import { Button } from '../../shared/components';
import { FieldErrors } from './errors';
import { WEEKDAYS, WEEKDAY_NAMES, type Weekday } from './model';
import { at } from './paths';
import { IntervalListEditor } from './IntervalListEditor';

type Week = Record<Weekday, Array<[string, string]>>;

interface Props {
  calendarIndex: number;
  path: string;
  week: Week;
  onChange: (day: Weekday, intervals: Array<[string, string]>) => void;
}

export function WeeklyHoursEditor({ calendarIndex, path, week, onChange }: Props) {
  const copyMonday = () => {
    for (const day of ['tue', 'wed', 'thu', 'fri'] as const) onChange(day, (week.mon ?? []).map(([s, e]) => [s, e]));
  };
  return (
    <fieldset className="weekly-hours" data-path={path}>
      <legend className="field-label">Opening hours (local time; a window past midnight is two intervals on two days)</legend>
      <table>
        <tbody>
          {WEEKDAYS.map((day) => (
            <tr key={day}>
              <th scope="row">{WEEKDAY_NAMES[day]}</th>
              <td>
                <IntervalListEditor
                  label={WEEKDAY_NAMES[day]}
                  path={at(path, day)}
                  intervals={week[day] ?? []}
                  onChange={(intervals) => onChange(day, intervals)}
                  testIdPrefix={`calendar-${calendarIndex}-${day}`}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Button appearance="link" onClick={copyMonday}>
        Copy Monday’s hours to Tuesday–Friday
      </Button>
      <FieldErrors path={path} />
    </fieldset>
  );
}
