import { toShanghaiDate } from '@tongban/calendar';
import { listUserIdsByRole } from '../../auth';
import { getCalendar } from '../../calendar';
import type { Deps } from '../../../platform/app-types';
import type { Executor } from '../../../platform/db';
import { TradingError } from '../trading.errors';
import * as repo from '../trading.repository';

export const shanghaiDay = (d: Date) => toShanghaiDate(d);

export async function getProjectOrThrow(db: Executor, regionCode: string, id: string, lock = false) {
  const p = await repo.findProject(db, regionCode, id, lock);
  if (!p) throw new TradingError('TRADING_PROJECT_NOT_FOUND');
  return p;
}

export async function regionCalendar(deps: Deps, regionCode: string, db: Executor) {
  try {
    return await getCalendar(deps, regionCode, db);
  } catch {
    throw new TradingError('TRADING_CALENDAR_MISSING');
  }
}

export const supervisorsOf = (db: Executor, regionCode: string) =>
  listUserIdsByRole(db, { regionCode, role: 'supervisor' });
