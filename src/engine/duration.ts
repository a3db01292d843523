// Targets are ISO-8601 durations of business time (spec §1): days, hours, minutes, seconds.
// A day is 24 hours, never "one working day"; years, months and weeks have no fixed length, so they are refused.
// A hand-written scanner rather than a regular expression: the batch CLI reads one per line, in place.

const DESIGNATORS_DATE = 'D';
const DESIGNATORS_TIME = 'HMS';
const UNIT_MS: Record<string, number> = { D: 86_400_000, H: 3_600_000, M: 60_000, S: 1000 };

/**
 * Milliseconds of the duration written in `text` between `start` and `end` (`PT30M`, `PT4H`, `P1DT2H`,
 * `PT0.5S`, `PT0S`); undefined when it is not one. Components must appear in order, each at most once;
 * only seconds may have a fraction (up to milliseconds).
 */
export function parseDurationAt(text: string, start: number, end: number): number | undefined {
  if (end - start < 3 || text.charCodeAt(start) !== 80 /* P */) return undefined;
  let total = 0;
  let inTime = false;
  let allowed = DESIGNATORS_DATE;
  let components = 0;
  let i = start + 1;
  while (i < end) {
    const ch = text.charCodeAt(i);
    if (ch === 84 /* T */) {
      if (inTime || i + 1 >= end) return undefined;
      inTime = true;
      allowed = DESIGNATORS_TIME;
      i++;
      continue;
    }
    let value = 0;
    let digits = 0;
    while (i < end) {
      const d = text.charCodeAt(i) - 48;
      if (d < 0 || d > 9) break;
      value = value * 10 + d;
      digits++;
      i++;
    }
    let fraction = 0;
    const separator = text.charCodeAt(i);
    if (digits > 0 && (separator === 46 || separator === 44)) {
      i++;
      let scale = 100;
      let fractionDigits = 0;
      while (i < end) {
        const d = text.charCodeAt(i) - 48;
        if (d < 0 || d > 9) break;
        if (++fractionDigits > 3) return undefined;
        fraction += d * scale;
        scale /= 10;
        i++;
      }
      if (fractionDigits === 0 || text[i] !== 'S') return undefined;
    }
    if (digits === 0 || i >= end) return undefined;
    const designator = text[i]!;
    const at = allowed.indexOf(designator);
    if (at < 0) return undefined;
    allowed = allowed.slice(at + 1);
    total += value * UNIT_MS[designator]! + fraction;
    components++;
    i++;
  }
  return components > 0 && Number.isSafeInteger(total) ? total : undefined;
}

/** Milliseconds of a duration such as `PT30M`, `PT4H`, `P1DT2H`, `PT0S`; undefined when not one. */
export function parseDuration(text: string): number | undefined {
  return parseDurationAt(text, 0, text.length);
}

/** Why a text is not a duration, in words an admin understands. */
export function explainBadDuration(text: string): string {
  if (/^P(?:\d+[YMW])/.test(text) || /^P[^T]*[YMW]/.test(text)) {
    return `duration "${text}" uses years, months or weeks; business-time targets use days (24 h), hours, minutes and seconds, e.g. PT4H`;
  }
  return `"${text}" is not an ISO-8601 duration such as PT30M, PT4H or P1DT2H`;
}
