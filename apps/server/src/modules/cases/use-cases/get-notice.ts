import { type CaseNotice } from '@tongban/contracts';
import { type Actor } from '../../../platform/access';
import { type Deps } from '../../../platform/app-types';
import { notFound } from '../../../platform/errors';
import { toNotice } from '../case-documents';
import { renderNoticeDocx, type NoticeContent } from '../case-notice';
import { queryCodeOf } from '../case-secrets';
import * as repo from '../cases.repository';
import { loadReadable } from './get-case-detail';

export async function getNotice(
  deps: Deps,
  actor: Actor,
  caseId: string,
  noticeId: string,
): Promise<CaseNotice> {
  const r = await loadReadable(deps, actor, caseId);
  const n = await repo.findNotice(deps.db, r.regionCode, noticeId);
  if (!n || n.caseId !== caseId) throw notFound('通知书', noticeId);
  return toNotice(n, queryCodeOf(deps, r));
}

export async function getNoticeDocx(deps: Deps, actor: Actor, caseId: string, noticeId: string) {
  const n = await getNotice(deps, actor, caseId, noticeId);
  return { notice: n, buffer: await renderNoticeDocx(n.content as NoticeContent) };
}
