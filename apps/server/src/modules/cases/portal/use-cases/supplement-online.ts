import { CASE_STATUS_LABELS, type OnlineSupplementResult, type TrackInput } from '@tongban/contracts';
import type { Actor } from '../../../../platform/access';
import type { Deps } from '../../../../platform/app-types';
import { storeFile } from '../../../../platform/files';
import { CasesError } from '../../cases.errors';
import * as repo from '../../cases.repository';
import { supplementReceived } from '../../use-cases/receive-supplement';
import { MATERIAL_POLICY } from '../drafts';
import { trackedCase } from './track-case';

export type SupplementFile = { materialName: string; bytes: Buffer; mediaType: string; name: string };

/**
 * 零跑动 补正 (issue 14, point 3): the applicant answers a 一次性告知补正 online, with the case number
 * and 查询码 (SEC-2: the same 404 as tracking for any wrong pair). Every material the notice asked for
 * comes in one go; the case then records the supplement exactly as a clerk's 收到补正材料 does, so the
 * ACC-1 clock resumes from today. The actor is the public (no user), recorded with its address.
 */
export async function supplementOnline(
  deps: Deps,
  publicActor: Actor,
  input: TrackInput,
  files: SupplementFile[],
): Promise<OnlineSupplementResult> {
  const row = await trackedCase(deps, input);
  if (row.status !== 'supplement_requested')
    throw new CasesError('CASE_WRONG_STATUS', '该办件当前不需要补正材料');
  const wanted = (await repo.listMaterials(deps.db, row.regionCode, row.id)).filter(
    (m) => m.status === 'missing',
  );
  for (const f of files)
    if (!wanted.some((m) => m.name === f.materialName))
      throw new CasesError('CASE_UNKNOWN_MATERIAL', `“${f.materialName}”不是补正告知书要求的材料`);
  const lacking = wanted.filter((m) => !files.some((f) => f.materialName === m.name)).map((m) => m.name);
  if (lacking.length)
    throw new CasesError(
      'CASE_MATERIALS_MISSING',
      `请一并上传补正告知书要求的全部材料：${lacking.join('、')}`,
      {
        missing: lacking,
      },
    );
  // The public acts on this one case only, found by its credentials above: the transition runs with
  // the system's reach (no staff role applies), attributed to the public actor's address.
  const actor: Actor = { ...publicActor, role: 'system', regionCode: row.regionCode };
  const names = wanted.map((m) => m.name);
  const summary = await supplementReceived(
    deps,
    actor,
    row.id,
    { version: row.version, materials: names, atWindow: false },
    async (tx) => {
      const shas = new Map<string, string>();
      for (const f of files)
        shas.set(
          f.materialName,
          await storeFile(tx, deps.config.dataDir, f, MATERIAL_POLICY, {
            kind: 'case',
            id: row.id,
            regionCode: row.regionCode,
          }),
        );
      return shas;
    },
  );
  return {
    caseNo: row.caseNo,
    status: summary.status,
    statusLabel: CASE_STATUS_LABELS[summary.status],
    received: names,
  };
}
