// The structure of the development integration's bundle fields (formats.md §9) as zod schemas: an agreement's
// `development` terms and the rule a product version follows. Optional and, when absent, absent in the validated
// bundle, so a bundle without them validates to exactly what it did before. That the waiting status is one the
// agreement's goals pause in relates the terms to the rest of the bundle: bundle-development.ts checks it.
import { z } from 'zod';
import type { DevelopmentTerms } from '../engine/types';
import { parseVersion } from '../engine/version';
import { describeValue } from './issues';
import { explainBlank } from './leaf-rules';
import { closedObject, rule } from './zod-messages';

/** Jira's project keys: an upper-case letter, then upper-case letters, digits or underscores (Jira's default rule). */
const PROJECT_KEY = /^[A-Z][A-Z0-9_]{1,9}$/;

export function explainBadProjectKey(text: string): string | undefined {
  return PROJECT_KEY.test(text)
    ? undefined
    : `${JSON.stringify(text)} is not a Jira project key; expected 2–10 upper-case letters, digits or underscores starting with a letter, such as "PAY"`;
}

export function explainBadVersion(text: string): string | undefined {
  const parsed = parseVersion(text);
  return parsed.ok ? undefined : parsed.reason;
}

/** A product version (§9.1): a text the version order can place, or an error with the reason. */
export const productVersion = z
  .string({ error: (issue) => `expected a version such as "5.3.1", got ${describeValue(issue.input)}` })
  .superRefine(rule(explainBadVersion));

export const developmentTerms = closedObject({
  waitingStatus: z.string().superRefine(rule(explainBlank)),
  resolveWhenAvailable: z.boolean().default(false),
  project: z.string().superRefine(rule(explainBadProjectKey)),
}).transform((terms): DevelopmentTerms => terms);
