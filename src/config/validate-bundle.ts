// The one validator of the configuration bundle (spec §1), shared by the CLI, the Forge resolvers and the admin
// page. It reports every problem at once: zod's structural pass and the plain cross-checks both always run, on the
// same raw input, and their findings are merged in document order.
import type { ConfigBundle } from '../engine/types';
import { checkDevelopment } from './bundle-development';
import { checkEscalations } from './bundle-escalations';
import { checkHours } from './bundle-hours';
import { checkReach } from './bundle-reach';
import { checkReferences } from './bundle-references';
import { checkReports } from './bundle-reports';
import { BUNDLE_SECTIONS, bundleSchema } from './bundle-schema';
import { checkContractManagement } from './contract-management';
import { toValidationIssues, type Validated } from './issues';
import { parseWith } from './zod-messages';

export function validateBundle(input: unknown): Validated<ConfigBundle> {
  const { data, issues } = parseWith(bundleSchema, input);
  issues.push(...checkHours(input), ...checkReferences(input), ...checkEscalations(input), ...checkContractManagement(input), ...checkReach(input), ...checkReports(input), ...checkDevelopment(input));
  if (data === undefined || issues.length > 0) return { ok: false, issues: toValidationIssues(issues, BUNDLE_SECTIONS) };
  return { ok: true, value: data };
}
