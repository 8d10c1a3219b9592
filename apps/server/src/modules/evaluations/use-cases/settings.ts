import type { EvalSetting } from '@tongban/contracts';
import { assertAccess, type Actor } from '../../../platform/access';
import type { Deps } from '../../../platform/app-types';
import { runCommand } from '../../../platform/command';
import type { Executor } from '../../../platform/db';
import * as repo from '../evaluations.repository';

export const DEFAULT_SETTING: EvalSetting = { rectifyDays: 5, smsAfterDays: 3 };

/** EVAL-2: the region's 差评 deadline (5 or 15 working days) and when SMS links go out. */
export async function readSetting(db: Executor, regionCode: string): Promise<EvalSetting> {
  const row = await repo.findSetting(db, regionCode);
  return row
    ? { rectifyDays: row.rectifyDays === 15 ? 15 : 5, smsAfterDays: row.smsAfterDays }
    : DEFAULT_SETTING;
}

export async function getSetting(deps: Deps, actor: Actor): Promise<EvalSetting> {
  assertAccess(actor, 'evaluations.read');
  return readSetting(deps.db, actor.regionCode);
}

export async function saveSetting(deps: Deps, actor: Actor, input: EvalSetting): Promise<EvalSetting> {
  assertAccess(actor, 'evaluations.setting.write', { regionCode: actor.regionCode });
  return runCommand(deps, actor, async ({ tx, now }) => {
    await repo.upsertSetting(tx, { regionCode: actor.regionCode, ...input, updatedAt: now });
    return {
      result: input,
      audit: {
        action: 'evaluations.setting.save',
        entityType: 'eval_setting',
        entityId: actor.regionCode,
        summary: input,
      },
    };
  });
}
