// zod checks the shapes; this module makes its complaints read like the rest of the product's messages
// (`expected a number, got "high"`, `required`) instead of zod's defaults, and turns its issues into ours.
import { z } from 'zod';
import { describeValue, formatPath, issueAt, type PathIssue } from './issues';
import { unknownFieldMessage } from './nearest-name';

const EXPECTED: Readonly<Record<string, string>> = {
  string: 'a string',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  tuple: 'a list',
  object: 'an object',
  null: 'null',
};

/** The per-parse error map: every zod issue that a schema did not word itself gets a crafted message here. */
export function craftMessage(issue: z.core.$ZodRawIssue): string {
  const input = issue.input;
  switch (issue.code) {
    case 'invalid_type':
      if (input === undefined) return 'required';
      // JSON cannot carry them, but a JavaScript caller can: zod refuses NaN and ±Infinity as numbers.
      if (issue.expected === 'number' && typeof input === 'number') return `expected a finite number, got ${input}`;
      return `expected ${EXPECTED[issue.expected] ?? issue.expected}, got ${describeValue(input)}`;
    case 'invalid_value':
      return `${describeValue(input)} is not allowed; expected ${issue.values.map((v) => describeValue(v)).join(' or ')}`;
    case 'too_small':
      if (issue.origin === 'string') return 'must not be empty';
      return `expected at least ${String(issue.minimum)} entries, got ${describeValue(input)}`;
    case 'too_big':
      return `expected at most ${String(issue.maximum)} entries, got ${describeValue(input)}`;
    default:
      return `invalid value ${describeValue(input)}`;
  }
}

/** A refinement that reports `explain(value)` when it returns a message (so rules are plain functions). */
export function rule<T>(explain: (value: T) => string | undefined) {
  return (value: T, ctx: z.core.$RefinementCtx<T>): void => {
    const message = explain(value);
    if (message !== undefined) ctx.addIssue({ code: 'custom', message, input: value });
  };
}

/** A closed set of words, with the admin told which ones exist: `unknown visibility "secret"; expected one of public, internal`. */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T, noun: string) {
  return z.enum(values, {
    error: (issue) =>
      issue.input === undefined
        ? 'required'
        : `unknown ${noun} ${describeValue(issue.input)}; expected one of ${values.join(', ')}`,
  });
}

/** Unknown fields of one object reported at most, the last of them also counting any after it. */
export const MAX_UNKNOWN_REPORTED = 20;

/**
 * An object that refuses fields it does not know, each at its own path with the nearest known name (a misspelt
 * `escalatoins` would otherwise be dropped in silence, and with it the escalations). The check runs whatever else
 * is wrong with the object, so its fields' problems and the unknown fields are all reported at once.
 */
export function closedObject<const T extends z.ZodRawShape>(shape: T, params?: Parameters<typeof z.looseObject>[1]) {
  const known = Object.keys(shape);
  return z.looseObject(shape, params).superRefine(
    (value, ctx) => {
      const unknown = Object.keys(value).filter((key) => !Object.prototype.hasOwnProperty.call(shape, key));
      const named = MAX_UNKNOWN_REPORTED - 1;
      unknown.slice(0, named).forEach((key) => ctx.addIssue({ code: 'custom', message: unknownFieldMessage(key, known), path: [key], input: value[key] }));
      // A flood of unknown fields (thousands in one object) ends in one issue that counts them, not thousands.
      const rest = unknown.length - named - 1;
      if (rest < 0) return;
      const key = unknown[named]!;
      const after = rest === 1 ? 'as is the one after it' : `as are the ${rest} after it`;
      const message = rest === 0 ? unknownFieldMessage(key, known) : `unknown field, ${after}; known fields: ${known.join(', ')}`;
      ctx.addIssue({ code: 'custom', message, path: [key], input: value[key] });
    },
    // An object whose fields have problems is still checked for unknown ones; a non-object has none to find.
    { when: (payload) => typeof payload.value === 'object' && payload.value !== null && !Array.isArray(payload.value) },
  );
}

/**
 * zod's final issues as ours. Identical ones are merged: both halves of an intersection (timeline events) report a
 * non-object the same way. Symbols never occur in JSON paths but are stringified rather than dropped.
 */
export function fromZod(error: z.ZodError): PathIssue[] {
  const seen = new Set<string>();
  const out: PathIssue[] = [];
  for (const issue of error.issues) {
    const path = issue.path.map((segment) => (typeof segment === 'symbol' ? String(segment) : segment));
    const key = `${formatPath(path)}\n${issue.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(issueAt(path, issue.message, issue.input));
  }
  return out;
}

/** Parses with the crafted messages and with the offending input kept on each issue. */
export function parseWith<S extends z.ZodType>(schema: S, input: unknown): { data?: z.output<S>; issues: PathIssue[] } {
  const result = schema.safeParse(input, { error: craftMessage, reportInput: true });
  return result.success ? { data: result.data, issues: [] } : { issues: fromZod(result.error) };
}
