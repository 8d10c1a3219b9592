import type { Insertable, Selectable } from 'kysely';
import { regionFree, type Executor } from '../../../platform/db';
import { fixedStatement } from '../../../platform/fixed-statement';
import type { LicenseTable } from '../../../platform/db-types';

/** The license table: e-licenses, issued only as a case's result. */
export type LicenseRow = Selectable<LicenseTable>;

export function findLicense(db: Executor, regionCode: string, id: string) {
  return db
    .selectFrom('license')
    .selectAll()
    .where('regionCode', '=', regionCode)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** SEC-2: the public finds a license only by its random verification token. */
export function findLicenseByToken(db: Executor, token: string) {
  return db
    .selectFrom('license')
    .selectAll()
    .where('verifyToken', '=', token)
    .modifyEnd(regionFree('cases.license-by-token'))
    .executeTakeFirst();
}

export function findLicenseByCase(db: Executor, regionCode: string, caseId: string) {
  return db
    .selectFrom('license')
    .selectAll()
    .where('regionCode', '=', regionCode)
    .where('caseId', '=', caseId)
    .executeTakeFirst();
}

/** 免提交: a valid license of this type held by the applicant. */
export function findHeldLicense(
  db: Executor,
  regionCode: string,
  holderId: string,
  typeCode: string,
  today: string,
) {
  return db
    .selectFrom('license')
    .select('id')
    .where('regionCode', '=', regionCode)
    .where('holderApplicantId', '=', holderId)
    .where('typeCode', '=', typeCode)
    .where('status', '=', 'valid')
    .where((eb) => eb.or([eb('validUntil', 'is', null), eb('validUntil', '>=', today)]))
    .orderBy('issuedAt', 'desc')
    .executeTakeFirst();
}

export function insertLicense(db: Executor, row: Insertable<LicenseTable>) {
  return fixedStatement('cases.license', [row], [], ([r]) =>
    db.insertInto('license').values(r as typeof row),
  );
}

/** The e-license type an item issues on 准予 (case_license_type). */
export function insertLicenseType(
  db: Executor,
  row: { itemId: string; regionCode: string; typeCode: string; typeName: string; validYears: number | null },
) {
  return db.insertInto('caseLicenseType').values(row).execute();
}
