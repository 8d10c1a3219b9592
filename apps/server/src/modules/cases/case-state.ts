import { type Executor } from '../../platform/db';
import { replayCase, type CaseEvent, type CaseState } from './cases.policy';
import * as repo from './cases.repository';
import { type EventRow } from './cases.repository';

export type DistributiveOmit<T, K extends keyof T> = T extends unknown ? Omit<T, K> : never;
export type NewCaseEvent = DistributiveOmit<CaseEvent, 'at' | 'actorId'>;

export const iso = (d: Date | string | null | undefined) => (d ? new Date(d).toISOString() : null);

// ── State (TRUTH-1) ─────────────────────────────────────────────────────────

/** The stored projection back into a CaseState (dates were written as ISO strings). */
export function reviveState(json: unknown): CaseState {
  const s = json as Record<string, unknown> & CaseState;
  const d = (v: unknown) => (v ? new Date(v as string) : null);
  return {
    ...s,
    receivedAt: d(s.receivedAt),
    acceptedAt: d(s.acceptedAt),
    supplementRequestedAt: d(s.supplementRequestedAt),
    decidedAt: d(s.decidedAt),
    deliveredAt: d(s.deliveredAt),
    suspension: s.suspension ? { ...s.suspension, start: new Date(s.suspension.start) } : null,
    suspensions: s.suspensions.map((x) => ({
      ...x,
      start: new Date(x.start),
      end: x.end ? new Date(x.end) : null,
    })),
    delivery: s.delivery ? { ...s.delivery, preparedAt: new Date(s.delivery.preparedAt) } : null,
  };
}

/** A stored event back into a CaseEvent. */
export function toCaseEvent(r: EventRow): CaseEvent {
  return { ...(r.payload as object), type: r.type, at: new Date(r.at), actorId: r.actorId } as CaseEvent;
}

/** TRUTH-1: the case as its events add up to (tests compare it with the stored projection). */
export async function replayFromEvents(db: Executor, regionCode: string, caseId: string): Promise<CaseState> {
  return replayCase((await repo.listEvents(db, regionCode, caseId)).map(toCaseEvent));
}

/** The columns of service_case that a state sets (the case-projection check compares them, TRUTH-1). */
export function projection(s: CaseState, now: Date) {
  return {
    status: s.status,
    stepIndex: s.stepIndex,
    assigneeId: s.assigneeId,
    suspended: s.suspension !== null,
    extensionStatus: s.extension?.status ?? null,
    outcome: s.outcome,
    licenseId: s.licenseId,
    receivedAt: s.receivedAt,
    acceptedAt: s.acceptedAt,
    decidedAt: s.decidedAt,
    deliveredAt: s.deliveredAt,
    visits: s.visits,
    version: s.version,
    state: JSON.stringify(s),
    updatedAt: now,
  };
}
