import { type CaseDetail } from '@tongban/contracts';
import { assertAccess, checkAccess, type Actor } from '../../../platform/access';
import { type Deps } from '../../../platform/app-types';
import { notFound } from '../../../platform/errors';
import { shanghaiToday } from '../../../platform/time';
import * as applicantsRepo from '../applicants/applicants.repository';
import { assertCaseScope } from '../case-access';
import { caseRegionOf } from '../case-transition';
import { queryCodeOf } from '../case-secrets';
import { JoinedRow, baseQuery, detailOf, toSummary } from '../case-views';
import { caseScope } from '../cases.policy';
import * as repo from '../cases.repository';
import * as licensesRepo from '../licenses/licenses.repository';
import * as portalRepo from '../portal/portal.repository';

export async function loadReadable(deps: Deps, actor: Actor, caseId: string): Promise<JoinedRow> {
  assertAccess(actor, 'case.read');
  const region = await caseRegionOf(deps.db, caseId);
  const r = region
    ? ((await baseQuery(deps.db)
        .where('c.regionCode', '=', region)
        .where('c.id', '=', caseId)
        .executeTakeFirst()) as JoinedRow | undefined)
    : undefined;
  if (!r) throw notFound('办件', caseId);
  assertCaseScope(actor, caseId, r);
  return r;
}

/**
 * Whether the actor may read a case (GET /files: a case's materials are read by those who may read
 * the case, issue 12 point 4). The same role and scope rule as loadReadable.
 */
export async function mayReadCase(deps: Deps, actor: Actor, caseId: string): Promise<boolean> {
  if (!checkAccess(actor, 'case.read')) return false;
  const region = await caseRegionOf(deps.db, caseId);
  const row = region ? await repo.findCaseIn(deps.db, region, caseId) : undefined;
  return row !== undefined && caseScope(actor, row) === 'in_scope';
}

/** Online materials belong to their draft: readable by staff once it became a case they may read. */
export async function mayReadDraftCase(deps: Deps, actor: Actor, draftId: string): Promise<boolean> {
  const caseId = await portalRepo.findDraftCaseId(deps.db, draftId);
  return caseId ? mayReadCase(deps, actor, caseId) : false;
}

export async function getDetail(deps: Deps, actor: Actor, caseId: string): Promise<CaseDetail> {
  const r = await loadReadable(deps, actor, caseId);
  const s = await toSummary(deps, r);
  const db = deps.db;
  const [applicant, agent, materials, notices, events, license] = await Promise.all([
    applicantsRepo.findApplicant(db, r.regionCode, r.applicantId),
    r.agentId ? applicantsRepo.findApplicant(db, r.regionCode, r.agentId) : Promise.resolve(undefined),
    repo.listMaterials(db, r.regionCode, r.id),
    repo.listNotices(db, r.regionCode, r.id),
    repo.listEvents(db, r.regionCode, r.id),
    licensesRepo.findLicenseByCase(db, r.regionCode, r.id),
  ]);
  return detailOf(s, r, {
    applicant: applicant!,
    agentName: agent?.name ?? null,
    materials,
    notices,
    events,
    license,
    queryCode: queryCodeOf(deps, r),
    contact:
      r.contactName && r.contactPhoneMasked
        ? { name: r.contactName, phoneMasked: r.contactPhoneMasked }
        : null,
    today: shanghaiToday(deps.clock.now()),
    actor,
  });
}
