import type { Executor } from '../../platform/db';
import { findOnDutyStaff as findSignedIn, onDutyPresenceQuery } from '../hall';

export { onDutyPresenceQuery };

export type OnDutyStaff = { staffId: string; name: string; photo: string | null; staffNo: string | null };

/**
 * EVAL-3: the clerk on duty at a window is whoever signed in there at the hall's console (hall's
 * presence), never the registry's idea of who should be there: a pad rating while nobody is signed
 * in is flagged as rating an unstaffed window.
 */
export async function findOnDutyStaff(
  db: Executor,
  regionCode: string,
  windowId: string,
): Promise<OnDutyStaff | null> {
  return findSignedIn(db, regionCode, windowId);
}
