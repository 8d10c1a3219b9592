import * as portalRepo from '../portal.repository';
import {
  CASE_STATUS_LABELS,
  type CaseDetail,
  type PublicSubmit,
  type PublicSubmitResult,
} from '@tongban/contracts';
import { type Actor } from '../../../../platform/access';
import { type Deps } from '../../../../platform/app-types';
import { findOrRegisterApplicant } from '../../applicants/applicants';
import { Submission, intake, withIdempotency } from '../../case-intake';
import { queryCodeOf } from '../../case-secrets';
import { iso } from '../../case-state';
import { CasesError } from '../../cases.errors';
import { caseRegionOf } from '../../case-transition';
import * as repo from '../../cases.repository';
import { type CaseRow } from '../../cases.repository';
import { missingMessage, onlineMaterialGaps } from './check-online-materials';
import { DraftFile, draftOrThrow, publishedForPortal } from '../drafts';

/** Online application from a draft: the applicant is found by number (or registered), the case received. */
export async function submitOnline(deps: Deps, actor: Actor, input: PublicSubmit, idempotencyKey?: string) {
  const peek = await draftOrThrow(deps, deps.db, input.draftToken);
  const item = await publishedForPortal(deps, peek.itemId);
  const { caseId, replayed, value } = await withIdempotency(
    deps,
    'public',
    idempotencyKey,
    input,
    () => [] as const,
    async (tx): Promise<Submission<CaseDetail>> => {
      const d = await draftOrThrow(deps, tx, input.draftToken, true);
      // A draft makes one case: submitting it again returns that case.
      if (d.caseId) return { caseId: d.caseId, writes: [] };
      // ACC-1 at the portal (issue 14, point 2): nothing required may be missing when it is filed.
      const gaps = await onlineMaterialGaps(deps, tx, item, d.files as DraftFile[], input.applicant);
      if (gaps.missing.length)
        throw new CasesError('CASE_MATERIALS_MISSING', missingMessage(gaps), { missing: gaps.missing });
      const region = item.regionCode.slice(0, 6);
      const applicant = await findOrRegisterApplicant(deps, tx, region, input.applicant);
      const agent = input.agent ? await findOrRegisterApplicant(deps, tx, region, input.agent) : null;
      // SEC-1: who filed online is reached at what they typed; an agent files for the applicant.
      const given = input.agent ?? input.applicant;
      const contact = {
        name: given.kind === 'enterprise' ? given.contactName : given.name,
        phone: given.phone,
      };
      const files = d.files as DraftFile[];
      const made = await intake(
        deps,
        tx,
        { ...actor, regionCode: item.regionCode },
        {
          item,
          applicant,
          agent,
          channel: 'online',
          contact,
          materials: new Map(
            files.map((f) => [f.materialName, { status: 'provided' as const, fileSha256: f.sha256 }]),
          ),
        },
      );
      made.writes.push(
        portalRepo.markDraftSubmittedQuery(tx, d.regionCode, d.id, made.caseId, deps.clock.now()),
      );
      return made;
    },
  );
  // A replay (same key, or the same draft again) answers with the same case and its 查询码: only
  // the holder of the draft token or of the key's request can ask.
  const made = value ?? (await repo.findCaseIn(deps.db, (await caseRegionOf(deps.db, caseId))!, caseId))!;
  const queryCode = value ? value.queryCode : queryCodeOf(deps, made as CaseRow);
  const result: PublicSubmitResult = {
    caseNo: made.caseNo,
    queryCode: queryCode ?? '',
    status: made.status,
    statusLabel: CASE_STATUS_LABELS[made.status],
    itemName: item.name,
    receivedAt: iso(made.receivedAt),
  };
  return { replayed, result };
}
