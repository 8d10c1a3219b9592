import type { Executor } from '../../platform/db';
import * as applicantsRepo from './applicants/applicants.repository';
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

/** The id of some applicant of a region, if any (the demo files a case for one). */
export async function findSomeApplicantId(db: Executor, regionCode: string): Promise<string | undefined> {
  return (await applicantsRepo.findAnyApplicantIn(db, regionCode))?.id;
}
