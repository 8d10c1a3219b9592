import { type Deps } from '../../../platform/app-types';
import { notFound } from '../../../platform/errors';
import * as repo from '../org.repository';

/** 公示牌 of one hall: public, no sign-in. */
export async function getBoard(deps: Deps, hallId: string, today: string) {
  const hall = await repo.findHall(deps.db, hallId);
  if (!hall) throw notFound('大厅', hallId);
  return { hall, entries: await repo.listBoard(deps.db, hallId, today) };
}
