// "Why this agreement applies" (§6): the choice of agreement.ts, with every agreement of the customer and of its
// groups and the reason each one does or does not apply, then the same in sentences for the issue panel.
// selectAgreement stays the fast path (reports run it per request); a property test keeps the two equal.
import { isValidAt, localDate } from './agreement';
import { customerById, lineageOf } from './customer-group';
import type { Agreement, CalendarDate, ConfigBundle, TimelineIssue } from './types';

export type Verdict =
  | { kind: 'applies' }
  | { kind: 'environment' }
  | { kind: 'product' }
  | { kind: 'validity'; date: CalendarDate }
  /** Its calendar is unknown (only in bundles that did not validate). */
  | { kind: 'calendar' }
  /** It matches, but another does too and wins: one naming products, one listed earlier, or a nearer customer's. */
  | { kind: 'outranked'; by: Agreement; why: 'names-products' | 'listed-earlier' | 'nearer' };

export interface ConsideredAgreement {
  agreement: Agreement;
  verdict: Verdict;
}

export interface AgreementChoice {
  agreement: Agreement | null;
  /** The issue's customer, then its groups, nearest first; empty when the issue names no customer. */
  lineage: readonly string[];
  /** The customer whose agreement applies: the issue's own customer or one of its groups; null when none does. */
  from: string | null;
  /** Every agreement of the lineage's customers, nearest customer first, then in bundle order. */
  considered: ConsideredAgreement[];
}

type Mismatch = Exclude<Verdict, { kind: 'applies' } | { kind: 'outranked' }>;

function mismatchOf(bundle: ConfigBundle, agreement: Agreement, issue: TimelineIssue): Mismatch | null {
  if (agreement.environment !== issue.environment) return { kind: 'environment' };
  if (agreement.products.length > 0 && (issue.product === undefined || !agreement.products.includes(issue.product))) return { kind: 'product' };
  const calendar = bundle.calendars.find((c) => c.id === agreement.calendar);
  if (!calendar) return { kind: 'calendar' };
  if (!isValidAt(agreement, issue.created, calendar.timezone)) return { kind: 'validity', date: localDate(issue.created, calendar.timezone) };
  return null;
}

/** The agreement that applies and why, agreement by agreement (the same choice as `selectAgreement`). */
export function chooseAgreement(bundle: ConfigBundle, issue: TimelineIssue): AgreementChoice {
  if (issue.customer === undefined) return { agreement: null, lineage: [], from: null, considered: [] };
  const lineage = lineageOf(bundle, issue.customer);
  const considered: ConsideredAgreement[] = [];
  let chosen: Agreement | null = null;
  let from: string | null = null;
  for (const customer of lineage) {
    const own = bundle.agreements.filter((a) => a.customer === customer);
    const verdicts = own.map((agreement) => ({ agreement, mismatch: mismatchOf(bundle, agreement, issue) }));
    const matching = verdicts.filter((v) => v.mismatch === null).map((v) => v.agreement);
    const winner: Agreement | null = chosen === null ? (matching.find((a) => a.products.length > 0) ?? matching[0] ?? null) : null;
    for (const { agreement, mismatch } of verdicts) {
      if (mismatch !== null) considered.push({ agreement, verdict: mismatch });
      else if (agreement === winner) considered.push({ agreement, verdict: { kind: 'applies' } });
      else if (chosen !== null) considered.push({ agreement, verdict: { kind: 'outranked', by: chosen, why: 'nearer' } });
      else {
        const why = winner!.products.length > 0 && agreement.products.length === 0 ? 'names-products' : 'listed-earlier';
        considered.push({ agreement, verdict: { kind: 'outranked', by: winner!, why } });
      }
    }
    if (winner !== null) {
      chosen = winner;
      from = customer;
    }
  }
  return { agreement: chosen, lineage, from, considered };
}

function customerName(bundle: ConfigBundle, id: string): string {
  const name = customerById(bundle, id)?.name;
  return name === undefined ? id : `${name} (${id})`;
}

function possessive(bundle: ConfigBundle, id: string): string {
  return `${customerById(bundle, id)?.name ?? id}'s`;
}

function joinAnd(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)!}`;
}

function validity(agreement: Agreement): string {
  return agreement.validTo === null ? `valid from ${agreement.validFrom} on` : `valid from ${agreement.validFrom} until ${agreement.validTo}`;
}

function scope(agreement: Agreement, issue: TimelineIssue): string {
  const product = agreement.products.length > 0 ? (issue.product ?? '') : 'every product';
  return `for ${agreement.environment} and ${product}`;
}

function verdictText(bundle: ConfigBundle, issue: TimelineIssue, choice: AgreementChoice, { agreement, verdict }: ConsideredAgreement): string {
  const subject = `${agreement.id} does not apply`;
  switch (verdict.kind) {
    case 'applies':
      return appliesText(bundle, issue, choice, agreement);
    case 'environment':
      return issue.environment === undefined
        ? `${subject}: it is for ${agreement.environment} and the request names no environment.`
        : `${subject}: it is for ${agreement.environment}, not ${issue.environment}.`;
    case 'product':
      return issue.product === undefined
        ? `${subject}: it covers ${joinAnd(agreement.products)} and the request names no product.`
        : `${subject}: it covers ${joinAnd(agreement.products)}, not ${issue.product}.`;
    case 'validity':
      return `${subject}: it is ${validity(agreement)}, not on ${verdict.date}.`;
    case 'calendar':
      return `${subject}: its calendar ${agreement.calendar} is unknown.`;
    case 'outranked':
      if (verdict.why === 'names-products') return `${subject}: ${verdict.by.id} also matches and names the product.`;
      if (verdict.why === 'listed-earlier') return `${subject}: ${verdict.by.id} also matches and is listed first.`;
      return choice.from === issue.customer
        ? `${subject}: ${possessive(bundle, choice.from!)} own agreement ${verdict.by.id} applies (a member's own agreement wins over its group's).`
        : `${subject}: the nearer group ${possessive(bundle, choice.from!)} agreement ${verdict.by.id} applies.`;
  }
}

function appliesText(bundle: ConfigBundle, issue: TimelineIssue, choice: AgreementChoice, agreement: Agreement): string {
  const calendar = bundle.calendars.find((c) => c.id === agreement.calendar);
  const date = calendar ? `, valid on ${localDate(issue.created, calendar.timezone)}` : '';
  const renews = agreement.renews === undefined ? '' : ` (it renews ${agreement.renews})`;
  if (choice.from === issue.customer) {
    return `${agreement.id} applies: it is ${possessive(bundle, choice.from!)} own agreement ${scope(agreement, issue)}${date}${renews}.`;
  }
  const nearer = choice.lineage.slice(0, choice.lineage.indexOf(choice.from!)).map((id) => customerName(bundle, id));
  const none = nearer.length > 1 ? `${joinAnd(nearer)} have no matching agreement of their own` : `${nearer[0]!} has no matching agreement of its own`;
  return `${agreement.id} applies: inherited from the group ${customerName(bundle, choice.from!)}, ${scope(agreement, issue)}${date}${renews}; ${none}.`;
}

/** The choice in sentences, for the issue panel and `simulate`: the lineage, the agreement that applies, then the others. */
export function explainAgreementChoice(bundle: ConfigBundle, issue: TimelineIssue, choice: AgreementChoice): string[] {
  if (issue.customer === undefined) return ['No agreement applies: the request names no customer.'];
  const lines: string[] = [];
  if (choice.lineage.length > 1) {
    const [member, ...groups] = choice.lineage.map((id) => customerName(bundle, id));
    lines.push(`${member!} belongs to ${groups.join(', which belongs to ')}.`);
  }
  const applies = choice.considered.find((c) => c.verdict.kind === 'applies');
  if (applies) lines.push(verdictText(bundle, issue, choice, applies));
  else {
    const who = customerName(bundle, issue.customer);
    const none = choice.lineage.length > 1 ? `neither ${who} nor its groups have one` : `${who} has none`;
    lines.push(`No agreement applies: ${none} matching the request's environment, product and creation date.`);
  }
  for (const considered of choice.considered) if (considered !== applies) lines.push(verdictText(bundle, issue, choice, considered));
  return lines;
}
