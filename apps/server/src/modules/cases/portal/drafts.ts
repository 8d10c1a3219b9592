import { type DraftSave } from '@tongban/contracts';
import { type Deps } from '../../../platform/app-types';
import { hmacSm3Hex } from '../../../platform/crypto';
import { type Executor } from '../../../platform/db';
import { type FilePolicy } from '../../../platform/files';
import { getPublishedVersion } from '../../catalog';
import { CasesError } from '../cases.errors';
import * as repo from '../cases.repository';
import { openDraftData } from './draft-identity';
import * as portalRepo from './portal.repository';

/** Materials uploaded online: scans and photos, limited in size and type (docs/api-cases.md). */
export const MATERIAL_POLICY: FilePolicy = {
  maxBytes: 10 * 1024 * 1024,
  mediaTypes: ['application/pdf', 'image/png', 'image/jpeg'],
};

// ── Applicant portal ────────────────────────────────────────────────────────

export const draftHash = (deps: Deps, token: string) =>
  hmacSm3Hex(deps.config.secrets.lookupKey, `draft:${token}`);
export type DraftFile = {
  materialName: string;
  sha256: string;
  name: string;
  mediaType: string;
  size: number;
};

export function toDraft(
  deps: Deps,
  d: { itemId: string; data: unknown; files: unknown; caseId: string | null; updatedAt: Date | string },
  caseNo: string | null,
) {
  return {
    itemId: d.itemId,
    data: openDraftData(deps, d.data as DraftSave['data']),
    files: d.files as DraftFile[],
    submittedCaseNo: caseNo,
    updatedAt: new Date(d.updatedAt).toISOString(),
  };
}

export async function publishedForPortal(deps: Deps, itemId: string) {
  const item = await getPublishedVersion(deps, itemId);
  if (item.onlineLevel === 'offline')
    throw new CasesError('CASE_WRONG_STATUS', '该事项仅支持线下办理，请到窗口申请');
  return item;
}

export async function draftOrThrow(deps: Deps, db: Executor, token: string, forUpdate = false) {
  const d = await portalRepo.findDraftByHash(db, draftHash(deps, token), forUpdate);
  if (!d) throw new CasesError('CASE_DRAFT_NOT_FOUND');
  return d;
}

/** The number of the case a draft became (in the draft's region). */
export async function caseNoOf(db: Executor, regionCode: string, caseId: string | null) {
  if (!caseId) return null;
  return (await repo.findCaseIn(db, regionCode, caseId))?.caseNo ?? null;
}
