/** Bad input the CLI reports as plain lines on stderr with exit code 2 (never a stack trace). */
export class UsageError extends Error {
  constructor(readonly lines: string[]) {
    super(lines.join('\n'));
  }
}

export function fail(...lines: string[]): never {
  throw new UsageError(lines);
}
