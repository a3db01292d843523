// The structure of an agreement's report schedule (formats.md §7) as a zod schema. Optional and, when absent, absent
// in the validated bundle, so a bundle without it validates to exactly what it did before. How it relates to the rest
// of the bundle (the customer's organization, unique recipients) is checked on the raw input in bundle-reports.ts.
import { z } from 'zod';
import type { ReportSchedule } from '../engine/types';
import { describeValue } from './issues';
import { explainBadPercent, explainBlank } from './leaf-rules';
import { closedObject, oneOf, rule } from './zod-messages';

/** The latest day every month has: a schedule never skips February. */
export const LAST_REPORT_DAY = 28;

const JSM_ID = /^[1-9][0-9]*$/;

/** JSM's ids of service desks and request types are whole numbers written as text (`"1"`, `"10023"`). */
export function explainBadJsmId(text: string): string | undefined {
  return JSM_ID.test(text) ? undefined : `${JSON.stringify(text)} is not a JSM id; expected digits such as "4"`;
}

const day = z
  .number({ error: (issue) => (issue.input === undefined ? 'required' : `expected a day of the month 1–${LAST_REPORT_DAY}, got ${describeValue(issue.input)}`) })
  .superRefine(
    rule((value: number) =>
      Number.isInteger(value) && value >= 1 && value <= LAST_REPORT_DAY ? undefined : `expected a day of the month 1–${LAST_REPORT_DAY}, got ${value}`,
    ),
  );

const jsmId = z.string().superRefine(rule(explainBadJsmId));

export const reportSchedule = closedObject({
  day,
  recipients: z
    .array(z.string().superRefine(rule(explainBlank)))
    .min(1, { error: 'sends the report to no one; expected at least one account id of the customer' }),
  language: oneOf(['en', 'da'], 'report language').default('en'),
  serviceDeskId: jsmId,
  requestTypeId: jsmId,
  complianceTargets: z
    .record(z.string(), z.number().superRefine(rule(explainBadPercent)), {
      error: (issue) => `expected an object of goal ids, each a percentage, got ${describeValue(issue.input)}`,
    })
    .optional(),
}).transform((schedule): ReportSchedule => schedule);
