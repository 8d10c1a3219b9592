// Reads of bundles (一件事) for the supervision module (电子监察, issue 16), exported from the index:
// no actor and no personal data (numbers, names of bundles and items, departments, dates only);
// supervision checks access itself.
import type { Executor } from '../../platform/db';

/** The branches of the open bundles of a region and below, oldest bundle first. */
export const listOpenBundleBranches = (db: Executor, regionLike: string) =>
  db
    .selectFrom('bundleCase as b')
    .innerJoin('bundleBranch as r', (j) =>
      j.onRef('r.regionCode', '=', 'b.regionCode').onRef('r.bundleCaseId', '=', 'b.id'),
    )
    .select([
      'b.id as bundleId',
      'b.bundleNo',
      'b.name',
      'b.regionCode',
      'b.receivedAt',
      'b.status as bundleStatus',
      'r.caseId',
      'r.caseNo',
      'r.departmentId',
      'r.departmentName',
      'r.itemName',
      'r.status',
      'r.acceptedAt',
      'r.pausedSince',
      'r.concludedAt',
    ])
    .where('b.regionCode', 'like', regionLike)
    .where('b.status', 'in', ['open', 'awaiting_choice'])
    .orderBy('b.receivedAt')
    .orderBy('r.caseNo')
    .limit(5000)
    .execute();

/** Bundles received in [from, to) in a region and below (withdrawn ones left out). */
export const listBundlesReceivedIn = (db: Executor, regionLike: string, from: Date, to: Date) =>
  db
    .selectFrom('bundleCase')
    .select(['id', 'bundleNo', 'name', 'regionCode', 'receivedAt', 'concludedAt', 'status'])
    .where('regionCode', 'like', regionLike)
    .where('receivedAt', '>=', from)
    .where('receivedAt', '<', to)
    .where('status', '<>', 'withdrawn')
    .orderBy('receivedAt')
    .limit(100_000)
    .execute();
