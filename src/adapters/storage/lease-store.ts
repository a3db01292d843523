// A lease: who may run a singleton job (the breach watch) until when. Scheduled runs can overlap on Forge; taking
// the lease is one conditional write, so two runs never work the same queue at once, and a run that died leaves a
// lease that simply expires.
import kvs, { Filter, FilterConditions } from '@forge/kvs';
import { ENTITY } from './entities';
import { conditionFailed, stored } from './kvs-retry';

export interface Lease {
  holder: string;
  expiresAt: number;
}

const leases = () => kvs.entity<Lease>(ENTITY.lease);

/** Takes the lease `name` for `holder` until `expiresAt`, unless another holder has it and it has not expired. */
export async function takeLease(name: string, holder: string, now: number, expiresAt: number): Promise<boolean> {
  const lease: Lease = { holder, expiresAt };
  try {
    const current = await stored(() => leases().get(name));
    if (current === undefined) {
      await stored(() => leases().set(name, lease, { keyPolicy: 'FAIL_IF_EXISTS' }));
      return true;
    }
    if (current.holder !== holder && current.expiresAt > now) return false;
    // Replace exactly the lease that was read: another run taking it meanwhile makes this fail.
    const same = new Filter<Lease>().and('holder', FilterConditions.equalTo(current.holder)).and('expiresAt', FilterConditions.equalTo(current.expiresAt));
    await stored(() => kvs.transact().set(name, lease, { entityName: ENTITY.lease, conditions: same }).execute());
    return true;
  } catch (error) {
    if (conditionFailed(error)) return false;
    throw error;
  }
}

/** Gives the lease back, if this holder still has it. */
export async function releaseLease(name: string, holder: string): Promise<void> {
  const mine = new Filter<Lease>().and('holder', FilterConditions.equalTo(holder));
  try {
    await stored(() => kvs.transact().delete(name, { entityName: ENTITY.lease, conditions: mine }).execute());
  } catch (error) {
    if (!conditionFailed(error)) throw error;
  }
}
