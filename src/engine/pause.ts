// Pause: when a cycle's clock stands still (spec §3). Either a goal's pause action paused it ("customer asked to
// wait") until a resume action, or the issue sits in a status its goal's action model parks the clock in
// ("Waiting for customer").
import { sameStatus } from './actions';
import type { ActionModel, PauseReason } from './types';

/** Parking statuses per action model id. */
export type ParkingStatuses = ReadonlyMap<string, readonly string[]>;

export function parkingStatusesOf(actionModels: readonly ActionModel[]): ParkingStatuses {
  return new Map(actionModels.map((m) => [m.id, m.pauseInStatuses]));
}

/** Why a cycle of a goal with this action model is paused now, or null when its clock runs. */
export function pauseOf(pausedByAction: string | null, actionModel: string, status: string | undefined, parking: ParkingStatuses): PauseReason | null {
  if (pausedByAction !== null) return { kind: 'action', action: pausedByAction };
  if (status === undefined) return null;
  return (parking.get(actionModel) ?? []).some((s) => sameStatus(s, status)) ? { kind: 'status', status } : null;
}
