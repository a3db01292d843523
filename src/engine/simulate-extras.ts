// `simulate`'s output for bundles that use contract management (§6). Each addition appears only when the bundle
// uses what it describes, so a bundle without the new fields prints exactly the spec's §4 shape:
// `why` with customer groups, `site` when the agreement measures in the site, `priority` when its priority model
// has a matrix, `supplierObligations` with supplier goals (simulate-json.ts).
import { chooseAgreement, explainAgreementChoice } from './agreement-choice';
import { usesGroups } from './customer-group';
import { applyMatrix, matrixOf, priorityInForce } from './matrix';
import { evaluate } from './obligations';
import { toEvaluationJson, type EvaluationJson } from './simulate-json';
import { siteOf } from './site';
import type { ConfigBundle, Timeline } from './types';

export interface SiteJson {
  id: string;
  timezone: string;
  /** The site's own calendar, which replaces the agreement's; null = the agreement's, read in the site's zone. */
  calendar: string | null;
}

export interface MatrixPriorityJson {
  /** The priority in force at the instant. */
  id: string | null;
  impact: string | null;
  urgency: string | null;
}

export interface SimulateJson extends EvaluationJson {
  /** Why the agreement applies, or why none does, in sentences (customer groups). */
  why?: string[];
  /** The request's site measuring it; null when the agreement measures in the site but the request has none. */
  site?: SiteJson | null;
  priority?: MatrixPriorityJson;
}

/** The evaluation at `at` as `simulate` prints it. */
export function toSimulateJson(bundle: ConfigBundle, timeline: Timeline, at: number): SimulateJson {
  const evaluation = evaluate(bundle, timeline, at);
  const { obligations, supplierObligations, next, ...head } = toEvaluationJson(evaluation);
  const { issue } = timeline;
  const agreement = evaluation.agreement === null ? undefined : bundle.agreements.find((a) => a.id === evaluation.agreement);
  const extras: Partial<SimulateJson> = {};
  if (usesGroups(bundle)) extras.why = explainAgreementChoice(bundle, issue, chooseAgreement(bundle, issue));
  if (agreement?.measureIn === 'site') {
    const site = siteOf(bundle, issue);
    extras.site = site && { id: site.id, timezone: site.timezone, calendar: site.calendar ?? null };
  }
  const matrix = agreement && matrixOf(bundle, agreement);
  if (matrix) {
    const state = priorityInForce(applyMatrix(timeline, matrix), at);
    extras.priority = { id: state.priority, impact: state.impact, urgency: state.urgency };
  }
  // Key order for people reading it: the agreement and why, then how it is measured, then the cycles.
  return {
    ...head,
    ...extras,
    obligations,
    ...(supplierObligations ? { supplierObligations } : {}),
    next,
  };
}
