// Replays an issue's timeline against the bundle and returns its obligations at an instant (spec §3).
// Pure: the evaluation instant is an argument, calendars come compiled from a CalendarSet the caller may reuse.
import { actionsOf } from './actions';
import { selectAgreement, targetRowFor } from './agreement';
import { CalendarSet } from './calendar';
import { parseDuration } from './duration';
import { escalationRulesOf, type EscalationRule } from './escalation';
import { applyMatrix, matrixOf } from './matrix';
import { parkingStatusesOf, pauseOf, type ParkingStatuses } from './pause';
import { measuringCalendar, siteOf } from './site';
import { supplierById, supplierCalendar, supplierRowFor, usesSuppliers } from './supplier';
import type { Agreement, ConfigBundle, EscalationState, Evaluation, Goal, NextGoal, Obligation, PauseReason, Site, Timeline, TimelineEvent } from './types';

/** One escalation on one cycle while the replay is under way. */
interface Level {
  rule: EscalationRule;
  /** E: elapsed time that reaches it, from the cycle's current target; kept as it was once reached. */
  thresholdMs: number;
  reachedAt: number | null;
}

/** One cycle while the replay is under way. */
interface Cycle {
  goal: Goal;
  number: number;
  startedAt: number;
  endedAt: number | null;
  state: 'open' | 'completed' | 'cancelled';
  targetMs: number;
  calendar: string;
  elapsedMs: number;
  /** Elapsed time is counted up to this instant. */
  countedTo: number;
  /** The action that paused it, while paused by one. */
  pausedByAction: string | null;
  /** The instant elapsed time first reached the target; null while below it. */
  reachedAt: number | null;
  /** The goal's escalations, in the agreement's order. */
  levels: Level[];
}

/** What a replay needs to know about the issue as it stands after each event. */
interface IssueState {
  status: string | undefined;
  priority: string | undefined;
}

const byBundle = new WeakMap<ConfigBundle, CalendarSet>();
const byContent = new Map<string, CalendarSet>();
/** A long-lived function sees a handful of configurations; older compilations are dropped. */
const MAX_CACHED_CONTENTS = 4;

/**
 * The compiled calendars of a bundle. Compilation is the expensive part of an evaluation, and a Forge function
 * reads the bundle afresh from storage for every event, so compilations are also shared between equal
 * calendar definitions, not only between evaluations of the same bundle object.
 */
export function calendarsOf(bundle: ConfigBundle): CalendarSet {
  let set = byBundle.get(bundle);
  if (set) return set;
  const content = JSON.stringify([bundle.calendars, bundle.holidayCollections]);
  set = byContent.get(content);
  if (!set) {
    set = new CalendarSet(bundle.calendars, bundle.holidayCollections);
    if (byContent.size >= MAX_CACHED_CONTENTS) byContent.delete(byContent.keys().next().value as string);
    byContent.set(content, set);
  }
  byBundle.set(bundle, set);
  return set;
}

export function evaluate(bundle: ConfigBundle, timeline: Timeline, at: number): Evaluation {
  return evaluateAtEach(bundle, timeline, [at])[0]!;
}

/**
 * The evaluations at each of `instants` (ascending), from one replay: each is what `evaluate` gives at that instant.
 * A month's report needs the request as it stood at the month's end, for every month it spans; replaying once and
 * reading the result at each end costs one replay instead of one per month. Reading a result only counts the
 * running clocks up to that instant, which the next event would have done anyway.
 */
export function evaluateAtEach(bundle: ConfigBundle, timeline: Timeline, instants: readonly number[]): Evaluation[] {
  const { issue } = timeline;
  const agreement = selectAgreement(bundle, issue);
  if (!agreement) {
    const none: Evaluation = { issue: issue.key, agreement: null, obligations: [], next: null };
    return instants.map(() => (usesSuppliers(bundle) ? { ...none, supplierObligations: [] } : { ...none }));
  }
  // Impact and urgency answers become the priority changes they cause (§6); otherwise the same timeline.
  const replayed = applyMatrix(timeline, matrixOf(bundle, agreement));
  const site = agreement.measureIn === 'site' ? siteOf(bundle, issue) : null;
  const replay = new Replay(bundle, agreement, replayed, calendarsOf(bundle), site);
  const results: Evaluation[] = [];
  let next = 0;
  for (const at of instants) {
    if (results.length > 0 && at < instants[results.length - 1]!) throw new RangeError('evaluateAtEach needs ascending instants');
    while (next < replayed.events.length && replayed.events[next]!.at <= at) replay.apply(replayed.events[next++]!);
    results.push(replay.result(at));
  }
  return results;
}

class Replay {
  private readonly cycles: Cycle[] = [];
  private readonly open = new Map<string, Cycle>();
  /** Cycles started so far per goal: the next one's number. */
  private readonly started = new Map<string, number>();
  private readonly state: IssueState;
  private readonly parking: ParkingStatuses;
  private readonly escalations: ReadonlyMap<string, readonly EscalationRule[]>;

  constructor(
    private readonly bundle: ConfigBundle,
    private readonly agreement: Agreement,
    private readonly timeline: Timeline,
    private readonly calendars: CalendarSet,
    /** The request's site when the agreement measures in it (§6); null = the calendars as written. */
    private readonly site: Site | null,
  ) {
    this.state = { status: undefined, priority: timeline.issue.priority };
    this.parking = parkingStatusesOf(bundle.actionModels);
    this.escalations = escalationRulesOf(agreement);
  }

  apply(event: TimelineEvent): void {
    // Time up to the event is counted under the state before it.
    for (const cycle of this.open.values()) this.count(cycle, event.at);
    if (event.type === 'created' && event.status !== undefined) this.state.status = event.status;
    if (event.type === 'status') this.state.status = event.to;
    if (event.type === 'priority') this.changePriority(event.to, event.at);

    const actions = actionsOf(event, this.bundle.actions);
    if (actions.size === 0) return;
    for (const goal of this.bundle.goals) {
      const cycle = this.open.get(goal.id);
      if (cycle) {
        if (goal.cancel.some((a) => actions.has(a))) this.close(cycle, 'cancelled', event.at);
        else if (goal.stop.some((a) => actions.has(a))) this.close(cycle, 'completed', event.at);
      }
      if (!this.open.has(goal.id) && goal.start.some((a) => actions.has(a))) this.start(goal, event.at);
      const current = this.open.get(goal.id);
      if (current) {
        const pause = goal.pause.find((a) => actions.has(a));
        if (pause !== undefined) current.pausedByAction = pause;
        if (goal.resume.some((a) => actions.has(a))) current.pausedByAction = null;
      }
    }
  }

  result(at: number): Evaluation {
    for (const cycle of this.open.values()) this.count(cycle, at);
    const goalOrder = new Map(this.bundle.goals.map((g, i) => [g.id, i]));
    const sorted = [...this.cycles].sort(
      (a, b) => goalOrder.get(a.goal.id)! - goalOrder.get(b.goal.id)! || a.number - b.number,
    );
    const described = sorted.map((cycle) => this.describe(cycle, at));
    const obligations = described.filter((o) => o.supplier === undefined);
    const evaluation: Evaluation = { issue: this.timeline.issue.key, agreement: this.agreement.id, obligations, next: nextOf(obligations) };
    // A supplier's cycles stand apart: they never reach the customer's list, nor the customer's next goal.
    if (usesSuppliers(this.bundle)) evaluation.supplierObligations = described.filter((o) => o.supplier !== undefined);
    return evaluation;
  }

  /** The row measuring a goal at a priority, and the calendar (a key) it is measured on; undefined when none. */
  private measure(goal: Goal, priority: string | undefined): { target: string; calendar: string } | undefined {
    const requestType = this.timeline.issue.requestType;
    if (goal.supplier !== undefined) {
      const supplier = supplierById(this.bundle, goal.supplier);
      const row = supplier && supplierRowFor(supplier, goal, requestType, priority);
      if (!supplier || !row) return undefined;
      return { target: row.target, calendar: supplierCalendar(supplier, row) ?? this.agreement.calendar };
    }
    const row = targetRowFor(this.agreement, goal.id, requestType, priority);
    return row && { target: row.target, calendar: measuringCalendar(this.bundle, this.agreement, row.calendar, this.site) };
  }

  private start(goal: Goal, at: number): void {
    const measured = this.measure(goal, this.state.priority);
    if (!measured) return;
    const targetMs = parseDuration(measured.target) ?? 0;
    const number = (this.started.get(goal.id) ?? 0) + 1;
    this.started.set(goal.id, number);
    const cycle: Cycle = {
      goal,
      number,
      startedAt: at,
      endedAt: null,
      state: 'open',
      targetMs,
      calendar: measured.calendar,
      elapsedMs: 0,
      countedTo: at,
      pausedByAction: null,
      reachedAt: targetMs <= 0 ? at : null,
      levels: (this.escalations.get(goal.id) ?? []).map((rule) => {
        const thresholdMs = rule.thresholdFor(targetMs);
        // A threshold of nothing is reached as the cycle starts.
        return { rule, thresholdMs, reachedAt: thresholdMs <= 0 ? at : null };
      }),
    };
    this.cycles.push(cycle);
    this.open.set(goal.id, cycle);
  }

  private close(cycle: Cycle, state: 'completed' | 'cancelled', at: number): void {
    cycle.state = state;
    cycle.endedAt = at;
    this.open.delete(cycle.goal.id);
  }

  /** A new priority re-targets running cycles; elapsed time carries over in the calendar it was counted in. */
  private changePriority(priority: string, at: number): void {
    this.state.priority = priority;
    for (const cycle of this.open.values()) {
      const measured = this.measure(cycle.goal, priority);
      if (!measured) continue;
      cycle.targetMs = parseDuration(measured.target) ?? cycle.targetMs;
      cycle.calendar = measured.calendar;
      if (cycle.elapsedMs >= cycle.targetMs) cycle.reachedAt ??= at;
      else cycle.reachedAt = null;
      retarget(cycle, at);
    }
  }

  private pausedBy(cycle: Cycle): PauseReason | null {
    return pauseOf(cycle.pausedByAction, cycle.goal.actionModel, this.state.status, this.parking);
  }

  /** Counts the business time of [countedTo, to) when the cycle's clock runs. */
  private count(cycle: Cycle, to: number): void {
    if (to <= cycle.countedTo) return;
    if (this.pausedBy(cycle) === null) {
      const calendar = this.calendars.get(cycle.calendar);
      const before = cycle.elapsedMs;
      const after = before + calendar.between(cycle.countedTo, to);
      if (cycle.reachedAt === null && after >= cycle.targetMs) {
        cycle.reachedAt = calendar.add(cycle.countedTo, cycle.targetMs - before);
      }
      for (const level of cycle.levels) {
        // Unreached levels lie above `before`: the segment reaches them where it counts their remainder.
        if (level.reachedAt === null && after >= level.thresholdMs) level.reachedAt = calendar.add(cycle.countedTo, level.thresholdMs - before);
      }
      cycle.elapsedMs = after;
    }
    cycle.countedTo = to;
  }

  private describe(cycle: Cycle, at: number): Obligation {
    const breached = cycle.elapsedMs > cycle.targetMs;
    const breachedAt = breached ? cycle.reachedAt : null;
    const pausedBy = cycle.state === 'open' ? this.pausedBy(cycle) : null;
    const running = cycle.state === 'open' && pausedBy === null;
    let deadline: number | null = null;
    if (running) {
      deadline = breached ? breachedAt : this.calendars.get(cycle.calendar).add(at, cycle.targetMs - cycle.elapsedMs);
    }
    const { supplier } = cycle.goal;
    return {
      goal: cycle.goal.id,
      cycle: cycle.number,
      // A supplier's goal is never the customer's to see.
      internal: cycle.goal.internal || supplier !== undefined,
      state: cycle.state === 'open' ? (pausedBy === null ? 'running' : 'paused') : cycle.state,
      startedAt: cycle.startedAt,
      endedAt: cycle.endedAt,
      targetMs: cycle.targetMs,
      elapsedMs: cycle.elapsedMs,
      breached,
      breachedAt,
      reachedAt: cycle.elapsedMs >= cycle.targetMs ? cycle.reachedAt : null,
      deadline,
      calendar: cycle.calendar,
      pausedBy,
      escalations: cycle.levels.map((level) => this.escalationState(cycle, level, running, at)),
      ...(supplier !== undefined ? { supplier } : {}),
    };
  }

  /** A level not yet reached is due while the cycle runs: when the rest of its threshold will have been counted. */
  private escalationState(cycle: Cycle, level: Level, running: boolean, at: number): EscalationState {
    const dueAt = running && level.reachedAt === null ? this.calendars.get(cycle.calendar).add(at, level.thresholdMs - cycle.elapsedMs) : null;
    return { id: level.rule.id, reachedAt: level.reachedAt, dueAt };
  }
}

/**
 * A new target moves the thresholds of the levels not yet reached; one that falls to or below the time already
 * elapsed is reached at the change. Reached levels stay reached whatever the new target.
 */
function retarget(cycle: Cycle, at: number): void {
  for (const level of cycle.levels) {
    if (level.reachedAt !== null) continue;
    level.thresholdMs = level.rule.thresholdFor(cycle.targetMs);
    if (level.thresholdMs <= cycle.elapsedMs) level.reachedAt = at;
  }
}

/** The running cycle with the earliest deadline (ties: goal order); else the first paused one. */
export function nextOf(obligations: Obligation[]): NextGoal | null {
  let best: Obligation | null = null;
  for (const o of obligations) {
    if (o.state === 'running' && o.deadline !== null && (best === null || o.deadline < best.deadline!)) best = o;
  }
  best ??= obligations.find((o) => o.state === 'paused') ?? null;
  return best ? { goal: best.goal, cycle: best.cycle, deadline: best.deadline } : null;
}
