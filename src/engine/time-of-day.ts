// Opening hours are written `HH:MM`; `24:00` is allowed only as the end of an interval.

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Minutes after midnight for `HH:MM` (`24:00` → 1440 when allowed as an end); undefined when malformed. */
export function parseTimeOfDay(text: string, asEnd = false): number | undefined {
  if (asEnd && text === '24:00') return 1440;
  const m = TIME.exec(text);
  return m ? +m[1]! * 60 + +m[2]! : undefined;
}
