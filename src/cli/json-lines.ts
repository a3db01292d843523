// A JSON Lines file read line by line in fixed-size chunks, never whole: a report reads 100,000 timelines and
// needs one at a time. A line longer than MAX_LINE_BYTES is skipped unread (and said to be), so memory stays bounded
// whatever the file holds.
import { closeSync, openSync, readSync } from 'node:fs';
import { UsageError } from './errors';
import { cannotRead, checkReadable, MAX_LINE_BYTES } from './files';

const CHUNK = 1 << 20;
const NEWLINE = 10;
const CARRIAGE_RETURN = 13;

/** One line's text, without its `\n` or `\r\n`, with its number (from 1) for error messages. */
export interface NumberedLine {
  number: number;
  /** Empty for a line longer than MAX_LINE_BYTES, which is not kept. */
  text: string;
  tooLong?: true;
}

/** The lines of a regular file, decoded as UTF-8; a last line without a final `\n` counts too. */
export function* linesOf(file: string): Generator<NumberedLine> {
  let fd: number;
  try {
    checkReadable(file, Infinity, 'a file');
    fd = openSync(file, 'r');
  } catch (error) {
    if (error instanceof UsageError) throw error;
    return cannotRead(file, error);
  }
  try {
    const buffer = Buffer.allocUnsafe(CHUNK);
    // Bytes of a line begun in an earlier chunk; kept as bytes so a character split between chunks decodes whole.
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    /** Whether the current line has passed MAX_LINE_BYTES: its bytes are dropped until its end. */
    let skipping = false;
    let number = 0;
    const decode = (bytes: Buffer, start: number, end: number): NumberedLine => {
      if (end > start && bytes[end - 1] === CARRIAGE_RETURN) end--;
      let text = bytes.toString('utf8', start, end);
      // A byte order mark is no part of the first timeline.
      if (number === 0 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      return { number: ++number, text };
    };
    for (;;) {
      let read: number;
      try {
        read = readSync(fd, buffer, 0, CHUNK, null);
      } catch (error) {
        return cannotRead(file, error);
      }
      if (read === 0) break;
      const chunk = buffer.subarray(0, read);
      let start = 0;
      for (let end = chunk.indexOf(NEWLINE, start); end >= 0; end = chunk.indexOf(NEWLINE, start)) {
        if (skipping || pendingBytes + end - start > MAX_LINE_BYTES) {
          yield { number: ++number, text: '', tooLong: true };
        } else if (pending.length === 0) {
          yield decode(chunk, start, end);
        } else {
          const line = Buffer.concat([...pending, chunk.subarray(start, end)]);
          yield decode(line, 0, line.length);
        }
        pending = [];
        pendingBytes = 0;
        skipping = false;
        start = end + 1;
      }
      // The buffer is reused for the next chunk, so the unfinished line's bytes are copied out of it.
      if (start < read && !skipping) {
        pendingBytes += read - start;
        if (pendingBytes > MAX_LINE_BYTES) {
          skipping = true;
          pending = [];
        } else {
          pending.push(Buffer.from(chunk.subarray(start)));
        }
      }
    }
    if (skipping) {
      yield { number: ++number, text: '', tooLong: true };
    } else if (pending.length > 0) {
      const line = Buffer.concat(pending);
      yield decode(line, 0, line.length);
    }
  } finally {
    closeSync(fd);
  }
}
