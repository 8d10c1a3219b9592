import type { Executor } from '../../platform/db';
import { shanghaiToday } from '../../platform/time';
import { orgService } from '../org';

export type OnDutyStaff = { staffId: string; name: string; photo: string | null; staffNo: string | null };

/**
 * EVAL-3: the clerk on duty at a window. Until hall's presence lands (the lead switches this to
 * hall's `findOnDutyStaff` at merge), the staff registry decides: the person stationed at the window
 * today. The registry has no staff number yet: staffNo is null.
 */
export async function findOnDutyStaff(
  db: Executor,
  regionCode: string,
  windowId: string,
): Promise<OnDutyStaff | null> {
  const today = shanghaiToday(new Date());
  const staff = await orgService.listStaffOfWindow(db, windowId);
  const s = staff.find(
    (x) =>
      x.regionCode === regionCode &&
      String(x.stationedFrom) <= today &&
      (x.stationedUntil == null || String(x.stationedUntil) >= today),
  );
  return s ? { staffId: s.id, name: s.name, photo: s.photo ?? null, staffNo: null } : null;
}
