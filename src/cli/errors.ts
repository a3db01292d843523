/** Bad input the CLI reports as plain lines on stderr with exit code 2 (never a stack trace). */
export class UsageError extends Error {
  constructor(readonly lines: string[]) {
    super(lines.join('\n'));
  }
}

export function fail(...lines: string[]): never {
  throw new UsageError(lines);
}

/** Error lines printed at most for one input: a flood of mistakes should not bury the first ones. */
export const MAX_REPORTED = 20;

/** The first MAX_REPORTED lines, then `FILE: … and N more errors`. */
export function capped(file: string, lines: string[]): string[] {
  if (lines.length <= MAX_REPORTED) return lines;
  const more = lines.length - MAX_REPORTED;
  return [...lines.slice(0, MAX_REPORTED), `${file}: … and ${more} more error${more === 1 ? '' : 's'}`];
}
