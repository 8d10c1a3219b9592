import { regionFree, type Executor } from '../../../platform/db';
import { keyIn, type CaseKey } from '../cases.repository';

/**
 * 我的办件 (issue 14, point 5): what the applicant's home lists. Reads the cases tables and the
 * pinned catalog item version's name (catalog_item_version, for the item's name only).
 */
export function listOnlineCasesOf(db: Executor, userId: string, limit: number) {
  return db
    .selectFrom('serviceCase as c')
    .innerJoin('catalogItemVersion as v', (j) =>
      j.onRef('v.regionCode', '=', 'c.regionCode').onRef('v.id', '=', 'c.itemVersionId'),
    )
    .select([
      'c.id',
      'c.regionCode',
      'c.caseNo',
      'c.status',
      'c.receivedAt',
      'c.queryCodeEnc',
      'v.name as itemName',
    ])
    .where('c.intakeBy', '=', userId)
    .where('c.channel', '=', 'online')
    .orderBy('c.createdAt', 'desc')
    .limit(limit)
    .modifyEnd(regionFree('cases.my-online-cases'))
    .execute();
}

/** The notices of several cases, oldest first. */
export function listNoticeHeadsOf(db: Executor, keys: readonly CaseKey[]) {
  return db
    .selectFrom('caseNotice')
    .select(['caseId', 'kind', 'noticeNo', 'issuedAt'])
    .where(keyIn('case_id', keys))
    .orderBy('issuedAt')
    .execute();
}

/** The e-licenses several cases issued (one at most each). */
export function listLicenseHeadsOf(db: Executor, keys: readonly CaseKey[]) {
  return db
    .selectFrom('license')
    .select(['caseId', 'typeName', 'verifyToken'])
    .where(keyIn('case_id', keys))
    .execute();
}
