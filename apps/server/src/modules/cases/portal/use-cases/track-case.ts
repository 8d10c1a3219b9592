import { CASE_STATUS_LABELS, type TrackInput } from '@tongban/contracts';
import { timingSafeEqual } from 'node:crypto';
import { type Deps } from '../../../../platform/app-types';
import { notFound } from '../../../../platform/errors';
import { toNotice } from '../../case-documents';
import { renderNoticeDocx, type NoticeContent } from '../../case-notice';
import { queryCodeHash, queryCodeOf } from '../../case-secrets';
import { JoinedRow, baseQuery, toSummary } from '../../case-views';
import { CasesError } from '../../cases.errors';
import * as repo from '../../cases.repository';
import * as licensesRepo from '../../licenses/licenses.repository';

/** What an unknown case number is compared against, so it costs what a wrong code costs. */
export const NO_CASE = { id: '00000000-0000-0000-0000-000000000000', queryCodeHash: '0'.repeat(64) };

/**
 * SEC-2: a case number and its 查询码. An unknown number, a case without a code and a wrong code
 * do the same work (one read by number, one keyed hash, one constant-time comparison) and answer
 * with the same 404: nothing to learn by guessing or timing.
 */
export async function trackedCase(deps: Deps, input: TrackInput) {
  const row = await repo.findCaseByNo(deps.db, input.caseNo);
  const expected = Buffer.from(row?.queryCodeHash ?? NO_CASE.queryCodeHash, 'hex');
  const given = Buffer.from(queryCodeHash(deps, row?.id ?? NO_CASE.id, input.queryCode), 'hex');
  const same = expected.length === given.length && timingSafeEqual(expected, given);
  if (!row || !row.queryCodeHash || !same) throw new CasesError('CASE_TRACK_NOT_FOUND');
  return row;
}

/** Tracking by case number + 查询码: status, clock, visits, notices and the license. */
export async function track(deps: Deps, input: TrackInput) {
  const row = await trackedCase(deps, input);
  const r = (await baseQuery(deps.db)
    .where('c.regionCode', '=', row.regionCode)
    .where('c.id', '=', row.id)
    .executeTakeFirstOrThrow()) as JoinedRow;
  const s = await toSummary(deps, r);
  const [notices, license] = await Promise.all([
    repo.listNotices(deps.db, row.regionCode, row.id),
    licensesRepo.findLicenseByCase(deps.db, row.regionCode, row.id),
  ]);
  return {
    caseNo: r.caseNo,
    itemName: r.itemName,
    departmentName: r.departmentName,
    status: r.status,
    statusLabel: CASE_STATUS_LABELS[r.status],
    stepName: s.stepName,
    receivedAt: s.receivedAt,
    clock: s.clock,
    visits: r.visits,
    maxVisits: r.maxVisits,
    suspended: r.suspended,
    delivery: s._state.delivery
      ? { method: s._state.delivery.method, trackingNo: s._state.delivery.trackingNo }
      : null,
    notices: notices.map((n) => toNotice(n, queryCodeOf(deps, row))),
    licenseId: license?.id ?? null,
    licenseVerifyToken: license?.verifyToken ?? null,
  };
}

export async function trackNoticeDocx(deps: Deps, input: TrackInput & { noticeId: string }) {
  const row = await trackedCase(deps, input);
  const n = await repo.findNotice(deps.db, row.regionCode, input.noticeId);
  if (!n || n.caseId !== row.id) throw notFound('通知书', input.noticeId);
  const notice = toNotice(n, queryCodeOf(deps, row));
  return { notice, buffer: await renderNoticeDocx(notice.content as NoticeContent) };
}
