import { type Deps } from '../../../platform/app-types';
import { notFound } from '../../../platform/errors';
import * as repo from '../org.repository';

/**
 * 公示牌 of one hall: public, no sign-in. The public link names the hall's id alone: it is found in
 * any region (named in CROSS_REGION), then its board is read in its region.
 */
export async function getBoard(deps: Deps, hallId: string, today: string) {
  const hall = await repo.findHall(deps.db, hallId);
  if (!hall) throw notFound('大厅', hallId);
  return { hall, entries: await repo.listBoard(deps.db, hall.regionCode, hallId, today) };
}
