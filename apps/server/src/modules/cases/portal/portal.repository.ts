import type { Insertable, Updateable } from 'kysely';
import { regionFree, type Executor } from '../../../platform/db';
import type { CaseDraftTable } from '../../../platform/db-types';

/** The case_draft table: the portal's drafts, found by the keyed hash of their token. */
export function findDraftByHash(db: Executor, tokenHash: string, forUpdate = false) {
  let q = db.selectFrom('caseDraft').selectAll().where('tokenHash', '=', tokenHash);
  if (forUpdate) q = q.forUpdate();
  return q.modifyEnd(regionFree('cases.draft-by-token')).executeTakeFirst();
}

/** The case a draft became, if it was submitted. */
export async function findDraftCaseId(db: Executor, draftId: string): Promise<string | null> {
  const d = await db
    .selectFrom('caseDraft')
    .select('caseId')
    .where('id', '=', draftId)
    .modifyEnd(regionFree('cases.draft-by-id'))
    .executeTakeFirst();
  return d?.caseId ?? null;
}

export function insertDraft(db: Executor, row: Insertable<CaseDraftTable>) {
  return db.insertInto('caseDraft').values(row).returningAll().executeTakeFirstOrThrow();
}

export function updateDraft(db: Executor, regionCode: string, id: string, patch: Updateable<CaseDraftTable>) {
  return db
    .updateTable('caseDraft')
    .set(patch)
    .where('regionCode', '=', regionCode)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The draft became a case: the write is sent with the intake's (one statement). */
export function markDraftSubmittedQuery(
  db: Executor,
  regionCode: string,
  id: string,
  caseId: string,
  now: Date,
) {
  return db
    .updateTable('caseDraft')
    .set({ caseId, updatedAt: now })
    .where('regionCode', '=', regionCode)
    .where('id', '=', id);
}
