import { checkAccess, type Actor } from '../../platform/access';
import { allowedCaseActions } from './cases.policy';
import { type CaseClock } from '@tongban/calendar';
import { type CaseDetail, type CaseSummary } from '@tongban/contracts';
import { type Deps } from '../../platform/app-types';
import { toApplicant } from './applicants/applicants';
import { type ApplicantRow } from './applicants/applicants.repository';
import { Calendars, backOfficeSteps, computeClock, summarizeClock } from './case-clock';
import { toNotice } from './case-documents';
import { iso, reviveState } from './case-state';
import { type CaseState } from './cases.policy';
import * as repo from './cases.repository';
import { type CaseRow, type EventRow, type MaterialRow, type NoticeRow } from './cases.repository';
import { toLicense } from './licenses/licenses';
import { type LicenseRow } from './licenses/licenses.repository';

// ── Reading ─────────────────────────────────────────────────────────────────

export const baseQuery = repo.selectCaseWithNames;
export type JoinedRow = CaseRow & {
  applicantName: string;
  applicantIdMasked: string;
  departmentName: string;
  itemName: string;
  maxVisits: number | null;
  steps: unknown;
  legalLimitDays: number | null;
  promisedLimitDays: number | null;
};

export async function toSummary(
  deps: Deps,
  r: JoinedRow,
  calendars?: Calendars,
): Promise<CaseSummary & { _clock: CaseClock | null; _state: CaseState }> {
  const state = reviveState(r.state);
  return summaryOf(r, state, await computeClock(deps, r.regionCode, state, r, calendars));
}

/** The summary from a joined row (or the same fields assembled in a transition) and its clock. */
export function summaryOf(r: JoinedRow, state: CaseState, clock: CaseClock | null) {
  const steps = backOfficeSteps(r.steps as string[]);
  return {
    id: r.id,
    caseNo: r.caseNo,
    regionCode: r.regionCode,
    itemId: r.itemId,
    itemVersionId: r.itemVersionId,
    itemName: r.itemName,
    departmentId: r.departmentId,
    departmentName: r.departmentName,
    applicantName: r.applicantName,
    applicantIdMasked: r.applicantIdMasked,
    channel: r.channel,
    status: r.status,
    stepIndex: r.stepIndex,
    stepName: r.status === 'accepted' ? (steps[r.stepIndex] ?? null) : null,
    assigneeId: r.assigneeId,
    // Issue 14 point 8: the 出件 list shows which cases are prepared, and how.
    deliveryMethod: state.delivery?.method ?? null,
    suspended: r.suspended,
    extensionStatus: r.extensionStatus,
    outcome: r.outcome,
    receivedAt: iso(r.receivedAt),
    visits: r.visits,
    maxVisits: r.maxVisits,
    version: r.version,
    clock: clock ? summarizeClock(clock) : null,
    _clock: clock,
    _state: state,
  };
}

export function strip<T extends { _clock: unknown; _state: unknown }>(s: T): Omit<T, '_clock' | '_state'> {
  const { _clock, _state, ...rest } = s;
  void _clock;
  void _state;
  return rest;
}

export type DetailParts = {
  applicant: ApplicantRow;
  agentName: string | null;
  materials: Omit<MaterialRow, 'id'>[];
  notices: NoticeRow[];
  events: Omit<EventRow, 'id' | 'regionCode' | 'caseId'>[];
  license: LicenseRow | undefined;
  queryCode: string | null;
  contact: { name: string; phoneMasked: string } | null;
  /** Asia/Shanghai date of the clock's now: a license past its validUntil shows as expired. */
  today: string;
  /** Who reads the detail: its allowedActions are theirs. */
  actor: Actor;
};

/** The detail of a case from its summary and parts (read back, or just written by intake). */
export function detailOf(
  s: ReturnType<typeof summaryOf>,
  r: Pick<JoinedRow, 'steps' | 'caseNo'>,
  {
    applicant,
    agentName,
    materials,
    notices,
    events,
    license,
    queryCode,
    contact,
    today,
    actor,
  }: DetailParts,
): CaseDetail {
  const state = s._state;
  return {
    ...strip(s),
    steps: backOfficeSteps(r.steps as string[]),
    agentName,
    applicant: toApplicant(applicant),
    materials: materials.map((m) => ({
      name: m.name,
      required: m.required,
      deferrable: m.deferrable,
      status: m.status,
      dueDate: m.dueDate,
      licenseId: m.licenseId,
      fileSha256: m.fileSha256,
      receivedAt: iso(m.receivedAt),
    })),
    notices: notices.map((n) => toNotice(n, queryCode)),
    events: events.map((e) => ({
      seq: e.seq,
      type: e.type,
      at: new Date(e.at).toISOString(),
      actorId: e.actorId,
      actorName: e.actorName,
      payload: e.payload as Record<string, unknown>,
    })),
    license: license ? toLicense(license, r.caseNo, today) : null,
    delivery: state.delivery
      ? {
          method: state.delivery.method,
          trackingNo: state.delivery.trackingNo,
          preparedAt: state.delivery.preparedAt.toISOString(),
        }
      : null,
    deliveredAt: iso(state.deliveredAt),
    deferredOutstanding: state.deferredOutstanding,
    clockDetail: s._clock,
    signers: Object.fromEntries(Object.entries(state.signers).map(([k, v]) => [k, v])),
    queryCode,
    contact,
    allowedActions: allowedCaseActions(
      {
        status: s.status,
        suspended: s.suspended,
        stepIndex: s.stepIndex,
        stepCount: backOfficeSteps(r.steps as string[]).length,
        extensionStatus: s.extensionStatus,
        deferredOutstanding: state.deferredOutstanding,
        hasLicense: license !== undefined,
        deliveryPrepared: state.delivery !== null,
      },
      (a) => checkAccess(actor, a),
    ),
  };
}
