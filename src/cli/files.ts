// Reading the CLI's input files: every failure becomes one line naming the file.
import { isAscii } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { formatIssue, type Validated } from '../config/issues';
import { validateBundle } from '../config/validate-bundle';
import { validateTimeline } from '../config/validate-timeline';
import type { ConfigBundle, Timeline } from '../engine/types';
import { fail } from './errors';

export function readText(file: string): string {
  try {
    const bytes = readFileSync(file);
    // Plain ASCII (the usual case) decodes to a one-byte string much faster than through UTF-8.
    return isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
  } catch (error) {
    return cannotRead(file, error);
  }
}

/** The one line a file that cannot be read becomes. */
export function cannotRead(file: string, error: unknown): never {
  const code = (error as NodeJS.ErrnoException).code;
  const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code ?? String(error);
  return fail(`${file}: cannot read: ${why}`);
}

function readJson(file: string): unknown {
  const text = readText(file);
  try {
    return JSON.parse(text);
  } catch (error) {
    return fail(`${file}: not valid JSON: ${(error as Error).message}`);
  }
}

function orFail<T>(file: string, result: Validated<T>): T {
  if (!result.ok) fail(...result.issues.map((issue) => `${file}: ${formatIssue(issue)}`));
  return result.value;
}

export function readBundle(file: string): ConfigBundle {
  return orFail(file, validateBundle(readJson(file)));
}

export function readTimeline(file: string): Timeline {
  return orFail(file, validateTimeline(readJson(file)));
}
