// Reading the CLI's input files: every failure becomes one line naming the file. Only regular files are read, and
// only up to a size, so a device (/dev/zero), a pipe or a huge file is refused instead of hanging or exhausting memory.
import { isAscii } from 'node:buffer';
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { formatIssue, type Validated } from '../config/issues';
import { validateBundle } from '../config/validate-bundle';
import { validateTimeline } from '../config/validate-timeline';
import type { ConfigBundle, Timeline } from '../engine/types';
import { capped, fail, UsageError } from './errors';

const MB = 1_000_000;
/** A bundle or a timeline file: the Forge app stores at most 200 KiB of bundle, so this is room to spare. */
export const MAX_JSON_BYTES = 10 * MB;
/** `time add --input`, read whole: about 4 million deadlines (a string beyond ~512 MB cannot be made at all). */
export const MAX_BATCH_BYTES = 256 * MB;
/** One line of a JSON Lines file such as `report --timelines`: one timeline, as large as a timeline file. */
export const MAX_LINE_BYTES = MAX_JSON_BYTES;

/** `10 MB`, `256 MB`. */
export function megabytes(bytes: number): string {
  return `${Number((bytes / MB).toFixed(1))} MB`;
}

/**
 * Checks before opening that `file` is a regular file (opening a pipe waits for a writer, a device never ends) of at
 * most `limit` bytes; returns its size.
 */
export function checkReadable(file: string, limit: number, what: string): number {
  const stats = statSync(file);
  if (stats.isDirectory()) fail(`${file}: cannot read: is a directory`);
  if (!stats.isFile()) fail(`${file}: cannot read: not a regular file (a device, a pipe or a socket); give the path of a file`);
  if (stats.size > limit) fail(`${file}: too large: ${megabytes(stats.size)}; ${what} may be at most ${megabytes(limit)}`);
  return stats.size;
}

/** The text of a regular file of at most `limit` bytes (`what` names the file's kind in the message). */
export function readText(file: string, limit: number, what: string): string {
  let fd: number | undefined;
  try {
    const size = checkReadable(file, limit, what);
    fd = openSync(file, 'r');
    // Read to the end, but never past the limit: a file may have grown since it was checked.
    let bytes = Buffer.allocUnsafe(Math.min(size, limit) + 1);
    let length = 0;
    for (;;) {
      const read = readSync(fd, bytes, length, bytes.length - length, null);
      if (read === 0) break;
      length += read;
      if (length > limit) fail(`${file}: too large: more than ${megabytes(limit)}; ${what} may be at most ${megabytes(limit)}`);
      if (length === bytes.length) bytes = Buffer.concat([bytes, Buffer.allocUnsafe(Math.min(bytes.length, limit + 1 - bytes.length))]);
    }
    const content = bytes.subarray(0, length);
    // Plain ASCII (the usual case) decodes to a one-byte string much faster than through UTF-8.
    return isAscii(content) ? content.toString('latin1') : content.toString('utf8');
  } catch (error) {
    if (error instanceof UsageError) throw error;
    return cannotRead(file, error);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The one line a file that cannot be read becomes. */
export function cannotRead(file: string, error: unknown): never {
  const code = (error as NodeJS.ErrnoException).code;
  const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code ?? String(error);
  return fail(`${file}: cannot read: ${why}`);
}

function readJson(file: string, what: string): unknown {
  const text = readText(file, MAX_JSON_BYTES, what);
  try {
    return JSON.parse(text);
  } catch (error) {
    return fail(`${file}: not valid JSON: ${(error as Error).message}`);
  }
}

function orFail<T>(file: string, result: Validated<T>): T {
  if (!result.ok) fail(...capped(file, result.issues.map((issue) => `${file}: ${formatIssue(issue)}`)));
  return result.value;
}

export function readBundle(file: string): ConfigBundle {
  return orFail(file, validateBundle(readJson(file, 'a configuration bundle')));
}

export function readTimeline(file: string): Timeline {
  return orFail(file, validateTimeline(readJson(file, 'a timeline')));
}
