// A reported deployment (formats.md §9.3), checked against the bundle: the same rules whether an admin types it, a
// CSV row carries it or a pipeline posts it. The customer, environment and product must be ones the bundle lists
// (the registry holds nothing else), the version must read as a version (§9.1), and the deployed-at instant, when
// given, must be an ISO-8601 instant with an offset that is not in the future. Every mistake is named by its field.
import { parseInstant } from '../engine/instant';
import type { ConfigBundle } from '../engine/types';
import { parseVersion, versionSortKey } from '../engine/version';
import { describeValue } from './issues';
import { nearestName } from './nearest-name';

/** The fields of a deployment report, in the order they are checked and named. */
export const DEPLOYMENT_FIELDS = ['customer', 'environment', 'product', 'version', 'deployedAt'] as const;
export type DeploymentField = (typeof DEPLOYMENT_FIELDS)[number];

/** A pipeline's clock may run a little ahead of the site's: this much is not "the future". */
export const CLOCK_SKEW_MS = 5 * 60_000;

export interface CheckedDeployment {
  customer: string;
  environment: string;
  product: string;
  /** The version as written (leading zeros and build metadata kept, so history shows what was reported). */
  version: string;
  versionKey: string;
  deployedAt: number;
  /** Whether deployedAt was given, or is the instant the report was received. */
  deployedAtGiven: boolean;
}

export interface FieldIssue {
  field: DeploymentField;
  message: string;
}

export type CheckedInput = { ok: true; value: CheckedDeployment } | { ok: false; issues: FieldIssue[] };

function known(noun: string, value: string, names: readonly string[]): string {
  const near = nearestName(value, names);
  if (near !== undefined) return `unknown ${noun} ${JSON.stringify(value)}; did you mean ${JSON.stringify(near)}?`;
  return names.length === 0 ? `unknown ${noun} ${JSON.stringify(value)}; there are none` : `unknown ${noun} ${JSON.stringify(value)}; expected one of ${names.join(', ')}`;
}

function text(value: unknown, field: DeploymentField, issues: FieldIssue[]): string | undefined {
  if (value === undefined || value === null || value === '') {
    issues.push({ field, message: 'required' });
    return undefined;
  }
  if (typeof value !== 'string') {
    issues.push({ field, message: `expected text, got ${describeValue(value)}` });
    return undefined;
  }
  return value;
}

/** Checks that the customer, environment and product name one product of a customer environment of the bundle. */
export function checkTarget(bundle: ConfigBundle, fields: Readonly<Record<string, unknown>>, issues: FieldIssue[]): { customer: string; environment: string; product: string } | undefined {
  const customerId = text(fields.customer, 'customer', issues);
  const environmentName = text(fields.environment, 'environment', issues);
  const productName = text(fields.product, 'product', issues);
  const customer = customerId === undefined ? undefined : bundle.customers.find((c) => c.id === customerId);
  if (customerId !== undefined && customer === undefined) issues.push({ field: 'customer', message: known('customer', customerId, bundle.customers.map((c) => c.id)) });
  const environment = customer && environmentName !== undefined ? customer.environments.find((e) => e.name === environmentName) : undefined;
  if (customer && environmentName !== undefined && environment === undefined) {
    issues.push({ field: 'environment', message: known(`environment of ${customer.id}`, environmentName, customer.environments.map((e) => e.name)) });
  }
  const product = environment && productName !== undefined ? environment.products.find((p) => p.name === productName) : undefined;
  if (environment && productName !== undefined && product === undefined) {
    issues.push({ field: 'product', message: known(`product of ${customer!.id} ${environment.name}`, productName, environment.products.map((p) => p.name)) });
  }
  return customer && environment && product ? { customer: customer.id, environment: environment.name, product: product.name } : undefined;
}

/** Checks one report's fields; `now` is when it was received (the deployed-at instant when none is given). */
export function checkDeployment(bundle: ConfigBundle, fields: Readonly<Record<string, unknown>>, now: number): CheckedInput {
  const issues: FieldIssue[] = [];
  const target = checkTarget(bundle, fields, issues);
  const versionText = text(fields.version, 'version', issues);

  const version = versionText === undefined ? undefined : parseVersion(versionText);
  if (version && !version.ok) issues.push({ field: 'version', message: version.reason });

  let deployedAt = now;
  const given = fields.deployedAt !== undefined && fields.deployedAt !== null && fields.deployedAt !== '';
  if (given) {
    const instant = typeof fields.deployedAt === 'string' ? parseInstant(fields.deployedAt) : undefined;
    if (instant === undefined) {
      issues.push({ field: 'deployedAt', message: `expected an ISO-8601 instant with an offset, such as 2026-12-04T09:30:00+01:00, got ${describeValue(fields.deployedAt)}` });
    } else if (instant > now + CLOCK_SKEW_MS) {
      issues.push({ field: 'deployedAt', message: `${String(fields.deployedAt)} is in the future; a deployment is reported once it has happened` });
    } else {
      deployedAt = instant;
    }
  }

  if (issues.length > 0 || !version?.ok || target === undefined) return { ok: false, issues };
  return { ok: true, value: { ...target, version: versionText!, versionKey: versionSortKey(version.version), deployedAt, deployedAtGiven: given } };
}
