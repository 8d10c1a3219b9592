import type { Compilable, Insertable, Selectable } from 'kysely';
import { regionFree, type Executor } from '../../../platform/db';
import { fixedStatement } from '../../../platform/fixed-statement';
import type { ApplicantTable } from '../../../platform/db-types';

/** The applicant table (ID-1: identity numbers and phones SM4-encrypted, found by keyed hash). */
export type ApplicantRow = Selectable<ApplicantTable>;

function findApplicantBuilder(db: Executor, regionCode: string, id: string) {
  return db.selectFrom('applicant').selectAll().where('regionCode', '=', regionCode).where('id', '=', id);
}

export function findApplicantQuery(db: Executor, regionCode: string, id: string): Compilable<ApplicantRow> {
  return fixedStatement('cases.applicant', [], [regionCode, id], (_, [r, i]) =>
    findApplicantBuilder(db, r as string, i as string),
  );
}

export function findApplicant(db: Executor, regionCode: string, id: string) {
  return findApplicantBuilder(db, regionCode, id).executeTakeFirst();
}

/** An applicant known by the id alone (GET /api/applicants/:id; region-free, named). */
export function findApplicantAnywhere(db: Executor, id: string) {
  return db
    .selectFrom('applicant')
    .selectAll()
    .where('id', '=', id)
    .modifyEnd(regionFree('cases.applicant-by-id'))
    .executeTakeFirst();
}

export function findApplicantByHash(db: Executor, regionCode: string, hash: string) {
  return db
    .selectFrom('applicant')
    .selectAll()
    .where('regionCode', '=', regionCode)
    .where('idNumberHash', '=', hash)
    .executeTakeFirst();
}

export function insertApplicant(db: Executor, row: Insertable<ApplicantTable>) {
  return db.insertInto('applicant').values(row).returningAll().executeTakeFirstOrThrow();
}

/** Some applicant of a region (the demo files a case for one). */
export function findAnyApplicantIn(db: Executor, regionCode: string) {
  return db
    .selectFrom('applicant')
    .select('id')
    .where('regionCode', '=', regionCode)
    .limit(1)
    .executeTakeFirst();
}
