// Business time in words, the same in the engine's guidance and in every surface (no zone rules needed).

/** `1 h 20 m`, `45 m`, `2 d 3 h` (a day being 24 business hours, as in targets), `30 s` under a minute. */
export function formatBusinessDuration(ms: number): string {
  const totalSeconds = Math.floor(Math.abs(ms) / 1000);
  if (totalSeconds < 60) return `${totalSeconds} s`;
  const minutes = Math.floor(totalSeconds / 60);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  const parts: string[] = [];
  if (days) parts.push(`${days} d`);
  if (hours) parts.push(`${hours} h`);
  if (rest && !days) parts.push(`${rest} m`);
  return parts.join(' ') || '0 m';
}
