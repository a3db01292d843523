// Targets are ISO-8601 durations of business time (spec §1): days, hours, minutes, seconds.
// A day is 24 hours, never "one working day"; years, months and weeks have no fixed length, so they are refused.

const DURATION = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)(?:[.,](\d{1,3}))?S)?)?$/;

const cache = new Map<string, number | undefined>();

function parse(text: string): number | undefined {
  const m = DURATION.exec(text);
  if (!m || text === 'P' || text.endsWith('T')) return undefined;
  if (m[1] === undefined && m[2] === undefined && m[3] === undefined && m[4] === undefined) return undefined;
  const days = m[1] === undefined ? 0 : +m[1];
  const hours = m[2] === undefined ? 0 : +m[2];
  const minutes = m[3] === undefined ? 0 : +m[3];
  const seconds = m[4] === undefined ? 0 : +m[4];
  const millis = m[5] === undefined ? 0 : +m[5].padEnd(3, '0');
  const total = (((days * 24 + hours) * 60 + minutes) * 60 + seconds) * 1000 + millis;
  return Number.isSafeInteger(total) ? total : undefined;
}

/** Milliseconds of a duration such as `PT30M`, `PT4H`, `P1DT2H`, `PT0S`; undefined when not one. */
export function parseDuration(text: string): number | undefined {
  // Targets repeat endlessly (the batch CLI sees the same few thousands of times), so parse each text once.
  if (cache.has(text)) return cache.get(text);
  const ms = parse(text);
  if (cache.size < 10_000) cache.set(text, ms);
  return ms;
}

/** Why a text is not a duration, in words an admin understands. */
export function explainBadDuration(text: string): string {
  if (/^P(\d+Y|\d+M|\d+W)/.test(text) || /^P[^T]*[YMW]/.test(text)) {
    return `duration "${text}" uses years, months or weeks; business-time targets use days (24 h), hours, minutes and seconds, e.g. PT4H`;
  }
  return `"${text}" is not an ISO-8601 duration such as PT30M, PT4H or P1DT2H`;
}

/** `PT1H30M`-style text for a whole number of seconds (used when exporting and in messages). */
export function formatDuration(ms: number): string {
  const total = Math.round(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (total === 0) return 'PT0S';
  return `PT${h ? `${h}H` : ''}${m ? `${m}M` : ''}${s ? `${s}S` : ''}`;
}
