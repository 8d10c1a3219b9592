import {
  ONLINE_MATERIAL_GAP_LABELS,
  type ApplicantInput,
  type CatalogVersion,
  type OnlineMaterialCheck,
} from '@tongban/contracts';
import type { Deps } from '../../../../platform/app-types';
import { hmacSm3Hex } from '../../../../platform/crypto';
import type { Executor } from '../../../../platform/db';
import { shanghaiToday } from '../../../../platform/time';
import * as applicantsRepo from '../../applicants/applicants.repository';
import * as licensesRepo from '../../licenses/licenses.repository';

const NOBODY = '00000000-0000-0000-0000-000000000000';

/**
 * ACC-1 at the portal: the required (必要) materials an online application lacks, before it becomes a
 * case. A material an e-license covers (免提交) counts as given only when the identity typed — number
 * AND name — holds a valid license of that type. SEC-1/SEC-2: every other reason (unknown number,
 * another name, no license, an expired one) gives the same entry and does the same reads.
 */
export async function onlineMaterialGaps(
  deps: Deps,
  db: Executor,
  item: Pick<CatalogVersion, 'regionCode' | 'materials'>,
  files: readonly { materialName: string }[],
  applicant: ApplicantInput,
): Promise<OnlineMaterialCheck> {
  const uploaded = new Set(files.map((f) => f.materialName));
  const hash = hmacSm3Hex(deps.config.secrets.lookupKey, `id:${applicant.idNumber.toUpperCase()}`);
  const row = await applicantsRepo.findApplicantByHash(db, item.regionCode.slice(0, 6), hash);
  const holder = row && row.name.trim() === applicant.name.trim() ? row.id : NOBODY;
  const today = shanghaiToday(deps.clock.now());
  const out: OnlineMaterialCheck = { missing: [], fromLicense: [] };
  for (const m of item.materials) {
    if (m.requirement !== 'required' || uploaded.has(m.name)) continue;
    if (m.licenseTypeCode) {
      const held = await licensesRepo.findHeldLicense(
        db,
        row?.regionCode ?? item.regionCode.slice(0, 6),
        holder,
        m.licenseTypeCode,
        today,
      );
      if (held) {
        out.fromLicense.push(m.name);
        continue;
      }
      const reason = 'license_unavailable' as const;
      out.missing.push({ name: m.name, reason, message: ONLINE_MATERIAL_GAP_LABELS[reason] });
    } else {
      const reason = 'not_uploaded' as const;
      out.missing.push({ name: m.name, reason, message: ONLINE_MATERIAL_GAP_LABELS[reason] });
    }
  }
  return out;
}

/** The refusal's wording: every missing material, named, at once (ACC-1). */
export function missingMessage(check: OnlineMaterialCheck): string {
  return `以下必要材料尚未提供，请上传后再提交：${check.missing.map((m) => `${m.name}（${m.message}）`).join('；')}`;
}
