import type { Executor } from '../../platform/db';
import * as repo from './cases.repository';
import * as licensesRepo from './licenses/licenses.repository';

/** Whether any case exists yet (the demo seeds an empty database only). */
export async function hasAnyCase(db: Executor): Promise<boolean> {
  return (await repo.anyCase(db)) !== undefined;
}

/** Declares the e-license type an item issues on 准予 (its type code, name and validity). */
export async function declareLicenseType(
  db: Executor,
  t: { itemId: string; regionCode: string; typeCode: string; typeName: string; validYears: number | null },
): Promise<void> {
  await licensesRepo.insertLicenseType(db, t);
}
