import { CASE_STATUS_LABELS, NOTICE_KIND_LABELS, type MyCases } from '@tongban/contracts';
import type { Actor } from '../../../../platform/access';
import type { Deps } from '../../../../platform/app-types';
import { sm4Decrypt } from '../../../../platform/crypto';
import { forbidden } from '../../../../platform/errors';
import { findRegionName } from '../../../org';
import { listLicenseHeadsOf, listNoticeHeadsOf, listOnlineCasesOf } from '../portal.read-model';

const iso = (d: Date | string) => new Date(d).toISOString();

/**
 * 我的办件 (issue 14, point 5): the cases a signed-in applicant filed online under their account
 * (intake_by is their user), newest first, with notices and the license; the region by its name.
 * Only the applicant role has this view: staff read cases through their own lists.
 */
export async function listMyCases(deps: Deps, actor: Actor): Promise<MyCases> {
  if (actor.role !== 'applicant' || !actor.userId) throw forbidden('仅申请人账号可查看“我的办件”');
  const [regionName, rows] = await Promise.all([
    findRegionName(deps.db, actor.regionCode),
    listOnlineCasesOf(deps.db, actor.userId, 50),
  ]);
  const keys = rows.map((r) => ({ regionCode: r.regionCode, id: r.id }));
  const [notices, licenses] = keys.length
    ? await Promise.all([listNoticeHeadsOf(deps.db, keys), listLicenseHeadsOf(deps.db, keys)])
    : [[], []];
  return {
    regionCode: actor.regionCode,
    regionName: regionName ?? actor.regionCode,
    items: rows.map((r) => {
      const lic = licenses.find((l) => l.caseId === r.id);
      return {
        id: r.id,
        caseNo: r.caseNo,
        queryCode: r.queryCodeEnc ? sm4Decrypt(deps.config.secrets.sm4Key, r.queryCodeEnc) : '',
        itemName: r.itemName,
        status: r.status,
        statusLabel: CASE_STATUS_LABELS[r.status],
        receivedAt: r.receivedAt ? iso(r.receivedAt) : null,
        notices: notices
          .filter((n) => n.caseId === r.id)
          .map((n) => ({
            kind: n.kind,
            kindLabel: NOTICE_KIND_LABELS[n.kind],
            noticeNo: n.noticeNo,
            issuedAt: iso(n.issuedAt),
          })),
        license: lic ? { typeName: lic.typeName, verifyToken: lic.verifyToken } : null,
      };
    }),
  };
}
