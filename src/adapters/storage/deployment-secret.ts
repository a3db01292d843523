// What authenticates deployment reports (formats.md §9.4): the site's secret, kept with the platform's secret
// storage (kvs.setSecret: encrypted, never returned by kvs.query), with the previous one while it still counts; and
// the ledger of nonces already used, so a captured request cannot be sent again. A nonce is kept for twice the time
// a signature is valid, then expires by itself.
import { randomBytes } from 'node:crypto';
import kvs from '@forge/kvs';
import { conditionFailed, stored } from './kvs-retry';

export interface DeploymentSecret {
  current: string;
  createdAt: number;
  /** The admin who made it. */
  createdBy: string;
  /** The secret it replaced, accepted until `previousUntil`. */
  previous?: string;
  previousUntil?: number;
}

/** The secret's key in the platform's secret storage. */
export const DEPLOYMENT_SECRET_KEY = 'deployment-report-secret';
/** After a rotation the previous secret signs for this long, so pipelines can be switched over. */
export const PREVIOUS_SECRET_MS = 3_600_000;
/** How long a nonce is remembered: longer than the window either side of now a timestamp may be in. */
const NONCE_MINUTES = 15;

export function readSecret(): Promise<DeploymentSecret | undefined> {
  return stored(() => kvs.getSecret<DeploymentSecret>(DEPLOYMENT_SECRET_KEY));
}

/** A new secret (shown once to the admin); the one it replaces keeps working for an hour. */
export async function rotateSecret(by: string, now: number): Promise<DeploymentSecret> {
  const old = await readSecret();
  const next: DeploymentSecret = {
    current: randomBytes(32).toString('hex'),
    createdAt: now,
    createdBy: by,
    ...(old ? { previous: old.current, previousUntil: now + PREVIOUS_SECRET_MS } : {}),
  };
  await stored(() => kvs.setSecret(DEPLOYMENT_SECRET_KEY, next));
  return next;
}

const nonceKey = (nonce: string): string => `deployment-nonce:${nonce}`;

export async function nonceUsed(nonce: string): Promise<boolean> {
  return (await stored(() => kvs.get<number>(nonceKey(nonce)))) !== undefined;
}

/** Remembers a nonce; false when another request used it first. */
export async function rememberNonce(nonce: string, now: number): Promise<boolean> {
  try {
    await stored(() => kvs.set(nonceKey(nonce), now, { keyPolicy: 'FAIL_IF_EXISTS', ttl: { value: NONCE_MINUTES, unit: 'MINUTES' } }));
    return true;
  } catch (error) {
    if (conditionFailed(error)) return false;
    throw error;
  }
}
