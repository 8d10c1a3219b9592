import type { BundleLicenseVerification, BundleSupplementUpload } from '@tongban/contracts';
import { SYSTEM_ACTOR } from '../../../platform/access';
import type { Deps } from '../../../platform/app-types';
import { casesService } from '../../cases';
import { BundlesError } from '../bundles.errors';
import * as repo from '../bundles.repository';
import { toBundleLicense } from '../bundles.read-model';
import { findTrackedBundle, trackBundle } from './get-bundle';

/**
 * BUN-1: the applicant hands in what one paused branch asked for (bundle number + 查询码, SEC-2);
 * the branch's case records the supplement and runs again; the other branches were never paused.
 */
export async function uploadSupplement(deps: Deps, input: BundleSupplementUpload) {
  const b = await findTrackedBundle(deps, input);
  if (!b) throw new BundlesError('BUNDLE_NOT_FOUND');
  const branch = (await repo.listBranches(deps.db, b.regionCode, [b.id])).find(
    (x) => x.caseNo === input.caseNo,
  );
  if (!branch) throw new BundlesError('BUNDLE_BRANCH_NOT_IN_BUNDLE');
  if (branch.status !== 'supplement_requested')
    throw new BundlesError('BUNDLE_WRONG_STATUS', '该分支没有待补正的材料');
  const applicant = { ...SYSTEM_ACTOR, regionCode: b.regionCode, displayName: '申请人（网上补正）' };
  await casesService.supplementReceived(
    deps,
    applicant,
    branch.caseId,
    { version: 0, materials: input.materials, atWindow: false },
    undefined,
    { anyVersion: true },
  );
  return trackBundle(deps, input);
}

/** 一业一证 verification: no sign-in; SEC-2: an unknown token answers only "not found". */
export async function verifyBundleLicense(deps: Deps, token: string): Promise<BundleLicenseVerification> {
  const row = await repo.findLicenseByToken(deps.db, token);
  if (!row) return { found: false, license: null };
  const { verifyToken: _t, ...license } = toBundleLicense(row);
  void _t;
  return { found: true, license };
}
